// The detection stages the engine runs, built from one configuration. Each stage
// consumes input records (metrics, task/tx events, logs) and emits Anomaly records.
#pragma once

#include "record/Stage.h"

#include <memory>
#include <vector>

namespace vigil {

struct DetectConfig {
    bool metrics = true;
    bool events = true;
    bool logs = true;
};

class MetricDetectionStage;
class LogAnomalyStage;

// The stages in the order they run, with typed handles to those callers inspect
// (null when switched off). The handles stay valid while the stages live.
struct DetectionStages {
    std::vector<std::unique_ptr<Stage>> stages;
    MetricDetectionStage* metrics = nullptr;
    LogAnomalyStage* logs = nullptr;
};

DetectionStages makeDetectionStages(const DetectConfig& cfg);

}  // namespace vigil
