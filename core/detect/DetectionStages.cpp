#include "detect/DetectionStages.h"

#include "detect/events/EventDetectors.h"
#include "detect/logs/LogAnomalyStage.h"
#include "detect/metric/MetricDetectionStage.h"

namespace vigil {

DetectionStages makeDetectionStages(const DetectConfig& cfg) {
    DetectionStages d;
    if (cfg.metrics) {
        auto m = std::make_unique<MetricDetectionStage>();
        d.metrics = m.get();
        d.stages.push_back(std::move(m));
    }
    if (cfg.events)
        for (auto& s : makeEventDetectors()) d.stages.push_back(std::move(s));
    if (cfg.logs) {
        auto l = std::make_unique<LogAnomalyStage>(LogAnomalyConfig{});
        d.logs = l.get();
        d.stages.push_back(std::move(l));
    }
    return d;
}

}  // namespace vigil
