// File → Settings takes effect when OK is pressed, not at the next start: each
// case opens the dialog from the File menu of a running window, changes one
// setting, accepts, and shows its effect in the same window:
// - the critical-incident and approval notification switches and the rate;
// - the detector sensitivity reaches the running engine between batches (the
//   GUI only requests it) and changes whether an anomaly opens an incident;
// - "always record" starts a recording in the chosen folder at once;
// - the settings that need a restart say so in the status bar.
#include "SettingsTestSupport.h"
#include "engine/Engine.h"
#include "engine/Pipeline.h"
#include "record/Clock.h"
#include "replay/InputRecorder.h"
#include "ui/ApprovalSource.h"
#include "ui/ConsoleSettings.h"
#include "ui/CriticalIncidentWatch.h"
#include "ui/EngineBridge.h"
#include "ui/MainWindow.h"
#include "ui/RecordingMenu.h"
#include "ui/SettingsApplier.h"
#include "ui/SettingsDialog.h"
#include "ui/StoredSettingsUse.h"
#include "ui/TrayNotifier.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace vigil;

namespace {
// Opens File → Settings in `w`, lets `edit` change the form, presses OK.
// False when the dialog did not open or OK was disabled.
bool throughDialog(ui::MainWindow& w, const std::function<void(ui::SettingsDialog&)>& edit) {
    bool accepted = false;
    QTimer::singleShot(0, &w, [&] {
        auto* d = w.findChild<ui::SettingsDialog*>();
        if (!d) return;
        edit(*d);
        accepted = d->canAccept();
        if (accepted) d->accept();
        else d->reject();
    });
    QAction* settings = w.findChild<QAction*>(QStringLiteral("settingsAction"));
    if (!settings) return false;
    settings->trigger();
    return accepted;
}

}  // namespace

