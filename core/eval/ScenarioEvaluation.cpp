#include "eval/ScenarioEvaluation.h"

#include "correlate/IncidentCorrelator.h"
#include "sim/FleetSimulator.h"

namespace vigil {

ScenarioEvaluation evaluateScenario(const std::string& scenario, std::uint64_t seed, std::int64_t durationS,
                                    const PipelineConfig& cfg) {
    ScenarioSpec spec;
    spec.name = scenario;
    spec.durationS = durationS;
    FleetSimulator sim(spec, seed);

    ScenarioEvaluation ev;
    ev.seed = seed;
    ev.durationS = durationS;
    RunOutput& out = ev.output;

    VirtualClock clock;  // never ahead of the records: ticks come from record time only
    Engine engine(clock);
    const PipelineStages stages = installDefaultStages(engine, cfg);
    // Runs on the engine thread; `out` is read only after stop() joined it.
    engine.addSink([&out](const std::vector<Record>&, const std::vector<Record>& outputs) {
        for (const Record& r : outputs) {
            if (const auto* a = std::get_if<Anomaly>(&r)) {
                ++out.anomaliesByDetector[a->detector];
                out.anomalies.push_back(*a);
            } else if (const auto* i = std::get_if<Incident>(&r)) {
                out.incidentUpdates.push_back(*i);
            }
        }
    });
    engine.start();
    BreachRecorder breaches;  // the breaches the telemetry really shows
    // One simulated second per batch, as a live feed delivers them.
    for (TimestampMs t = sim.start() + 1000; t <= sim.end(); t += 1000) {
        std::vector<Record> batch;
        sim.advance(t, batch);
        breaches.observe(batch);
        engine.submit(std::move(batch));
    }
    const auto snap = engine.snapshotNow();  // drains
    engine.stop();
    out.inputs = snap->counters.inputs();
    out.refused = snap->counters.rejected;

    std::vector<FaultWindow> faults;
    for (const auto& l : sim.labels()) faults.push_back({l.kind, l.target, l.start, l.end});
    const Topology* topology = stages.incidents ? &stages.incidents->topology() : nullptr;
    ev.result = scoreRun(scenario, faults, out, topology);
    const auto horizonMs = static_cast<TimestampMs>(forecast::ForecastConfig{}.horizonS * 1000.0);
    ev.predictions = scorePredictions(out.anomalies, breaches.breaches(), horizonMs);
    ev.rootCause = scoreRootCause(faults, out.incidentUpdates, topology);
    return ev;
}

}  // namespace vigil
