// The one place that decides which stages run, in which order. Every front end
// (GUI, `vigilctl run`, `vigilctl replay`, evaluation) builds its engine through
// this, so the same log and policy give the same incidents everywhere.
#pragma once

#include "correlate/CorrelationStages.h"
#include "detect/DetectionStages.h"
#include "engine/Engine.h"

namespace vigil {

struct PipelineConfig {
    DetectConfig detect;
    CorrelateConfig correlate;
};

void installDefaultStages(Engine& engine, const PipelineConfig& cfg = {});

}  // namespace vigil
