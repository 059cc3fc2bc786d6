#include "engine/Pipeline.h"

#include "correlate/IncidentCorrelator.h"
#include "correlate/OwnEffectMarker.h"

namespace vigil {

PipelineStages installDefaultStages(Engine& engine, const PipelineConfig& cfg) {
    // Detection first (inputs → anomalies), then correlation (anomalies → incidents).
    // Marking stages between them annotate what the detectors emit, before the
    // correlator sees it; the stages stay unaware (record/Stage.h, marksOutputs()).
    auto detect = makeDetectionStages(cfg.detect);
    auto correlate = makeCorrelationStages(cfg.correlate);
    auto add = [&](std::unique_ptr<Stage> s) {
        if (s) engine.addStage(std::move(s));
    };
    using Marks = silence::SilenceMarker::Marks;
    for (auto& s : detect.stages) add(std::move(s));
    // Silenced anomalies: recorded and shown, greyed; no evidence for an incident.
    add(silence::markSilences(cfg.silences, Marks::Anomalies));
    // Vigil's own actions taking effect, under the correlator's own rule
    // (correlate/OwnEffectMarker.h).
    const CorrelatorConfig& own = correlate.incidents->config();
    add(makeOwnEffectMarker(own.ownActionEffects, own.ownEffectSettleMs, own.maxTrackedActions));
    for (auto& s : correlate.stages) add(std::move(s));
    // Incidents whose cause is silenced: the planner takes no action, nobody is notified.
    add(silence::markSilences(cfg.silences, Marks::Incidents));
    return {detect.metrics, detect.logs, correlate.incidents};
}

}  // namespace vigil
