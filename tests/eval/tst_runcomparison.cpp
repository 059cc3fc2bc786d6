// What-if comparison (core/eval/RunComparison) on hand-built runs whose answer
// is known: an incident only in A, one only in B, one in both with B detecting
// it 30 s later, an action whose status differs, one only in A; and the
// recorder that builds the runs names an incident's fault kind from the
// specific anomaly on its likely cause.
#include "eval/ReplaySettings.h"
#include "eval/RunComparison.h"
#include "eval/RunRecords.h"

#include <QtTest>

using namespace vigil;

namespace {

constexpr TimestampMs kT0 = 1'700'000'000'000;
constexpr TimestampMs kMin = 60'000;

RunIncident incident(const std::string& id, const std::string& kind, const std::string& where, TimestampMs opened,
                     TimestampMs end) {
    RunIncident r;
    r.incident.id = id;
    r.incident.opened = opened;
    r.incident.ts = end;
    r.incident.cause = where;
    r.incident.targets = {where};
    r.kind = kind;
    r.where = where;
    r.end = end;
    return r;
}

Action action(const std::string& id, const std::string& incident, const std::string& kind, const std::string& target,
              ActionStatus st, TimestampMs ts) {
    Action a;
    a.id = id;
    a.incident_id = incident;
    a.kind = kind;
    a.target = target;
    a.status = st;
    a.ts = ts;
    a.params = "{}";
    return a;
}

// A: an rpc outage (automatic failover) and a stuck tx; B: the same outage seen
// 30 s later with the failover suppressed, no stuck tx, and a worker overload.
std::pair<RunRecords, RunRecords> twoRuns() {
    RunRecords a, b;
    a.label = "A.yaml";
    b.label = "B.yaml";
    a.incidents = {incident("inc-a1", "rpc-outage", "rpc:eth-main-a", kT0, kT0 + 10 * kMin),
                   incident("inc-a2", "stuck-tx", "agent:agent-03", kT0 + 20 * kMin, kT0 + 25 * kMin)};
    b.incidents = {incident("inc-b1", "rpc-outage", "rpc:eth-main-a", kT0 + 30'000, kT0 + 10 * kMin),
                   incident("inc-b2", "worker-overload", "pool:claims", kT0 + 40 * kMin, kT0 + 45 * kMin)};
    a.actions = {action("act-1", "inc-a1", "failover_rpc", "rpc:eth-main-a", ActionStatus::Executing, kT0 + 1000),
                 action("act-2", "inc-a2", "retry_tx", "agent:agent-03", ActionStatus::Executing, kT0 + 20 * kMin)};
    b.actions = {action("act-9", "inc-b1", "failover_rpc", "rpc:eth-main-a", ActionStatus::Suppressed, kT0 + 31'000),
                 action("act-8", "inc-b2", "scale_workers", "pool:claims", ActionStatus::Executing, kT0 + 40 * kMin)};
    return {a, b};
}

}  // namespace

class TestRunComparison : public QObject {
    Q_OBJECT
private slots:
    void incidentsOnlyInEachAndInBoth() {
        const auto [a, b] = twoRuns();
        const RunDiff d = compareRuns(a, b);
        QCOMPARE(int(d.onlyA.size()), 1);
        QCOMPARE(QString::fromStdString(d.onlyA[0].incident.id), QStringLiteral("inc-a2"));
        QCOMPARE(int(d.onlyB.size()), 1);
        QCOMPARE(QString::fromStdString(d.onlyB[0].incident.id), QStringLiteral("inc-b2"));
        QCOMPARE(int(d.both.size()), 1);
        QCOMPARE(QString::fromStdString(d.both[0].a.incident.id), QStringLiteral("inc-a1"));
        QCOMPARE(QString::fromStdString(d.both[0].b.incident.id), QStringLiteral("inc-b1"));
        QCOMPARE(d.both[0].detectDeltaMs, TimestampMs(30'000));  // B detected it 30 s later
        QVERIFY(!d.identical());
    }

    void actionsThatDiffer() {
        const auto [a, b] = twoRuns();
        const RunDiff d = compareRuns(a, b);
        QCOMPARE(d.actionsA, 2);
        QCOMPARE(d.actionsB, 2);
        QCOMPARE(d.actionsSame, 0);
        QCOMPARE(int(d.actions.size()), 3);
        // The failover is in both runs (same incident, kind, target) but B did not take it.
        QVERIFY(d.actions[0].a && d.actions[0].b);
        QCOMPARE(QString::fromStdString(d.actions[0].what), QStringLiteral("status executing -> suppressed"));
        QCOMPARE(QString::fromStdString(describeAction(*d.actions[0].a)),
                 QStringLiteral("failover_rpc on rpc:eth-main-a"));
        // The fee bump belongs to an incident B never had.
        QVERIFY(d.actions[1].a && !d.actions[1].b);
        QCOMPARE(QString::fromStdString(d.actions[1].a->kind), QStringLiteral("retry_tx"));
        QCOMPARE(QString::fromStdString(d.actions[1].what), QStringLiteral("only in A"));
        QVERIFY(!d.actions[2].a && d.actions[2].b);
        QCOMPARE(QString::fromStdString(d.actions[2].b->kind), QStringLiteral("scale_workers"));
    }

    void sameRunsHaveNoDifference() {
        const auto [a, b] = twoRuns();
        const RunDiff d = compareRuns(a, a);
        QVERIFY(d.identical());
        QCOMPARE(int(d.both.size()), 2);
        QCOMPARE(d.actionsSame, 2);
        QVERIFY(d.actions.empty());
        Q_UNUSED(b);
    }

    void sameKindElsewhereOrLaterIsNotAMatch() {
        auto [a, b] = twoRuns();
        // Same kind on another endpoint, and the same endpoint after A's incident closed.
        b.incidents = {incident("inc-b1", "rpc-outage", "rpc:eth-main-b", kT0, kT0 + 10 * kMin),
                       incident("inc-b3", "rpc-outage", "rpc:eth-main-a", kT0 + 11 * kMin, kT0 + 12 * kMin)};
        a.incidents.resize(1);
        const RunDiff d = compareRuns(a, b);
        QVERIFY(d.both.empty());
        QCOMPARE(int(d.onlyA.size()), 1);
        QCOMPARE(int(d.onlyB.size()), 2);
    }

    void recorderNamesTheFaultKind() {
        RunRecorder rec;
        MetricSample in;
        in.ts = kT0;
        Anomaly an;
        an.ts = kT0;
        an.id = "an-1";
        an.detector = "tx.stuck";
        an.series = "tx.pending_age_s";
        an.target = "agent:agent-03";
        Incident inc;
        inc.ts = kT0;
        inc.id = "inc-1";
        inc.opened = kT0;
        inc.cause = "agent:agent-03";
        inc.targets = {"agent:agent-03"};
        rec.add({in}, {an, inc});
        inc.ts = kT0 + 5 * kMin;
        inc.state = IncidentState::Resolved;
        MetricSample later = in;
        later.ts = kT0 + 6 * kMin;
        rec.add({later}, {inc});
        const RunRecords r = rec.take("A");
        QCOMPARE(int(r.incidents.size()), 1);
        QCOMPARE(QString::fromStdString(r.incidents[0].kind), QStringLiteral("stuck-tx"));
        QCOMPARE(r.incidents[0].end, kT0 + 5 * kMin);
        QCOMPARE(int(r.incidents[0].states.size()), 2);
        QCOMPARE(r.anomalyCount, 1);
        QCOMPARE(r.last, kT0 + 6 * kMin);
    }

    void settingsAreCheckedByName() {
        PipelineConfig cfg;
        std::string error;
        QVERIFY(applyReplaySetting("detect.logs=off", cfg, error));
        QVERIFY(!cfg.detect.logs);
        QVERIFY(applyReplaySetting("correlate.group_window=5m", cfg, error));
        QCOMPARE(cfg.correlate.groupWindowMs, TimestampMs(5 * kMin));
        QVERIFY(!applyReplaySetting("detect.log=off", cfg, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("'detect.log': unknown key")), error.c_str());
        QVERIFY(!applyReplaySetting("detect.logs=maybe", cfg, error));
        QVERIFY(!applyReplaySetting("correlate.group_window=0s", cfg, error));
    }

    // The console's sensitivity as a replay setting: the same config the console's
    // replay builds (pipelineAtSensitivity), normal with no dial at all.
    void sensitivityIsTheConsolesLevel() {
        PipelineConfig cfg;
        std::string error;
        QVERIFY2(applyReplaySetting("detect.sensitivity=high", cfg, error), error.c_str());
        QVERIFY(cfg.correlate.sensitivity);
        QCOMPARE(int(cfg.correlate.sensitivity->get()), int(Sensitivity::High));
        QVERIFY(applyReplaySetting("detect.sensitivity=low", cfg, error));
        QCOMPARE(int(cfg.correlate.sensitivity->get()), int(Sensitivity::Low));
        QVERIFY(applyReplaySetting("detect.sensitivity=normal", cfg, error));
        QVERIFY(!cfg.correlate.sensitivity);
        QVERIFY(!applyReplaySetting("detect.sensitivity=loud", cfg, error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("must be low, normal or high")), error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
