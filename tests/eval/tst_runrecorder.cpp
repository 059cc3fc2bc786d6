// The replay's run recorder stays bounded however long the log: beyond its
// incident limit it drops the oldest resolved incident (the oldest one when none
// is resolved) with its actions, approvals and outcomes, and counts them.
#include "eval/RunRecords.h"

#include <QtTest>

using namespace vigil;

namespace {

constexpr TimestampMs kT0 = 1'700'000'000'000;

Incident incident(const std::string& id, TimestampMs ts, IncidentState state) {
    Incident i;
    i.id = id;
    i.ts = ts;
    i.opened = ts;
    i.state = state;
    i.cause = "rpc:" + id;
    return i;
}

// One incident with one action on it, approved, with its outcome.
std::vector<Record> withAction(const Incident& inc) {
    Action a;
    a.id = "act-" + inc.id;
    a.incident_id = inc.id;
    a.kind = "failover_rpc";
    a.ts = inc.ts;
    Approval ap;
    ap.action_id = a.id;
    Outcome o;
    o.action_id = a.id;
    return {inc, a, ap, o};
}

std::vector<std::string> ids(const RunRecords& r) {
    std::vector<std::string> v;
    for (const auto& i : r.incidents) v.push_back(i.incident.id);
    return v;
}

}  // namespace

class TestRunRecorder : public QObject {
    Q_OBJECT
private slots:
    void keepsTheNewestIncidentsAndCountsTheDropped() {
        RunRecorder rec(3);
        MetricSample in;
        in.ts = kT0;
        rec.add({in}, withAction(incident("inc-1", kT0, IncidentState::Open)));
        rec.add({in}, withAction(incident("inc-2", kT0 + 1, IncidentState::Resolved)));
        rec.add({in}, withAction(incident("inc-3", kT0 + 2, IncidentState::Open)));
        Action loose;  // on no incident: never dropped with one
        loose.id = "act-loose";
        rec.add({in}, {loose});
        // A fourth: the oldest resolved one (inc-2) goes, not the oldest (inc-1).
        rec.add({in}, withAction(incident("inc-4", kT0 + 3, IncidentState::Open)));
        // A fifth with none resolved: the oldest (inc-1) goes.
        rec.add({in}, withAction(incident("inc-5", kT0 + 4, IncidentState::Open)));
        // An update of a kept incident adds nothing.
        rec.add({in}, {incident("inc-3", kT0 + 5, IncidentState::Resolved)});

        const RunRecords r = rec.take("A");
        QCOMPARE(ids(r), (std::vector<std::string>{"inc-3", "inc-4", "inc-5"}));
        QCOMPARE(r.incidentsDropped, std::int64_t{2});
        std::vector<std::string> actions;
        for (const auto& a : r.actions) actions.push_back(a.id);
        QCOMPARE(actions, (std::vector<std::string>{"act-inc-3", "act-loose", "act-inc-4", "act-inc-5"}));
        QCOMPARE(int(r.approvals.size()), 3);
        QCOMPARE(int(r.outcomes.size()), 3);
        for (const auto& o : r.outcomes) QVERIFY(o.action_id != "act-inc-1" && o.action_id != "act-inc-2");
        QCOMPARE(int(r.incidents[0].states.size()), 2);  // inc-3: open, then resolved
    }

    void aShortRunKeepsEverything() {
        RunRecorder rec;
        MetricSample in;
        in.ts = kT0;
        for (int i = 0; i < 50; ++i) rec.add({in}, withAction(incident("inc-" + std::to_string(100 + i), kT0 + i, IncidentState::Resolved)));
        const RunRecords r = rec.take("A");
        QCOMPARE(int(r.incidents.size()), 50);
        QCOMPARE(int(r.actions.size()), 50);
        QCOMPARE(r.incidentsDropped, std::int64_t{0});
    }
};

QTEST_APPLESS_MAIN(TestRunRecorder)
#include "tst_runrecorder.moc"
