// What a replay keeps of its outputs, and the snapshot of the incidents, stay
// bounded however long the recording (every replay checkpoint copies them):
// beyond their caps the oldest resolved incident and the oldest action go first,
// counted, and the digest still covers every output.
#include "engine/SnapshotBuilder.h"
#include "record/LatestIncidents.h"
#include "replay/ReplayOutputs.h"

#include <QTest>

using namespace vigil;

namespace {
Incident incident(int n, IncidentState state, TimestampMs opened) {
    Incident i;
    i.ts = opened + 1000;
    i.id = "inc-" + std::to_string(1000 + n);
    i.state = state;
    i.opened = opened;
    i.targets = {"rpc:eth-main-a"};
    return i;
}
Action action(int n) {
    Action a;
    a.ts = 1000 + n;
    a.id = "act-" + std::to_string(1000 + n);
    a.incident_id = "inc-1000";
    a.kind = "failover_rpc";
    a.target = "rpc:eth-main-a";
    return a;
}
Outcome outcome(int n) {
    Outcome o;
    o.ts = 2000 + n;
    o.action_id = "act-" + std::to_string(1000 + n);
    o.detail = "simulated";
    return o;
}
}  // namespace

class TestReplayOutputs : public QObject {
    Q_OBJECT
private slots:
    // The oldest resolved incident leaves first, then the oldest opened; updates of
    // a kept incident replace it in place and are not new.
    void latestIncidentsDropTheOldestResolvedFirst() {
        std::map<std::string, Incident> kept;
        std::int64_t dropped = 0;
        QVERIFY(keepLatestIncident(kept, incident(1, IncidentState::Open, 100), 3, dropped));
        QVERIFY(keepLatestIncident(kept, incident(2, IncidentState::Resolved, 200), 3, dropped));
        QVERIFY(keepLatestIncident(kept, incident(3, IncidentState::Resolved, 300), 3, dropped));
        QVERIFY(!keepLatestIncident(kept, incident(1, IncidentState::Mitigated, 100), 3, dropped));
        QCOMPARE(int(kept.at("inc-1001").state), int(IncidentState::Mitigated));
        QCOMPARE(dropped, std::int64_t(0));
        QVERIFY(keepLatestIncident(kept, incident(4, IncidentState::Open, 400), 3, dropped));
        QCOMPARE(kept.size(), std::size_t(3));
        QCOMPARE(dropped, std::int64_t(1));
        QVERIFY(!kept.count("inc-1002"));  // the oldest resolved, though inc-1001 is older
        QVERIFY(keepLatestIncident(kept, incident(5, IncidentState::Open, 500), 3, dropped));
        QVERIFY(!kept.count("inc-1003"));
        QVERIFY(keepLatestIncident(kept, incident(6, IncidentState::Open, 600), 3, dropped));
        QVERIFY(!kept.count("inc-1001"));  // none resolved: the oldest opened
        QCOMPARE(dropped, std::int64_t(3));
        QCOMPARE(kept.size(), std::size_t(3));
    }

    void replayOutputsKeepTheirCapsAndCountTheRest() {
        ReplayOutputs a, b;
        a.maxIncidents = 5;
        a.maxActions = 10;
        std::vector<Record> out;
        for (int n = 0; n < 40; ++n) {
            out.push_back(incident(n, n % 2 ? IncidentState::Resolved : IncidentState::Open, 1000 * n));
            out.push_back(action(n));
            out.push_back(outcome(n));
        }
        out.push_back(outcome(0));  // of an action no longer kept: not kept either
        a.add(out);
        b.add(out);  // default caps: everything kept
        QCOMPARE(a.incidents.size(), std::size_t(5));
        QCOMPARE(a.actions.size(), std::size_t(10));
        QCOMPARE(a.outcomes.size(), std::size_t(10));
        QCOMPARE(a.incidentsOpened, std::int64_t(40));
        QCOMPARE(a.incidentsDropped, std::int64_t(35));
        QCOMPARE(a.actionsPlanned, std::int64_t(40));
        QCOMPARE(a.actionsDropped, std::int64_t(30));
        QCOMPARE(a.actions.front().id, std::string("act-1030"));  // the newest kept
        QVERIFY(!a.outcomes.count("act-1000"));
        QCOMPARE(b.incidents.size(), std::size_t(40));
        QCOMPARE(b.incidentsDropped, std::int64_t(0));
        // The digest covers every output whatever was kept; the text says what was dropped.
        QCOMPARE(a.digest, b.digest);
        QCOMPARE(a.outputs, b.outputs);
        const std::string text = a.serialize();
        QVERIFY(text.find("{\"dropped\":{\"incidents\":35,\"actions\":30}}\n") != std::string::npos);
        QVERIFY(b.serialize().find("dropped") == std::string::npos);
    }

    // The UI's snapshot keeps at most incidentLimit incidents and reports the rest
    // as evictions ("incidents").
    void snapshotIncidentsAreBoundedAndCounted() {
        SnapshotOptions o;
        o.incidentLimit = 4;
        SnapshotBuilder sb(o);
        std::vector<Record> out;
        for (int n = 0; n < 10; ++n) out.push_back(incident(n, IncidentState::Resolved, 1000 * n));
        sb.consumeOutputs(out);
        Snapshot s;
        sb.fill(s);
        QCOMPARE(s.incidents.size(), std::size_t(4));
        QCOMPARE(s.incidents.front().id, std::string("inc-1006"));
        std::int64_t forgotten = -1;
        for (const auto& [holder, n] : s.counters.evictions)
            if (holder == "incidents") forgotten = n;
        QCOMPARE(forgotten, std::int64_t(6));
    }
};

QTEST_GUILESS_MAIN(TestReplayOutputs)
#include "tst_replayoutputs.moc"
