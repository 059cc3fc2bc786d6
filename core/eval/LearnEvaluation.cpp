#include "eval/LearnEvaluation.h"

#include "correlate/IncidentCorrelator.h"
#include "correlate/IncidentScoring.h"
#include "engine/Pipeline.h"
#include "eval/NoisyHealthySeries.h"
#include "learn/ActionResults.h"
#include "learn/Adaptation.h"
#include "learn/IncidentSeries.h"
#include "remedy/LivePolicy.h"
#include "remedy/RemediationPlanner.h"
#include "remedy/SimFleetActuator.h"
#include "sim/FleetSimulator.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace vigil {

namespace {

bool changesFleet(const Action& a) {
    return a.status == ActionStatus::Executing && a.kind != "notify" && a.kind != "escalate";
}

struct PhaseRecords {
    std::vector<Anomaly> anomalies;
    std::vector<Incident> incidents;
    std::vector<Action> actions;
    std::vector<Outcome> outcomes;
    std::vector<FaultWindow> faults;
    std::set<std::string> realIncidents;  // covering a labelled fault
    LearnPhase phase;
};

// One closed-loop run; the loop is HealEvaluation's (one simulated second per
// batch, the planner's fixes applied to the simulator between seconds), with
// the noisy series mixed in and every anomaly and incident kept.
PhaseRecords runPhase(const std::string& scenario, std::uint64_t seed, std::int64_t cycleS, std::int64_t cycles,
                      const remedy::Policy& policy, std::shared_ptr<const SeriesCutBoard> cuts) {
    ScenarioSpec spec;
    spec.name = scenario;
    spec.durationS = cycleS;
    spec.repeat = cycles > 1;
    FleetSimulator sim(spec, seed);
    NoisyHealthySeries noise(seed, sim.start());
    const TimestampMs end = sim.start() + cycleS * cycles * 1000;

    VirtualClock clock;
    Engine engine(clock);
    PipelineConfig cfg;
    cfg.correlate.learnedCuts = std::move(cuts);
    const PipelineStages stages = installDefaultStages(engine, cfg);
    remedy::SimFleetActuator actuator;
    remedy::LivePolicy live(policy);
    engine.addStage(std::make_unique<remedy::RemediationPlanner>(clock, live, actuator));
    PhaseRecords rec;
    engine.addSink([&rec](const std::vector<Record>&, const std::vector<Record>& outputs) {
        for (const Record& r : outputs) {
            if (const auto* a = std::get_if<Anomaly>(&r)) rec.anomalies.push_back(*a);
            else if (const auto* i = std::get_if<Incident>(&r)) rec.incidents.push_back(*i);
            else if (const auto* act = std::get_if<Action>(&r)) rec.actions.push_back(*act);
            else if (const auto* o = std::get_if<Outcome>(&r)) rec.outcomes.push_back(*o);
        }
    });
    engine.start();
    std::vector<Outcome> outcomes;
    std::vector<Action> feedback;
    std::vector<TimestampMs> recovered;  // per label: ms to recover, -1 still hurting
    std::size_t seenActions = 0;
    for (TimestampMs t = sim.start() + 1000; t <= end; t += 1000) {
        std::vector<Record> batch;
        sim.advance(t, batch);
        noise.advance(t, batch);
        for (Action& a : feedback) batch.emplace_back(std::move(a));
        for (Outcome& o : outcomes) batch.emplace_back(std::move(o));
        engine.submit(std::move(batch));
        engine.drain();
        outcomes = actuator.apply(sim);
        rec.outcomes.insert(rec.outcomes.end(), outcomes.begin(), outcomes.end());
        feedback.clear();
        for (; seenActions < rec.actions.size(); ++seenActions)
            if (changesFleet(rec.actions[seenActions])) feedback.push_back(rec.actions[seenActions]);
        const auto& labels = sim.labels();
        recovered.resize(labels.size(), -1);
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (recovered[i] < 0 && t > labels[i].start && labels[i].end <= end && !sim.faultEffective(i))
                recovered[i] = t - labels[i].start;
    }
    engine.stop();

    LearnPhase& p = rec.phase;
    for (std::size_t i = 0; i < sim.labels().size(); ++i) {
        const auto& l = sim.labels()[i];
        if (l.end > end) continue;  // planned past the run's end
        rec.faults.push_back({l.kind, l.target, l.start, l.end});
        p.recoverMs.push_back(recovered[i] >= 0 ? recovered[i] : end - l.start);
    }
    p.medianRecoverMs = median(p.recoverMs);
    RunOutput out;
    out.anomalies = rec.anomalies;
    out.incidentUpdates = rec.incidents;
    const Topology* topology = stages.incidents ? &stages.incidents->topology() : nullptr;
    const ScenarioResult scored = scoreRun(scenario, rec.faults, out, topology);
    p.faults = static_cast<int>(scored.faults.size());
    for (const FaultResult& f : scored.faults) p.faultsSeen += f.covered ? 1 : 0;
    // An incident is real when any of its records covers any labelled fault.
    for (const FaultWindow& f : rec.faults) {
        RunOutput one;
        for (const Incident& i : rec.incidents) {
            if (rec.realIncidents.count(i.id)) continue;
            one.incidentUpdates = {i};
            if (scoreRun(scenario, {f}, one, topology).faults.front().covered) rec.realIncidents.insert(i.id);
        }
    }
    std::set<std::string> ids;
    for (const Incident& i : rec.incidents) ids.insert(i.id);
    p.incidents = static_cast<int>(ids.size());
    p.falseIncidents = p.incidents - static_cast<int>(rec.realIncidents.size());
    p.belowLearnedCut = stages.incidents ? stages.incidents->counters().belowLearnedCut : 0;
    for (const Action& a : rec.actions) p.fixesTaken += changesFleet(a) ? 1 : 0;
    return rec;
}


void add(LearnPhase& sum, const LearnPhase& p) {
    sum.incidents += p.incidents;
    sum.falseIncidents += p.falseIncidents;
    sum.faults += p.faults;
    sum.faultsSeen += p.faultsSeen;
    sum.recoverMs.insert(sum.recoverMs.end(), p.recoverMs.begin(), p.recoverMs.end());
    sum.medianRecoverMs = median(sum.recoverMs);
    sum.belowLearnedCut += p.belowLearnedCut;
    sum.fixesTaken += p.fixesTaken;
}

}  // namespace

