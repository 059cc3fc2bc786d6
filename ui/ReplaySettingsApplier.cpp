#include "ui/ReplaySettingsApplier.h"

#include "ui/MainWindow.h"
#include "ui/RecordingOpener.h"
#include "ui/ReplayBar.h"
#include "ui/ReplaySession.h"
#include "ui/StoredSettingsUse.h"

#include <QStatusBar>

namespace vigil::ui {

namespace {
QString levelName(Sensitivity s) {
    switch (s) {
        case Sensitivity::Low: return ReplaySettingsApplier::tr("low");
        case Sensitivity::High: return ReplaySettingsApplier::tr("high");
        case Sensitivity::Normal: break;
    }
    return ReplaySettingsApplier::tr("normal");
}
}  // namespace

ReplaySettingsApplier::ReplaySettingsApplier(ReplaySession* session, RecordingOpener* opener)
    : QObject(session->window()), session_(session), opener_(opener) {
    setObjectName(QStringLiteral("replaySettingsApplier"));
}

QStringList ReplaySettingsApplier::notForReplay(const ConsoleSettings& before, const ConsoleSettings& after) {
    QStringList names;
    if (before.databasePath != after.databasePath) names << tr("Database");
    if (before.policyFile != after.policyFile) names << tr("Policy file");
    if (before.signoffUrl != after.signoffUrl || before.tokenFile != after.tokenFile) names << tr("Sign-off service");
    if (before.recordDir != after.recordDir) names << tr("Recording folder");
    return names;
}

void ReplaySettingsApplier::apply(const ConsoleSettings& before, const ConsoleSettings& after) {
    if (!session_) return;
    const QStringList skipped = notForReplay(before, after);
    const QString notHere = skipped.isEmpty()
                                ? QString()
                                : tr("%1: the live console's, not applied to a replay").arg(skipped.join(QStringLiteral(", ")));
    MainWindow* window = session_->window();
    const Sensitivity level = sensitivityOf(after);
    if (level == session_->sensitivity()) {
        message_ = notHere.isEmpty() ? tr("Settings applied") : tr("Settings applied; %1").arg(notHere);
        window->statusBar()->showMessage(message_);
        return;
    }
    const ReplayProgress was = session_->replay().progress();
    QString error;
    ReplaySession* next = opener_->open(session_->path(), error, false, level);
    if (!next) {
        message_ = tr("Detector sensitivity not applied: %1").arg(error);
        window->statusBar()->showMessage(message_);
        return;
    }
    next->window()->setGeometry(window->geometry());
    next->bar()->setSpeed(was.speed);
    if (was.playing) next->replay().play();
    message_ = tr("Detector sensitivity %1: the replay restarted from its start under it").arg(levelName(level));
    if (!notHere.isEmpty()) message_ += QStringLiteral("; ") + notHere;
    next->window()->statusBar()->showMessage(message_);
    if (auto* applier = next->window()->findChild<ReplaySettingsApplier*>()) applier->message_ = message_;
    emit restarted(next);
    window->close();  // deletes it, this applier and the old session after this slot
}

}  // namespace vigil::ui
