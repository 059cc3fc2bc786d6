// Settings accepted in a replay window: a new detector sensitivity restarts the
// replay from its start under it, in a new window in the old one's place (the
// old one closes), and its outputs are byte-identical to a headless replay at
// that sensitivity; the live console's settings (database, policy, sign-off,
// recording folder) are named as not applied; the dialog says so when opened
// from a replay window.
#include "../replay/ReplayTestSupport.h"

#include "common/ReplayPipeline.h"
#include "ui/MainWindow.h"
#include "ui/RecordingOpener.h"
#include "ui/ReplayBar.h"
#include "ui/ReplaySettingsApplier.h"
#include "ui/SettingsDialog.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {
ui::ReplayStagesFactory shippedPolicy() {
    return [](std::string& error) {
        std::shared_ptr<app::ReplayPipeline> p = app::ReplayPipeline::create("", error);
        if (!p) return ui::ReplayStages{};
        return ui::ReplayStages{p->installer(), p, [raw = p.get()](Sensitivity s) { raw->setSensitivity(s); }};
    };
}

std::string headless(const std::string& log, Sensitivity s) {
    std::string error;
    auto pipeline = app::ReplayPipeline::create("", error);
    if (!pipeline) return "policy: " + error;
    pipeline->setSensitivity(s);
    ReplayController r(pipeline->installer());
    if (!r.open(log, error)) return "open: " + error;
    r.play();
    r.waitIdle();
    return r.outputs().serialize();
}

ui::ConsoleSettings withSensitivity(const char* level) {
    ui::ConsoleSettings s;
    s.sensitivity = QString::fromLatin1(level);
    return s;
}
}  // namespace

class TestReplaySettings : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_;
    std::string normal_, low_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_replaysettings"));
        QSettings().clear();
        log_ = dir_.filePath(QStringLiteral("cascade.ndjson"));
        QVERIFY(replaytest::writeFile(log_.toStdString(), replaytest::cascadeText(1800, 7), false));
        normal_ = headless(log_.toStdString(), Sensitivity::Normal);
        low_ = headless(log_.toStdString(), Sensitivity::Low);
        QVERIFY(!normal_.empty());
        QVERIFY(normal_ != low_);  // the control: on this recording low sensitivity plans fewer actions
    }

    void aNewSensitivityRestartsTheReplayUnderIt() {
        ui::RecordingOpener opener(shippedPolicy());
        QString error;
        ui::ReplaySession* first = opener.open(log_, error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(int(first->sensitivity()), int(Sensitivity::Normal));  // the stored setting (none: normal)
        first->window()->move(40, 50);
        first->bar()->setSpeed(0);
        first->replay().play();
        QTRY_VERIFY_WITH_TIMEOUT(first->replay().progress().finished, 120000);
        QCOMPARE(first->replay().outputs().serialize(), normal_);

        QPointer<ui::MainWindow> oldWindow = first->window();
        const QRect place = oldWindow->geometry();
        auto* applier = oldWindow->findChild<ui::ReplaySettingsApplier*>();
        QVERIFY(applier);
        QSignalSpy restarted(applier, &ui::ReplaySettingsApplier::restarted);
        emit oldWindow->settingsAccepted(withSensitivity("normal"), withSensitivity("low"));
        QCOMPARE(restarted.count(), 1);
        auto* next = restarted.at(0).at(0).value<ui::ReplaySession*>();
        QVERIFY(next && next != first);
        QCOMPARE(int(next->sensitivity()), int(Sensitivity::Low));
        QCOMPARE(next->window()->geometry(), place);
        QCOMPARE(next->replay().progress().speed, 0.0);  // the old window's speed
        QVERIFY(next->window()->statusBar()->currentMessage().contains(QStringLiteral("restarted from its start")));
        QTRY_VERIFY_WITH_TIMEOUT(oldWindow.isNull(), 10000);  // closed and gone, with its session

        next->replay().play();
        QTRY_VERIFY_WITH_TIMEOUT(next->replay().progress().finished, 120000);
        QCOMPARE(next->replay().outputs().serialize(), low_);
        delete next->window();
    }

    void theLiveConsolesSettingsAreNamedNotApplied() {
        ui::RecordingOpener opener(shippedPolicy());
        QString error;
        ui::ReplaySession* s = opener.open(log_, error);
        QVERIFY2(s, qPrintable(error));
        auto* applier = s->window()->findChild<ui::ReplaySettingsApplier*>();
        QVERIFY(applier);
        QSignalSpy restarted(applier, &ui::ReplaySettingsApplier::restarted);
        QSignalSpy opened(&opener, &ui::RecordingOpener::opened);
        ui::ConsoleSettings before, after;
        after.databasePath = dir_.filePath(QStringLiteral("other.db"));
        after.recordDir = dir_.path();
        after.notifyPerMinute = before.notifyPerMinute + 1;
        emit s->window()->settingsAccepted(before, after);
        QCOMPARE(restarted.count(), 0);
        QCOMPARE(opened.count(), 0);
        QCOMPARE(applier->lastMessage(),
                 QStringLiteral("Settings applied; Database, Recording folder: the live console's, not applied to a replay"));
        QCOMPARE(s->window()->statusBar()->currentMessage(), applier->lastMessage());
        delete s->window();
    }

    void theDialogSaysWhatAppliesToAReplay() {
        QSettings store;
        ui::SettingsDialog live(&store);
        QVERIFY(live.replayNote()->isHidden());
        ui::SettingsDialog replay(&store);
        replay.explainForReplay();
        QVERIFY(!replay.replayNote()->isHidden());
        QVERIFY(replay.replayNote()->text().contains(QStringLiteral("restarts the replay from its start")));
        QVERIFY(replay.replayNote()->text().contains(QStringLiteral("do not apply to a replay")));
    }
};

QTEST_MAIN(TestReplaySettings)
#include "tst_replaysettings.moc"
