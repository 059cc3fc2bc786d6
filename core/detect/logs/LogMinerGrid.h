// The settings of the log template miner that cross-validation may choose between
// (`vigilctl logbench --cv`): the similarity threshold, the prefix-tree depth and the
// two joining rules. Everything else (masking, merging) is the method itself.
#pragma once

#include "detect/logs/LogTemplateMiner.h"

#include <string>
#include <vector>

namespace vigil::logs {

// The defaults first, so a tie keeps them.
std::vector<LogMinerConfig> logMinerGrid();

// "sim=0.80 depth=1 keyed=1 oneword=1"
std::string describe(const LogMinerConfig& cfg);

}  // namespace vigil::logs
