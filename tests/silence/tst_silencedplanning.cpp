// The planner never acts on what a silence covers: a silenced anomaly is no
// evidence for an action, a silenced incident update takes the incident out of
// planning (evidence on it plans nothing), and once the silence is over (an
// update not marked) it is planned as usual.
#include "remedy/PolicyLoader.h"
#include "remedy/RemediationPlanner.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

namespace {

Policy rpcPolicy() {
    Policy p;
    std::string error;
    const bool ok = parsePolicy("version: 1\napproval_limit: 1\ntwo_person_limit: 10\ncooldown: 2m\n"
                                "budget: {max_actions: 5, window: 30m}\n"
                                "rules:\n"
                                "  - name: rpc\n"
                                "    match: {kind: rpc-outage, cause: \"rpc:*\"}\n"
                                "    playbook:\n"
                                "      - action: failover_rpc\n"
                                "        risk: auto\n"
                                "        params: {to: healthiest}\n",
                                "<test>", p, error);
    if (!ok) qFatal("policy: %s", error.c_str());
    return p;
}

struct CountingActuator final : Actuator {
    std::vector<Action> got;
    std::optional<Outcome> submit(const Action& a) override {
        got.push_back(a);
        return Outcome{a.ts, a.id, true, "done"};
    }
};

Anomaly errorShift(TimestampMs ts, bool silenced) {
    Anomaly a;
    a.ts = ts;
    a.id = "an-" + std::to_string(ts);
    a.detector = "level.shift";
    a.series = "rpc.error_rate";
    a.target = "rpc:eth-main-a";
    a.silenced = silenced;
    return a;
}

Incident incident(TimestampMs ts, bool silenced) {
    Incident i;
    i.ts = ts;
    i.id = "inc-1";
    i.severity = Severity::Critical;
    i.opened = 1000;
    i.targets = {"rpc:eth-main-a"};
    i.cause = "rpc:eth-main-a";
    i.silenced = silenced;
    return i;
}

std::size_t actions(const std::vector<Record>& rs) {
    return std::size_t(std::count_if(rs.begin(), rs.end(), [](const Record& r) { return std::holds_alternative<Action>(r); }));
}

}  // namespace

class TestSilencedPlanning : public QObject {
    Q_OBJECT
private slots:
    void silencedEvidenceIsNoReasonToAct() {
        VirtualClock clock(1000);
        LivePolicy live(rpcPolicy());
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        planner.process(incident(1000, false), out);
        planner.process(errorShift(1500, true), out);
        QCOMPARE(actions(out), std::size_t(0));
        QVERIFY(act.got.empty());
        planner.process(errorShift(1600, false), out);  // the same evidence, not silenced: acted on
        QCOMPARE(actions(out), std::size_t(1));
    }

    void aSilencedIncidentIsNotPlanned() {
        VirtualClock clock(1000);
        LivePolicy live(rpcPolicy());
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        planner.process(incident(1000, true), out);
        planner.process(errorShift(1500, false), out);  // even unsilenced evidence: the incident is silenced
        QCOMPARE(actions(out), std::size_t(0));
        QVERIFY(act.got.empty());
        planner.process(incident(2000, false), out);
        QCOMPARE(actions(out), std::size_t(1));  // the silence ended: planned as usual
    }
};

QTEST_GUILESS_MAIN(TestSilencedPlanning)
#include "tst_silencedplanning.moc"
