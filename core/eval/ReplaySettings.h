// Detector and correlator settings a what-if replay may vary, given on the
// command line as KEY=VALUE (`vigilctl replay --setting`, `--compare-setting`):
//   detect.metrics, detect.events, detect.logs    on|off (a detector family)
//   detect.sensitivity   low|normal|high (the console's File → Settings level,
//                        fixed for the run, as a console replay has it)
//   correlate.group_window, correlate.quiet_to_resolve   a duration (90s, 5m)
#pragma once

#include "engine/Pipeline.h"

#include <string>

namespace vigil {

// Applies one KEY=VALUE to cfg. False with error naming the key and why.
bool applyReplaySetting(const std::string& keyValue, PipelineConfig& cfg, std::string& error);

// The keys applyReplaySetting knows, for help texts and errors.
std::string replaySettingKeys();

}  // namespace vigil
