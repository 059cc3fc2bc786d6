#include "engine/Pipeline.h"

namespace vigil {

PipelineStages installDefaultStages(Engine& engine, const PipelineConfig& cfg) {
    // Detection first (inputs → anomalies), then correlation (anomalies → incidents).
    auto detect = makeDetectionStages(cfg.detect);
    auto correlate = makeCorrelationStages(cfg.correlate);
    // Silences wrap stages (they stay unaware): detectors mark what they emit,
    // the correlator never sees a silenced anomaly and marks silenced incidents.
    using Role = silence::SilenceMarking::Role;
    for (auto& s : detect.stages) engine.addStage(silence::applySilences(std::move(s), cfg.silences, Role::Detector));
    for (auto& s : correlate.stages) engine.addStage(silence::applySilences(std::move(s), cfg.silences, Role::Correlator));
    return {detect.metrics, detect.logs, correlate.incidents};
}

}  // namespace vigil
