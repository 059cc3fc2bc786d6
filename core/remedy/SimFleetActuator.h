// Drives the demo fleet (FleetSimulator) from planned actions. The planner runs
// on the engine thread and the simulator on its owner's, so submit() only
// queues; the owner calls apply() between simulator steps, which carries the
// actions out and returns their Outcome records for the next engine batch.
#pragma once

#include "remedy/Actuator.h"

#include <mutex>
#include <string>
#include <vector>

namespace vigil {
class FleetSimulator;
}

namespace vigil::remedy {

class SimFleetActuator final : public Actuator {
public:
    std::optional<Outcome> submit(const Action& action) override;  // always nullopt: queued
    // Carries out the queued actions in order at simulator time sim.now().
    std::vector<Outcome> apply(FleetSimulator& sim);
    std::size_t applied() const { return applied_; }

private:
    std::mutex mutex_;
    std::vector<Action> queued_;
    std::size_t applied_ = 0;
};

// One action against the simulator: failover_rpc (to another endpoint of the
// same chain), retry_tx (oldest pending tx of the agent, fee_bump_percent),
// scale_workers (to `replicas`, else one `step` up; at most max_replicas),
// rollback_workflow, notify (nothing
// to do). Pure function of the action and the fleet; `detail` says what happened.
bool applyToFleet(FleetSimulator& sim, const Action& action, std::string& detail);

// The value of a string field of a compact JSON object of strings ("" if absent).
std::string jsonField(const std::string& json, const std::string& key);

}  // namespace vigil::remedy
