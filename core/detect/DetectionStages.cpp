#include "detect/DetectionStages.h"

namespace vigil {

std::vector<std::unique_ptr<Stage>> makeDetectionStages(const DetectConfig&) {
    // Foundation: detection is a pass-through; the detectors of issue #3 plug in here.
    return {};
}

}  // namespace vigil
