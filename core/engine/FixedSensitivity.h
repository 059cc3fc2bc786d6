// A whole run at one detector sensitivity (console replays): the default
// pipeline's configuration for it. Normal gets no dial at all, so such a run is
// byte for byte the one without settings (vigilctl replay, the tests' baselines).
#pragma once

#include "correlate/Sensitivity.h"
#include "engine/Pipeline.h"

#include <memory>

namespace vigil {

inline PipelineConfig pipelineAtSensitivity(Sensitivity s) {
    PipelineConfig cfg;
    if (s != Sensitivity::Normal) cfg.correlate.sensitivity = std::make_shared<SensitivityDial>(s);
    return cfg;
}

}  // namespace vigil
