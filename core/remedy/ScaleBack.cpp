#include "remedy/ScaleBack.h"

#include "remedy/PolicyLoader.h"

#include <algorithm>
#include <cstdlib>

namespace vigil::remedy {

namespace {
double number(const std::map<std::string, std::string>& params, const char* key, double fallback) {
    const auto it = params.find(key);
    if (it == params.end()) return fallback;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    return end && *end == '\0' ? v : fallback;
}
}  // namespace

void ScaleBack::scaledUp(const std::string& pool, const std::string& incidentId, const std::string& rule, int before,
                         const std::map<std::string, std::string>& params, TimestampMs at) {
    if (pools_.size() >= kMaxPools && !pools_.count(pool)) return;
    Tracked& t = pools_[pool];
    const bool again = !t.rule.empty();
    // Scaled up again before it came down: the floor stays the first count.
    const int floor = again ? t.floor : before;
    t = Tracked{};
    t.incidentId = incidentId;
    t.rule = rule;
    t.floor = std::max({1, floor, static_cast<int>(number(params, "min_replicas", 1))});
    t.drainS = number(params, "drain_seconds", 60);
    t.at = t.lastCheck = at;
    if (const auto it = params.find("scale_down_stabilization"); it != params.end()) {
        TimestampMs ms = 0;
        if (parseDuration(it->second, ms) && ms > 0) t.windowMs = ms;
    }
}

std::optional<ScaleDown> ScaleBack::check(const std::string& pool, const PoolLoad& load, TimestampMs now) {
    const auto it = pools_.find(pool);
    if (it == pools_.end()) return std::nullopt;
    Tracked& t = it->second;
    if (now - t.lastCheck < kCheckEveryMs) return std::nullopt;
    t.lastCheck = now;
    const auto z = load.sizing(pool, t.drainS);
    if (!z) return std::nullopt;
    t.desired.emplace_back(now, z->desired);
    while (!t.desired.empty() && t.desired.front().first <= now - t.windowMs) t.desired.pop_front();
    if (now - t.at < t.windowMs) return std::nullopt;  // the stabilisation window has not passed yet
    int highest = 0;
    for (const auto& d : t.desired) highest = std::max(highest, d.second);
    const int target = std::max(highest, t.floor);
    if (target >= z->current) return std::nullopt;
    ScaleDown s;
    s.pool = pool;
    s.incidentId = t.incidentId;
    s.rule = t.rule;
    s.from = z->current;
    s.replicas = target;
    s.why = "the load dropped: " + z->why + "; the highest need within the last " + std::to_string(t.windowMs / 1000) +
            " s is " + std::to_string(highest) + ", " + std::to_string(t.floor) + " before Vigil scaled up";
    return s;
}

void ScaleBack::scaledDown(const std::string& pool, int replicas) {
    const auto it = pools_.find(pool);
    if (it != pools_.end() && replicas <= it->second.floor) pools_.erase(it);
}

}  // namespace vigil::remedy
