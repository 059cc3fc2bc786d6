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

std::vector<std::unique_ptr<Stage>> makeDetectionStages(const DetectConfig& cfg);

}  // namespace vigil
