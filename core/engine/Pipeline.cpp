#include "engine/Pipeline.h"

namespace vigil {

PipelineStages installDefaultStages(Engine& engine, const PipelineConfig& cfg) {
    // Detection first (inputs → anomalies), then correlation (anomalies → incidents).
    auto detect = makeDetectionStages(cfg.detect);
    auto correlate = makeCorrelationStages(cfg.correlate);
    for (auto& s : detect.stages) engine.addStage(std::move(s));
    for (auto& s : correlate.stages) engine.addStage(std::move(s));
    return {detect.metrics, detect.logs, correlate.incidents};
}

}  // namespace vigil
