#include "correlate/CorrelationStages.h"

namespace vigil {

std::vector<std::unique_ptr<Stage>> makeCorrelationStages(const CorrelateConfig&) {
    // Foundation: no correlation yet; the incident correlator of issue #3 plugs in here.
    return {};
}

}  // namespace vigil
