#include "eval/HealEvaluation.h"

#include "remedy/LivePolicy.h"
#include "remedy/RemediationPlanner.h"
#include "remedy/SimFleetActuator.h"
#include "sim/FleetSimulator.h"

#include <map>
#include <memory>
#include <set>

namespace vigil {

namespace {
// A fix changes the fleet; a notification tells people and an escalation is a
// record of giving up, neither fixes anything.
bool changesFleet(const Action& a) {
    return a.status == ActionStatus::Executing && a.kind != "notify" && a.kind != "escalate";
}
}  // namespace

int HealRun::taken() const {
    int n = 0;
    for (const Action& a : actions) n += changesFleet(a) ? 1 : 0;
    return n;
}

int HealRun::awaitingApproval() const {
    int n = 0;
    for (const Action& a : actions) n += a.status == ActionStatus::AwaitingApproval ? 1 : 0;
    return n;
}

TimestampMs timeToRecover(const FaultRecovery& f, TimestampMs runEnd) {
    return f.recoveredMs >= 0 ? f.recoveredMs : runEnd - f.start;
}

HealRun evaluateHeal(const std::string& scenario, std::uint64_t seed, std::int64_t durationS,
                     const remedy::Policy* policy, const PipelineConfig& cfg) {
    ScenarioSpec spec;
    spec.name = scenario;
    spec.durationS = durationS;
    FleetSimulator sim(spec, seed);

    HealRun run;
    run.scenario = scenario;
    run.seed = seed;
    run.withVigil = policy != nullptr;
    run.start = sim.start();
    run.end = sim.end();

    VirtualClock clock;  // engine time follows the records, as in replay
    Engine engine(clock);
    installDefaultStages(engine, cfg);
    remedy::SimFleetActuator actuator;
    std::unique_ptr<remedy::LivePolicy> live;
    if (policy) {
        live = std::make_unique<remedy::LivePolicy>(*policy);
        engine.addStage(std::make_unique<remedy::RemediationPlanner>(clock, *live, actuator));
    }
    std::vector<std::pair<std::string, TimestampMs>> mitigations;  // incident id, when
    // Runs on the engine thread; read only after drain() (which synchronises).
    engine.addSink([&run, &mitigations](const std::vector<Record>&, const std::vector<Record>& outputs) {
        for (const Record& r : outputs) {
            if (const auto* a = std::get_if<Action>(&r)) run.actions.push_back(*a);
            if (const auto* i = std::get_if<Incident>(&r); i && i->state == IncidentState::Mitigated)
                mitigations.emplace_back(i->id, i->ts);
        }
    });
    engine.start();

    std::vector<bool> recovered;
    std::vector<Outcome> outcomes;
    std::vector<Action> feedback;
    std::size_t seenActions = 0;
    for (TimestampMs t = sim.start() + 1000; t <= sim.end(); t += 1000) {
        std::vector<Record> batch;
        sim.advance(t, batch);
        // The planner runs after the correlator, which learns an action's
        // incident from the Action record: hand the fixes back with their
        // outcomes, so a successful fix marks its incident mitigated.
        for (Action& a : feedback) batch.emplace_back(std::move(a));
        for (Outcome& o : outcomes) batch.emplace_back(std::move(o));
        engine.submit(std::move(batch));
        // The loop is closed one second at a time: the planner has seen this
        // second before the fleet moves on, so runs are deterministic.
        engine.drain();
        outcomes = actuator.apply(sim);
        feedback.clear();
        for (; seenActions < run.actions.size(); ++seenActions)
            if (const Action& a = run.actions[seenActions]; changesFleet(a)) feedback.push_back(a);
        run.outcomes.insert(run.outcomes.end(), outcomes.begin(), outcomes.end());

        const auto& labels = sim.labels();
        for (std::size_t i = run.faults.size(); i < labels.size(); ++i) {
            run.faults.push_back({labels[i].kind, labels[i].target, labels[i].start, labels[i].end, -1});
            recovered.push_back(false);
        }
        for (std::size_t i = 0; i < run.faults.size(); ++i) {
            FaultRecovery& f = run.faults[i];
            if (recovered[i] || t <= f.start) continue;
            if (!sim.faultEffective(i)) {
                recovered[i] = true;
                f.recoveredMs = t - f.start;
            }
        }
    }
    engine.stop();

    // Mitigated by an action (not by going quiet): the update comes with a fix's successful outcome.
    std::map<std::string, const Action*> byId;
    for (const Action& a : run.actions) byId.emplace(a.id, &a);
    std::set<std::string> fixed;
    for (const Outcome& o : run.outcomes) {
        const auto a = byId.find(o.action_id);
        if (!o.success || a == byId.end() || !changesFleet(*a->second)) continue;
        for (const auto& [id, ts] : mitigations)
            if (id == a->second->incident_id && ts >= o.ts && ts <= o.ts + 1000) fixed.insert(id);
    }
    run.mitigatedByAction = static_cast<int>(fixed.size());
    return run;
}

}  // namespace vigil
