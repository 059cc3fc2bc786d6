// The closed loop on the demo fleet: a scenario runs through the default
// pipeline plus the remediation planner, whose actions the simulator carries
// out between one-second steps (SimFleetActuator); the simulator says when
// each fault stopped hurting the fleet. Run without a policy it gives the
// same scenario's recovery without Vigil. Used by `vigilctl evaluate --heal`.
#pragma once

#include "engine/Pipeline.h"
#include "record/Record.h"
#include "remedy/Policy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil {

struct FaultRecovery {
    std::string kind, target;
    TimestampMs start = 0, end = 0;  // injected window
    TimestampMs recoveredMs = -1;    // fault start -> effect gone; -1 when still there at the end
};

struct HealRun {
    std::string scenario;
    std::uint64_t seed = 0;
    bool withVigil = false;
    TimestampMs start = 0, end = 0;  // simulated run
    std::vector<FaultRecovery> faults;
    std::vector<Action> actions;    // every Action record the planner emitted
    std::vector<Outcome> outcomes;  // what the fleet reported back
    int mitigatedByAction = 0;      // incidents the correlator marked mitigated on a fix's successful outcome
    int taken() const;              // executing actions that change the fleet (not notify / escalate)
    int awaitingApproval() const;
};

// policy == nullptr: no planner (the fleet recovers on its own).
// Throws std::invalid_argument for a scenario the simulator refuses.
HealRun evaluateHeal(const std::string& scenario, std::uint64_t seed, std::int64_t durationS,
                     const remedy::Policy* policy, const PipelineConfig& cfg = {});

// Time to recover of one fault; a fault still hurting at the end counts as the rest of the run.
TimestampMs timeToRecover(const FaultRecovery& f, TimestampMs runEnd);

}  // namespace vigil
