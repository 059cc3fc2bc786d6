#include "engine/Pipeline.h"

namespace vigil {

void installDefaultStages(Engine& engine, const PipelineConfig& cfg) {
    // Detection first (inputs → anomalies), then correlation (anomalies → incidents).
    for (auto& s : makeDetectionStages(cfg.detect)) engine.addStage(std::move(s));
    for (auto& s : makeCorrelationStages(cfg.correlate)) engine.addStage(std::move(s));
}

}  // namespace vigil
