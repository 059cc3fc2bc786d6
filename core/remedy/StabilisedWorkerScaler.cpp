#include "remedy/StabilisedWorkerScaler.h"

namespace vigil::remedy {

ScaleOutcome StabilisedWorkerScaler::recommend(const std::string& pool, int current, int recommended) {
    const TimestampMs now = clock_.now();
    ScaleOutcome out;
    out.decision = stabiliser_.decide(pool, current, recommended, now);
    if (!out.decision.change) return out;
    out.actuated = true;
    out.result = actuator_.setReplicas(pool, current, out.decision.replicas);
    // A failed call starts no cooldown: the next recommendation may try again.
    if (out.result.ok) stabiliser_.applied(pool, now);
    return out;
}

ScaleDecision StabilisedWorkerScaler::preview(const std::string& pool, int current, int recommended) const {
    ScaleStabiliser copy = stabiliser_;
    return copy.decide(pool, current, recommended, clock_.now());
}

}  // namespace vigil::remedy
