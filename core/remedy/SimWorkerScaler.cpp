#include "remedy/SimWorkerScaler.h"

#include "sim/FleetSimulator.h"

namespace vigil::remedy {

ScaleResult SimWorkerScaler::setReplicas(const std::string& pool, int, int replicas) {
    // The simulator's own count, not the caller's: the delta must be exact.
    const int now = sim_.workerCount(pool);
    if (now < 0) return {false, "unknown pool " + pool};
    if (replicas == now) return {true, pool + " already runs " + std::to_string(now) + " workers"};
    if (!sim_.scaleWorkers(pool, replicas - now))
        return {false, "simulator refused to scale " + pool + " from " + std::to_string(now) + " to " + std::to_string(replicas)};
    return {true, "scaled " + pool + " from " + std::to_string(now) + " to " + std::to_string(replicas) + " workers"};
}

}  // namespace vigil::remedy
