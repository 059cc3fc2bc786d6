// The metric detector settings that leave-one-category-out (`vigilctl nab --cv`) may
// choose between: how young records are raised, when a stronger signal escapes the
// damping, how long a detection silences the series, and the detection score.
#pragma once

#include "detect/metric/MetricAnomalyDetector.h"

#include <string>
#include <vector>

namespace vigil::nab {

// In a fixed order that does not depend on the defaults: cross-validation gives a tie
// to the earlier setting. (With the defaults first, as before, a tie went to them, and
// they are themselves chosen on all the files: the held-out figure leaked the choice.)
std::vector<metric::DetectorConfig> detectorGrid();

// "growth=0.10 escape=2.0 quiet=100 fire=0.55"
std::string describe(const metric::DetectorConfig& cfg);

}  // namespace vigil::nab
