// The worker-scaling actuator: sets how many worker agents a pool runs. Two
// implementations: SimWorkerScaler (the demo fleet's pools) and
// CommandWorkerScaler (a configured argv, e.g. kubectl, run without a shell).
// Bounds, cooldown and scale-down stabilisation are not the actuator's job:
// ScaleStabiliser decides, StabilisedWorkerScaler applies its decisions.
#pragma once

#include <string>

namespace vigil::remedy {

struct ScaleResult {
    bool ok = false;
    std::string detail;  // what was run or changed, or why it failed
};

class WorkerScaler {
public:
    virtual ~WorkerScaler() = default;
    // Asks for `replicas` workers in `pool`, which runs `current` now.
    virtual ScaleResult setReplicas(const std::string& pool, int current, int replicas) = 0;
};

}  // namespace vigil::remedy
