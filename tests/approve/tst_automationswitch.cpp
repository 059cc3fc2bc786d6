// AutomationSwitch on a real SQLite file: pause / resume and dry run on / off
// are stored (so a second connection, standing for another process, reads
// them), each change names who and why in its audit draft, a bad identity or a
// read-only database changes nothing, and LivePolicy lays the stored switches
// over the policy file, keeping them across a reload of the file.
#include "approve/AutomationSwitch.h"
#include "remedy/LivePolicy.h"
#include "remedy/PolicyLoader.h"
#include "remedy/SimFleetActuator.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::approve;

namespace {
constexpr TimestampMs kStart = 1'790'000'000'000;

const char* kPolicy =
    "version: 1\n"
    "approval_limit: 1\n"
    "two_person_limit: 10\n"
    "rules:\n"
    "  - name: failover\n"
    "    match:\n"
    "      kind: rpc-outage\n"
    "    playbook:\n"
    "      - action: failover_rpc\n"
    "        risk: auto\n";
}  // namespace

class TestAutomationSwitch : public QObject {
    Q_OBJECT
private slots:
    void changesAreStoredAndAudited() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.db").toStdString();
        auto db = store::Database::open(path, store::OpenMode::ReadWrite);
        QVERIFY2(db, db ? "" : db.error().c_str());
        VirtualClock clock(kStart);
        AutomationSwitch sw(*db, clock);
        AutomationState s;
        QVERIFY(sw.read(s));
        QVERIFY(!s.paused && !s.dryRun);  // nobody changed anything: the file decides
        QCOMPARE(s.version, std::int64_t(0));

        store::AuditEntry audit;
        QVERIFY(sw.change(AutomationChange::Pause, " Alice ", "deploy freeze", s, audit));
        QVERIFY(s.paused && *s.paused);
        QVERIFY(!s.dryRun);
        QCOMPARE(s.by, std::string("alice"));
        QCOMPARE(s.version, std::int64_t(1));
        QCOMPARE(audit.kind, std::string("automation.pause"));
        QCOMPARE(audit.ts, kStart);
        QCOMPARE(remedy::jsonField(audit.body, "by"), std::string("alice"));
        QCOMPARE(remedy::jsonField(audit.body, "reason"), std::string("deploy freeze"));
        QCOMPARE(remedy::jsonField(audit.body, "paused"), std::string("on"));

        // Another connection (another process) sees it.
        auto other = store::Database::open(path, store::OpenMode::ReadOnly);
        QVERIFY(other);
        AutomationSwitch seen(*other, clock);
        AutomationState t;
        QVERIFY(seen.read(t));
        QCOMPARE(t, s);
        // ...but cannot change it read-only, and nothing changes.
        QVERIFY(!seen.change(AutomationChange::Resume, "bob", "", t, audit));
        QVERIFY(sw.read(t));
        QCOMPARE(t, s);

        clock.advanceBy(1000);
        QVERIFY(sw.change(AutomationChange::DryRunOn, "bob", "", s, audit));
        QVERIFY(*s.paused && *s.dryRun);
        QCOMPARE(s.version, std::int64_t(2));
        QCOMPARE(audit.kind, std::string("automation.dry_run_on"));
        QVERIFY(sw.change(AutomationChange::Resume, "bob", "fixed \"quoted\"", s, audit));
        QVERIFY(!*s.paused && *s.dryRun);
        QVERIFY(seen.read(t));
        QCOMPARE(t.reason, std::string("fixed \"quoted\""));
        QCOMPARE(t, s);
        QVERIFY(sw.change(AutomationChange::DryRunOff, "bob", "", s, audit));
        QVERIFY(!*s.dryRun);

        // A bad identity is refused and changes nothing.
        const AutomationState before = s;
        const auto bad = sw.change(AutomationChange::Pause, "a b", "", s, audit);
        QVERIFY(!bad);
        QVERIFY2(bad.error().find("not an identity") != std::string::npos, bad.error().c_str());
        QVERIFY(!sw.change(AutomationChange::Pause, "", "", s, audit));
        QVERIFY(sw.read(t));
        QCOMPARE(t, before);
    }

    void storedSwitchesOverrideThePolicyFileAcrossReloads() {
        remedy::Policy p;
        std::string error;
        QVERIFY2(remedy::parsePolicy(kPolicy, "p.yaml", p, error), error.c_str());
        remedy::LivePolicy live(p);
        std::vector<std::string> events;
        live.onChange([&](const std::string& kind, const std::string& detail) { events.push_back(kind + " " + detail); });
        live.setOverrides(true, std::nullopt, "by alice");
        QVERIFY(live.current()->killSwitch);
        QVERIFY(!live.current()->dryRun);
        // A reload of the file does not undo the people's pause.
        QVERIFY2(live.reloadText(std::string(kPolicy) + "dry_run: true\n", "p2.yaml", error), error.c_str());
        QVERIFY(live.current()->killSwitch);
        QVERIFY(live.current()->dryRun);  // the file's, not overridden
        live.setOverrides(false, false, "by bob");
        QVERIFY(!live.current()->killSwitch);
        QVERIFY(!live.current()->dryRun);
        live.setOverrides(std::nullopt, std::nullopt, "by bob");  // back to what the file says
        QVERIFY(live.current()->dryRun);
        const std::vector<std::string> want = {"kill_switch.on by alice", "policy.loaded p2.yaml", "kill_switch.off by bob",
                                               "dry_run.off by bob", "dry_run.on by bob"};
        QCOMPARE(events, want);
    }
};

QTEST_APPLESS_MAIN(TestAutomationSwitch)
#include "tst_automationswitch.moc"
