// File → Record in the live console: the demo fleet fed into an engine with the
// recording tap, recorded from the menu's object offscreen and stopped; every
// recorded line decodes and their count is what the recorder wrote of what the
// engine took while recording. Recording onto a full disk (/dev/full) stops with the reason
// naming the file in the status bar while the engine goes on. The file name of
// "always record to DIR" carries the start time; a missing folder is named by
// the settings check.
#include "engine/Pipeline.h"
#include "replay/InputRecorder.h"
#include "replay/LogFileReader.h"
#include "sim/DemoFeed.h"
#include "ui/ConsoleSettings.h"
#include "ui/RecordingMenu.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestRecordingMenu : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    struct Live {
        VirtualClock clock;
        RecordingTap tap;
        Engine engine{clock};
        std::unique_ptr<DemoFeed> feed;
        Live() {
            installDefaultStages(engine);
            engine.addSink(tap.sink());
            engine.start();
            ScenarioSpec spec{"cascade", 3600, true};
            feed = std::make_unique<DemoFeed>(
                spec, 1, FleetSimulator::kDefaultStart,
                [this](std::vector<Record> b) { return engine.submit(std::move(b)); },
                DemoFeed::Options{60, std::chrono::milliseconds(20)});
            feed->start();
        }
        ~Live() {
            feed->stop();
            engine.stop();
        }
    };
    struct Window {
        QMainWindow window;
        QMenu* file;
        Window() {
            file = window.menuBar()->addMenu(QStringLiteral("&File"));
            file->addAction(QStringLiteral("Settings…"))->setMenuRole(QAction::PreferencesRole);
        }
    };

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_recordingmenu"));
    }

    void recordsTheDemoFleetAndEveryLineDecodes() {
        Live live;
        Window w;
        ui::RecordingMenu menu(live.tap, &w.window, w.file);
        QCOMPARE(w.file->actions().first(), menu.recordAction());  // before Settings…
        const QString path = dir_.filePath(QStringLiteral("demo.ndjson.gz"));
        QVERIFY(menu.startTo(path));
        QVERIFY(menu.recording());
        QVERIFY(!menu.recordAction()->isEnabled() && menu.stopAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(menu.statusLabel()->text().contains(QStringLiteral("demo.ndjson.gz")) &&
                                     !menu.statusLabel()->text().contains(QStringLiteral("(0 records)")),
                                 20000);
        QSignalSpy stopped(&menu, &ui::RecordingMenu::stopped);
        std::shared_ptr<InputRecorder> rec = live.tap.recorder();
        QVERIFY(rec);
        menu.stopAction()->trigger();
        QVERIFY(!menu.recording());
        QVERIFY(!live.tap.recorder());
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000);
        QCOMPARE(stopped.at(0).at(1).toString(), QString());  // no error
        const RecorderStats st = rec->stats();
        QVERIFY(st.taken > 0);
        // A batch the engine thread was handing over as Stop came is dropped and
        // counted, never half written: what was taken is written or counted.
        QCOMPARE(st.written + st.dropped, st.taken);
        QVERIFY(st.written > 0);

        LogFileReader reader;
        QVERIFY(reader.open(path.toStdString()));
        std::vector<Record> batch;
        std::int64_t n = 0;
        for (bool more = true; more;) {
            more = reader.readBatch(batch, 4096);
            n += std::int64_t(batch.size());
            batch.clear();
        }
        QVERIFY2(reader.error().empty(), reader.error().c_str());
        QCOMPARE(reader.stats().malformed, std::int64_t(0));
        QCOMPARE(n, st.written);
    }

    void aFullDiskStopsTheRecordingAndNamesTheFile() {
        if (!QFile::exists(QStringLiteral("/dev/full"))) QFAIL("/dev/full is needed to simulate a full disk");
        Live live;
        Window w;
        ui::RecordingMenu menu(live.tap, &w.window, w.file);
        QVERIFY(menu.startTo(QStringLiteral("/dev/full")));
        QTRY_VERIFY_WITH_TIMEOUT(!menu.recording(), 20000);
        const QString msg = w.window.statusBar()->currentMessage();
        QVERIFY2(msg.startsWith(QStringLiteral("Recording stopped: /dev/full: write failed")), qPrintable(msg));
        QVERIFY(menu.recordAction()->isEnabled());
        const auto before = live.engine.recordsProcessed();
        QTRY_VERIFY_WITH_TIMEOUT(live.engine.recordsProcessed() > before, 20000);  // the engine goes on
    }

    void alwaysRecordNamesFilesByTheStartTime() {
        const QDateTime at(QDate(2026, 11, 30), QTime(5, 1, 2));
        QCOMPARE(ui::RecordingMenu::fileNameFor(at), QStringLiteral("vigil-20261130-050102.ndjson.gz"));
        Live live;
        Window w;
        ui::RecordingMenu menu(live.tap, &w.window, w.file);
        QVERIFY(menu.startIn(dir_.path(), at));
        QCOMPARE(menu.path(), dir_.filePath(QStringLiteral("vigil-20261130-050102.ndjson.gz")));
        menu.stop();
        ui::ConsoleSettings s;
        s.recordDir = dir_.filePath(QStringLiteral("missing"));
        QVERIFY(s.check().value(ui::ConsoleSettings::Field::RecordDir).contains(QStringLiteral("does not exist")));
        s.recordDir = dir_.path();
        QVERIFY(!s.check().contains(ui::ConsoleSettings::Field::RecordDir));
    }
};

QTEST_MAIN(TestRecordingMenu)
#include "tst_recordingmenu.moc"
