// WorkerScaler for the demo fleet: FleetSimulator::scaleWorkers on its pools
// ("pool:airdrop_claim" or "airdrop_claim"). The simulator keeps each pool
// between 1 and 64 workers and retires workers only once idle.
#pragma once

#include "remedy/WorkerScaler.h"

namespace vigil {
class FleetSimulator;
}

namespace vigil::remedy {

class SimWorkerScaler final : public WorkerScaler {
public:
    explicit SimWorkerScaler(FleetSimulator& sim) : sim_(sim) {}
    ScaleResult setReplicas(const std::string& pool, int current, int replicas) override;

private:
    FleetSimulator& sim_;
};

}  // namespace vigil::remedy
