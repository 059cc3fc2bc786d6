#include "ui/SettingsApplier.h"

#include "ui/RecordingMenu.h"
#include "ui/StoredSettingsUse.h"

#include <QMainWindow>
#include <QStatusBar>

namespace vigil::ui {

SettingsApplier::SettingsApplier(QMainWindow* window, std::shared_ptr<SensitivityDial> dial, RecordingMenu* recording)
    : QObject(window), window_(window), dial_(std::move(dial)), recording_(recording) {}

QStringList SettingsApplier::needRestart(const ConsoleSettings& before, const ConsoleSettings& after) {
    QStringList names;
    if (before.databasePath != after.databasePath) names << tr("Database");
    if (before.policyFile != after.policyFile) names << tr("Policy file");
    if (before.signoffUrl != after.signoffUrl || before.tokenFile != after.tokenFile) names << tr("Sign-off service");
    return names;
}

void SettingsApplier::apply(const ConsoleSettings& before, const ConsoleSettings& after) {
    if (dial_ && after.sensitivity != before.sensitivity) dial_->request(sensitivityOf(after));
    if (recording_ && after.recordDir != before.recordDir) recording_->followAlwaysFolder(after.recordDir);
    const QStringList restart = needRestart(before, after);
    message_ = restart.isEmpty() ? QString()
                                 : tr("Settings applied; %1 take effect at the next start").arg(restart.join(QStringLiteral(", ")));
    if (!message_.isEmpty()) window_->statusBar()->showMessage(message_);
}

}  // namespace vigil::ui
