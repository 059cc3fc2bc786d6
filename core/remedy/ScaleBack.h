// After Vigil scaled a pool up, brings it back down once the measured load no
// longer needs the workers, the way Kubernetes' HPA scales down: not before
// the stabilisation window (the playbook's scale_down_stabilization, default
// 5 min) has passed since the scale-up, and only to the highest
// recommendation (PoolLoad) within that window, so one quiet minute after a
// spike does not retire the workers the next burst needs. Never below the
// count before Vigil's scale-up nor min_replicas: Vigil undoes its own scaling,
// it does not run the pool. Engine thread only; record time only.
#pragma once

#include "remedy/PoolLoad.h"

#include <deque>
#include <map>
#include <optional>
#include <string>

namespace vigil::remedy {

struct ScaleDown {
    std::string pool, incidentId, rule;
    int from = 0, replicas = 0;
    std::string why;  // the load and the window, in words
};

class ScaleBack {
public:
    static constexpr TimestampMs kCheckEveryMs = 10'000;
    static constexpr TimestampMs kDefaultWindowMs = 5 * 60'000;
    static constexpr std::size_t kMaxPools = 1024;

    // A scale-up of `pool` from `before` workers was executed at `at`.
    // params: the playbook's (scale_down_stabilization, min_replicas, drain_seconds).
    void scaledUp(const std::string& pool, const std::string& incidentId, const std::string& rule, int before,
                  const std::map<std::string, std::string>& params, TimestampMs at);
    // A scale-down to propose for `pool` at `now`, when one is due.
    std::optional<ScaleDown> check(const std::string& pool, const PoolLoad& load, TimestampMs now);
    // The proposal ran: back at the floor, the pool is Vigil's no more.
    void scaledDown(const std::string& pool, int replicas);
    bool tracking(const std::string& pool) const { return pools_.count(pool) > 0; }

private:
    struct Tracked {
        std::string incidentId, rule;
        int floor = 1;
        double drainS = 60;
        TimestampMs at = 0, windowMs = kDefaultWindowMs, lastCheck = 0;
        std::deque<std::pair<TimestampMs, int>> desired;  // recommendations within the window
    };
    std::map<std::string, Tracked> pools_;
};

}  // namespace vigil::remedy
