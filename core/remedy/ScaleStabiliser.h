// Decides how many workers a pool should run, from a stream of recommendations
// (the planner's: e.g. queue depth / target per worker), the way Kubernetes'
// HorizontalPodAutoscaler does, so a spike does not make the pool flap:
// - bounds: never below minReplicas or above maxReplicas;
// - scale-up at once to the recommendation;
// - scale-down stabilisation: down only to the highest recommendation of the
//   last scaleDownWindowMs (HPA's default window is 300 s), so one quiet sample
//   after a spike does not retire workers that the next burst needs;
// - cooldown: no change within cooldownMs of the previous change.
// Pure rules on injected time; StabilisedWorkerScaler runs an actuator with it.
#pragma once

#include "record/Record.h"

#include <deque>
#include <map>
#include <string>

namespace vigil::remedy {

struct ScalingLimits {
    int minReplicas = 1;
    int maxReplicas = 64;
    TimestampMs cooldownMs = 60'000;
    TimestampMs scaleDownWindowMs = 300'000;
};

struct ScaleDecision {
    bool change = false;
    int replicas = 0;    // the target (== current when no change)
    std::string reason;  // in words, for the action summary and the audit
};

class ScaleStabiliser {
public:
    explicit ScaleStabiliser(ScalingLimits limits) : limits_(limits) {}
    const ScalingLimits& limits() const { return limits_; }

    // Records the recommendation for pool at `now` and says what to do.
    ScaleDecision decide(const std::string& pool, int current, int recommended, TimestampMs now);
    // Call after the actuator applied a change: starts the cooldown.
    void applied(const std::string& pool, TimestampMs now) {
        pools_[pool].lastChange = now;
        pools_[pool].changed = true;
    }

private:
    struct PoolState {
        std::deque<std::pair<TimestampMs, int>> recent;  // (time, bounded recommendation), oldest first
        TimestampMs lastChange = 0;
        bool changed = false;
    };
    ScalingLimits limits_;
    std::map<std::string, PoolState> pools_;
};

}  // namespace vigil::remedy
