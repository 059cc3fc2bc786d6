// The stored settings take effect, not just sit in QSettings:
// - the critical-incident notification switch: off, the console's incident watch
//   announces nothing (the tray stays quiet) but still counts; on, it announces;
// - silenced incidents are neither announced nor counted in the tray;
// - the detector sensitivity becomes the dial the engine's correlator reads: the
//   same 0.7 level shift opens an incident at "high" and none at "normal";
// - the stored sign-off address and token file are what `vigil --desk` uses
//   when they are left out, with a clear reason when nothing is stored.
#include "SettingsTestSupport.h"
#include "engine/Engine.h"
#include "record/Clock.h"
#include "ui/ApprovalSource.h"
#include "ui/ConsoleSettings.h"
#include "ui/CriticalIncidentWatch.h"
#include "ui/EngineBridge.h"
#include "ui/MainWindow.h"
#include "ui/StoredSettingsUse.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {
std::shared_ptr<const Snapshot> withIncidents(std::vector<Incident> incidents) {
    auto s = std::make_shared<Snapshot>();
    s->incidents = std::move(incidents);
    return s;
}
Incident critical(const std::string& id, bool silenced = false) {
    Incident i;
    i.id = id;
    i.severity = Severity::Critical;
    i.state = IncidentState::Open;
    i.cause = "rpc:eth-main-a";
    i.silenced = silenced;
    return i;
}
}  // namespace

class TestSettingsApplied : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        settingstest::keepSettingsIn(dir_.path(), QStringLiteral("tst_settingsapplied"));
    }
    void init() { QSettings().clear(); }

    void criticalSwitchOffSilencesTheWatch() {
        ui::CriticalIncidentWatch watch;
        watch.setAnnounce(false);
        QSignalSpy opened(&watch, &ui::CriticalIncidentWatch::opened);
        watch.showSnapshot(withIncidents({critical("inc-1")}));
        QCOMPARE(opened.size(), 0);
        QCOMPARE(watch.openCount(), 1);  // the tooltip still counts it
        watch.setAnnounce(true);
        watch.showSnapshot(withIncidents({critical("inc-1"), critical("inc-2")}));
        QCOMPARE(opened.size(), 1);  // only the new one; inc-1 was seen while off
        QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("inc-2"));
    }

    void theConsoleReadsTheSwitch() {
        for (bool on : {false, true}) {
            ui::ConsoleSettings prefs;
            prefs.notifyCritical = on;
            QSettings store;
            prefs.save(store);
            SystemClock clock;
            Engine engine(clock);
            ui::EngineBridge bridge(engine);
            ui::MainWindow w(&bridge);
            settingstest::OfferedApprovals source;
            w.attachApprovals(&source);
            auto* watch = w.findChild<ui::CriticalIncidentWatch*>();
            QVERIFY(watch);
            QCOMPARE(watch->announces(), on);
        }
    }

    void silencedIncidentsRaiseNothing() {
        ui::CriticalIncidentWatch watch;
        QSignalSpy opened(&watch, &ui::CriticalIncidentWatch::opened);
        QSignalSpy count(&watch, &ui::CriticalIncidentWatch::openCountChanged);
        watch.showSnapshot(withIncidents({critical("inc-1", /*silenced=*/true)}));
        QCOMPARE(opened.size(), 0);
        QCOMPARE(watch.openCount(), 0);
        QCOMPARE(count.size(), 0);
        // An announced incident that becomes silenced leaves the count.
        watch.showSnapshot(withIncidents({critical("inc-2")}));
        QCOMPARE(watch.openCount(), 1);
        watch.showSnapshot(withIncidents({critical("inc-2", true)}));
        QCOMPARE(watch.openCount(), 0);
        QCOMPARE(count.last().at(0).toInt(), 0);
        QCOMPARE(opened.size(), 1);
    }

    void sensitivityReachesTheCorrelator() {
        ui::ConsoleSettings prefs;
        prefs.sensitivity = QStringLiteral("high");
        QSettings store;
        prefs.save(store);
        const ui::ConsoleSettings loaded = ui::ConsoleSettings::load(QSettings());
        QVERIFY(ui::sensitivityOf(loaded) == Sensitivity::High);
        auto dial = std::make_shared<SensitivityDial>(ui::sensitivityOf(loaded));
        QCOMPARE(settingstest::openedBy(dial, 0.7), 1);
        dial->set(ui::sensitivityOf(ui::ConsoleSettings{}));  // normal
        QCOMPARE(settingstest::openedBy(dial, 0.7), 0);
        prefs.sensitivity = QStringLiteral("bogus");  // named by check(); the engine runs at normal
        QVERIFY(ui::sensitivityOf(prefs) == Sensitivity::Normal);
    }

    void deskUsesTheStoredAddressAndToken() {
        ui::ConsoleSettings prefs;
        QString url = QStringLiteral("settings"), token;
        QVERIFY(ui::fillDeskFromSettings(url, token, prefs)
                    .contains(QStringLiteral("no sign-off service address is stored")));
        prefs.signoffUrl = QStringLiteral("http://127.0.0.1:8787");
        prefs.tokenFile = QStringLiteral("/tmp/bob.token");
        QCOMPARE(ui::fillDeskFromSettings(url, token, prefs), QString());
        QCOMPARE(url, prefs.signoffUrl);
        QCOMPARE(token, prefs.tokenFile);
        // Given on the command line, they win.
        QString url2 = QStringLiteral("http://10.0.0.1:9000"), token2 = QStringLiteral("/tmp/carol.token");
        QCOMPARE(ui::fillDeskFromSettings(url2, token2, prefs), QString());
        QCOMPARE(url2, QStringLiteral("http://10.0.0.1:9000"));
        QCOMPARE(token2, QStringLiteral("/tmp/carol.token"));
        // Nothing stored and none given: the reason names the option.
        QString url3 = QStringLiteral("http://10.0.0.1:9000"), token3;
        QVERIFY(ui::fillDeskFromSettings(url3, token3, ui::ConsoleSettings{}).contains(QStringLiteral("--token-file")));
    }
};

QTEST_MAIN(TestSettingsApplied)
#include "tst_settingsapplied.moc"
