#include "engine/Pipeline.h"

#include "correlate/IncidentCorrelator.h"
#include "correlate/OwnEffectMarker.h"

namespace vigil {

PipelineStages installDefaultStages(Engine& engine, const PipelineConfig& cfg) {
    // Detection first (inputs → anomalies), then correlation (anomalies → incidents).
    auto detect = makeDetectionStages(cfg.detect);
    auto correlate = makeCorrelationStages(cfg.correlate);
    // Silences wrap stages (they stay unaware): detectors mark what they emit,
    // the correlator never sees a silenced anomaly and marks silenced incidents.
    using Role = silence::SilenceMarking::Role;
    for (auto& s : detect.stages) engine.addStage(silence::applySilences(std::move(s), cfg.silences, Role::Detector));
    // Between the two, the anomalies that are Vigil's own actions taking effect are
    // marked, under the correlator's own rule (correlate/OwnEffectMarker.h).
    const CorrelatorConfig& own = correlate.incidents->config();
    if (auto marker = makeOwnEffectMarker(own.ownActionEffects, own.ownEffectSettleMs, own.maxTrackedActions))
        engine.addStage(std::move(marker));
    for (auto& s : correlate.stages) engine.addStage(silence::applySilences(std::move(s), cfg.silences, Role::Correlator));
    return {detect.metrics, detect.logs, correlate.incidents};
}

}  // namespace vigil
