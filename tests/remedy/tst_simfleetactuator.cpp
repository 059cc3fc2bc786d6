// SimFleetActuator against the real demo fleet: queued actions are carried out
// only on apply(), a failover ends an RPC outage's effect on the fleet (the
// simulator's faultEffective probe), a second failover of an emptied endpoint
// fails instead of pretending, scaling to the load ends an overload before its
// window does, and unknown kinds fail with a reason.
#include "remedy/RemediationPlanner.h"
#include "remedy/SimFleetActuator.h"
#include "sim/FleetSimulator.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

class TestSimFleetActuator : public QObject {
    Q_OBJECT
private slots:
    void failoverEndsAnOutage() {
        FleetSimulator sim("rpc-outage", 1);
        std::vector<Record> sink;
        const FaultLabel fault = sim.labels().at(0);
        sim.advance(fault.start + 5000, sink);
        QVERIFY(sim.faultEffective(0));

        SimFleetActuator act;
        Action a;
        a.id = "act-1";
        a.kind = "failover_rpc";
        a.target = fault.target;
        a.params = compactJson({{"to", "healthiest"}});
        QVERIFY(!act.submit(a).has_value());  // queued, outcome comes from apply()
        QVERIFY(sim.faultEffective(0));
        const auto outcomes = act.apply(sim);
        QCOMPARE(outcomes.size(), std::size_t(1));
        QVERIFY2(outcomes[0].success, outcomes[0].detail.c_str());
        QCOMPARE(outcomes[0].action_id, std::string("act-1"));
        QVERIFY(!sim.faultEffective(0));

        a.id = "act-2";
        act.submit(a);
        const auto again = act.apply(sim);
        QVERIFY(!again.at(0).success);  // nobody left to move
        QVERIFY(again.at(0).detail.find("no agent uses") != std::string::npos);
    }

    void withoutActionTheOutageLastsItsWindow() {
        FleetSimulator sim("rpc-outage", 1);
        std::vector<Record> sink;
        const FaultLabel fault = sim.labels().at(0);
        sim.advance(fault.end - 1000, sink);
        QVERIFY(sim.faultEffective(0));
        sim.advance(fault.end + 1000, sink);
        QVERIFY(!sim.faultEffective(0));
    }

    // Scaling to `replicas` that serve the overload ends it inside its window
    // once the backlog is drained; one small step does not.
    void scalingToTheLoadEndsAnOverloadBeforeItsWindow() {
        FleetSimulator sim("worker-overload", 1);
        std::vector<Record> sink;
        const FaultLabel fault = sim.labels().at(0);
        sim.advance(fault.start + 20'000, sink);
        QVERIFY(sim.faultEffective(0));
        const int before = sim.workerCount(fault.target);
        Action a;
        a.id = "act-1";
        a.kind = "scale_workers";
        a.target = fault.target;
        a.params = compactJson({{"step", "1"}, {"max_replicas", "16"}});
        std::string detail;
        QVERIFY2(applyToFleet(sim, a, detail), detail.c_str());
        QCOMPARE(sim.workerCount(fault.target), before + 1);
        sim.advance(fault.start + 60'000, sink);
        QVERIFY(sim.faultEffective(0));  // one more worker is not 1.5x the capacity
        a.params = compactJson({{"replicas", std::to_string(before * 3)}, {"max_replicas", "16"}});
        QVERIFY2(applyToFleet(sim, a, detail), detail.c_str());
        QCOMPARE(sim.workerCount(fault.target), std::min(16, before * 3));
        sim.advance(fault.start + 240'000, sink);
        QVERIFY(fault.end > fault.start + 240'000);
        QVERIFY(!sim.faultEffective(0));
    }

    void unknownKindFails() {
        FleetSimulator sim("calm", 1);
        Action a;
        a.kind = "transfer";
        a.target = "agent:agent-01";
        std::string detail;
        QVERIFY(!applyToFleet(sim, a, detail));
        QVERIFY(detail.find("no actuator for transfer") != std::string::npos);
    }

    void jsonFieldReadsCompactJson() {
        const std::string j = compactJson({{"step", "2"}, {"why", "a \"quoted\" word"}});
        QCOMPARE(jsonField(j, "step"), std::string("2"));
        QCOMPARE(jsonField(j, "why"), std::string("a \"quoted\" word"));
        QCOMPARE(jsonField(j, "missing"), std::string());
    }
};

QTEST_APPLESS_MAIN(TestSimFleetActuator)
#include "tst_simfleetactuator.moc"