class TestSettingsLive : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        settingstest::keepSettingsIn(dir_.path(), QStringLiteral("tst_settingslive"));
    }
    void init() { QSettings().clear(); }

    void notificationsSwitchAtOnce() {
        SystemClock clock;
        Engine engine(clock);
        ui::EngineBridge bridge(engine);
        ui::MainWindow w(&bridge);
        settingstest::OfferedApprovals source;
        w.attachApprovals(&source);
        auto* watch = w.findChild<ui::CriticalIncidentWatch*>();
        auto* tray = w.findChild<ui::TrayNotifier*>();
        QVERIFY(watch && tray);
        QVERIFY(watch->announces());
        QCOMPARE(tray->minIntervalMs(), 10'000);  // 6 a minute, the default

        QVERIFY(throughDialog(w, [](ui::SettingsDialog& d) {
            d.findChild<QCheckBox*>(QStringLiteral("notifyCritical"))->setChecked(false);
            d.findChild<QCheckBox*>(QStringLiteral("notifyApprovals"))->setChecked(false);
            d.findChild<QSpinBox*>(QStringLiteral("notifyPerMinute"))->setValue(3);
        }));
        QVERIFY(!watch->announces());
        QCOMPARE(tray->minIntervalMs(), 20'000);
        source.offer("apr-0000000001");
        QVERIFY(tray->lastNotice().text.isEmpty());  // approvals off: no message

        QVERIFY(throughDialog(w, [](ui::SettingsDialog& d) {
            d.findChild<QCheckBox*>(QStringLiteral("notifyCritical"))->setChecked(true);
            d.findChild<QCheckBox*>(QStringLiteral("notifyApprovals"))->setChecked(true);
        }));
        QVERIFY(watch->announces());
        source.offer("apr-0000000002");
        QVERIFY(!tray->lastNotice().text.isEmpty());
    }

    void sensitivityReachesTheRunningEngineBetweenBatches() {
        SystemClock clock;
        Engine engine(clock);
        auto dial = std::make_shared<SensitivityDial>(Sensitivity::Normal);
        PipelineConfig pipeline;
        pipeline.correlate.sensitivity = dial;
        installDefaultStages(engine, pipeline);
        engine.addSink(ui::sensitivityLatch(dial));
        engine.start();
        ui::EngineBridge bridge(engine);
        ui::MainWindow w(&bridge);
        ui::SettingsApplier applier(&w, dial, nullptr);
        connect(&w, &ui::MainWindow::settingsAccepted, &applier, &ui::SettingsApplier::apply);

        QCOMPARE(settingstest::openedBy(dial, 0.7), 0);
        QVERIFY(throughDialog(w, [](ui::SettingsDialog& d) {
            auto* box = d.findChild<QComboBox*>(QStringLiteral("sensitivity"));
            box->setCurrentIndex(box->findData(QStringLiteral("high")));
        }));
        QVERIFY(dial->requested() == Sensitivity::High);  // asked for, without waiting
        QVERIFY(dial->get() == Sensitivity::Normal);      // the engine had no batch since
        QVERIFY(engine.submit({MetricSample{1'000, "net.latency_ms", "host:batch-1", 1.0}}));
        engine.drain();
        QVERIFY(dial->get() == Sensitivity::High);
        QCOMPARE(settingstest::openedBy(dial, 0.7), 1);  // the same shift now opens an incident
        QCOMPARE(ui::ConsoleSettings::load(QSettings()).sensitivity, QStringLiteral("high"));
        QVERIFY(applier.lastMessage().isEmpty());  // nothing waits for a restart
        engine.stop();
    }

    void alwaysRecordStartsNow() {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        SystemClock clock;
        Engine engine(clock);
        RecordingTap tap;
        ui::EngineBridge bridge(engine);
        ui::MainWindow w(&bridge);
        ui::RecordingMenu recording(tap, &w, w.fileMenu());
        ui::SettingsApplier applier(&w, nullptr, &recording);
        connect(&w, &ui::MainWindow::settingsAccepted, &applier, &ui::SettingsApplier::apply);
        QVERIFY(!recording.recording());

        // Checked without a folder: named, OK disabled, nothing starts.
        QString why;
        QVERIFY(!throughDialog(w, [&why](ui::SettingsDialog& d) {
            d.findChild<QCheckBox*>(QStringLiteral("alwaysRecord"))->setChecked(true);
            why = d.errorText(ui::ConsoleSettings::Field::RecordDir);
        }));
        QVERIFY2(why.contains(QStringLiteral("choose a folder")), qPrintable(why));
        QVERIFY(!recording.recording());

        QVERIFY(throughDialog(w, [&folder](ui::SettingsDialog& d) {
            d.findChild<QCheckBox*>(QStringLiteral("alwaysRecord"))->setChecked(true);
            d.findChild<QLineEdit*>(QStringLiteral("recordDir"))->setText(folder.path());
        }));
        QVERIFY(recording.recording());
        QCOMPARE(QFileInfo(recording.path()).absolutePath(), QDir(folder.path()).absolutePath());
        QVERIFY(QFileInfo(recording.path()).fileName().startsWith(QStringLiteral("vigil-")));
        QVERIFY(recording.alwaysAction()->isChecked());
        QVERIFY(!recording.statusLabel()->isHidden());
        QCOMPARE(ui::ConsoleSettings::load(QSettings()).recordDir, folder.path());

        // Unchecked: stored as off, the menu follows; the running file goes on.
        QVERIFY(throughDialog(w, [](ui::SettingsDialog& d) {
            d.findChild<QCheckBox*>(QStringLiteral("alwaysRecord"))->setChecked(false);
        }));
        QVERIFY(ui::ConsoleSettings::load(QSettings()).recordDir.isEmpty());
        QVERIFY(!recording.alwaysAction()->isChecked());
        recording.stop();
    }

    void settingsThatNeedARestartSaySo() {
        SystemClock clock;
        Engine engine(clock);
        ui::EngineBridge bridge(engine);
        ui::MainWindow w(&bridge);
        ui::SettingsApplier applier(&w, nullptr, nullptr);
        connect(&w, &ui::MainWindow::settingsAccepted, &applier, &ui::SettingsApplier::apply);
        QString note;
        QVERIFY(throughDialog(w, [this, &note](ui::SettingsDialog& d) {
            d.findChild<QLineEdit*>(QStringLiteral("database"))->setText(dir_.filePath(QStringLiteral("other.db")));
            note = d.findChild<QLabel*>(QStringLiteral("restartNote"))->text();
        }));
        QVERIFY(note.contains(QStringLiteral("next start")));
        QVERIFY2(applier.lastMessage().contains(QStringLiteral("Database")), qPrintable(applier.lastMessage()));
        QCOMPARE(w.statusBar()->currentMessage(), applier.lastMessage());
        ui::ConsoleSettings before, after;
        after.policyFile = QStringLiteral("/x.yaml");
        after.notifyCritical = false;
        QCOMPARE(ui::SettingsApplier::needRestart(before, after), QStringList{QStringLiteral("Policy file")});
    }
};

QTEST_MAIN(TestSettingsLive)
#include "tst_settingslive.moc"
