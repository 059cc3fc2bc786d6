// Closed-loop quality on the demo fleet: a simulator scenario is run through the
// real Engine with the default stages (the same pipeline `vigilctl replay` and
// the GUI run, same tick timing) and the incidents are scored against the
// simulator's fault labels. Used by `vigilctl evaluate` and its test.
#pragma once

#include "correlate/IncidentScoring.h"
#include "engine/Pipeline.h"
#include "eval/PredictionScoring.h"
#include "eval/RootCauseScoring.h"

#include <cstdint>
#include <string>

namespace vigil {

struct ScenarioEvaluation {
    std::uint64_t seed = 0;
    std::int64_t durationS = 0;
    ScenarioResult result;
    RunOutput output;  // every anomaly and incident record, for traces
    PredictionScore predictions;  // forecast.breach episodes against the breaches in the telemetry
    RootCauseScore rootCause;     // each incident's named cause against the labels
};

// Simulates `scenario` for durationS seconds from FleetSimulator::kDefaultStart,
// submitting one simulated second per batch to an Engine on a virtual clock
// (engine time follows the records, as in replay). Throws std::invalid_argument
// for a scenario the simulator refuses (see validateScenario).
ScenarioEvaluation evaluateScenario(const std::string& scenario, std::uint64_t seed, std::int64_t durationS,
                                    const PipelineConfig& cfg = {});

}  // namespace vigil
