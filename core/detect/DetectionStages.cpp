#include "detect/DetectionStages.h"

#include "detect/events/EventDetectors.h"
#include "detect/logs/LogAnomalyStage.h"
#include "detect/metric/MetricDetectionStage.h"

namespace vigil {

std::vector<std::unique_ptr<Stage>> makeDetectionStages(const DetectConfig& cfg) {
    std::vector<std::unique_ptr<Stage>> stages;
    if (cfg.metrics) stages.push_back(std::make_unique<MetricDetectionStage>());
    if (cfg.events)
        for (auto& s : makeEventDetectors()) stages.push_back(std::move(s));
    if (cfg.logs) stages.push_back(std::make_unique<LogAnomalyStage>(LogAnomalyConfig{}));
    return stages;
}

}  // namespace vigil