LearnEvaluation evaluateLearning(const std::string& scenario, const std::vector<std::uint64_t>& seeds,
                                 std::int64_t cycleS, std::int64_t cycles, const remedy::Policy& policy) {
    LearnEvaluation ev;
    ev.scenario = scenario;
    ev.seeds = seeds;
    ev.cycleS = cycleS;
    ev.cycles = cycles;

    // The operator's feedback, from the labels; incident ids are per run, so
    // each run's are prefixed with its seed.
    learn::LearnInputs in;
    for (const std::uint64_t seed : seeds) {
        PhaseRecords before = runPhase(scenario, seed, cycleS, cycles, policy, nullptr);
        add(ev.before, before.phase);
        const std::string run = "s" + std::to_string(seed) + ":";
        auto prefix = [&run](auto& records, auto member) {
            for (auto& r : records) r.*member = run + r.*member;
        };
        prefix(before.incidents, &Incident::id);
        prefix(before.actions, &Action::id);
        prefix(before.actions, &Action::incident_id);
        prefix(before.outcomes, &Outcome::action_id);
        std::set<std::string> ids;
        for (const Incident& i : before.incidents) {
            if (!ids.insert(i.id).second) continue;
            learn::Feedback f;
            f.ts = i.opened;
            f.incidentId = i.id;
            f.verdict = before.realIncidents.count(i.id.substr(run.size())) ? learn::Verdict::Real
                                                                             : learn::Verdict::FalseAlarm;
            f.user = "labels";
            (f.verdict == learn::Verdict::Real ? ev.realFeedback : ev.falseAlarmFeedback) += 1;
            in.feedback.push_back(std::move(f));
            in.now = std::max(in.now, i.ts);
        }
        for (auto& [id, scores] : learn::seriesOfIncidents(before.incidents, before.anomalies))
            in.incidentSeries[id] = std::move(scores);
        const auto results = learn::assessActions(before.actions, before.outcomes, before.incidents);
        in.actions.insert(in.actions.end(), results.begin(), results.end());
    }
    in.policy = &policy;
    ev.changes = learn::proposeChanges(in);
    for (std::size_t i = 0; i < ev.changes.size(); ++i) ev.changes[i].id = static_cast<std::int64_t>(i + 1);

    // The same recordings again, with the learned model in force.
    const learn::LearnedModel model = learn::modelOf(ev.changes);
    auto board = std::make_shared<SeriesCutBoard>();
    board->publish(learn::cutsOf(model));
    const remedy::Policy learned = learn::applyOrders(policy, model);
    for (const std::uint64_t seed : seeds) add(ev.after, runPhase(scenario, seed, cycleS, cycles, learned, board).phase);
    return ev;
}


remedy::Policy reversedPlaybooks(const remedy::Policy& policy) {
    learn::LearnedModel reversed;
    for (const remedy::PolicyRule& r : policy.rules) {
        auto kinds = learn::choicesOf(r);
        if (kinds.size() < 2) continue;
        std::reverse(kinds.begin(), kinds.end());
        reversed.orders[r.name] = kinds;
    }
    return learn::applyOrders(policy, reversed);
}

}  // namespace vigil
