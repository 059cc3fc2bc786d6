#include "remedy/ScaleStabiliser.h"

#include <algorithm>

namespace vigil::remedy {

namespace {
std::string secs(TimestampMs ms) {
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}
}  // namespace

ScaleDecision ScaleStabiliser::decide(const std::string& pool, int current, int recommended, TimestampMs now) {
    PoolState& st = pools_[pool];
    const int bounded = std::clamp(recommended, limits_.minReplicas, limits_.maxReplicas);
    st.recent.emplace_back(now, bounded);
    while (!st.recent.empty() && st.recent.front().first <= now - limits_.scaleDownWindowMs) st.recent.pop_front();

    int target = bounded;
    std::string why;
    if (bounded > current) {
        why = "recommended " + std::to_string(recommended);
    } else {
        int highest = bounded;
        for (const auto& r : st.recent) highest = std::max(highest, r.second);
        target = std::min(highest, current);  // stabilisation never scales up
        why = highest > bounded ? "recommended " + std::to_string(recommended) + ", but the highest recommendation of the last " +
                                      secs(limits_.scaleDownWindowMs) + " is " + std::to_string(highest)
                                : "recommended " + std::to_string(recommended);
    }
    // A pool outside its bounds is brought inside them whatever the window says.
    target = std::clamp(target, limits_.minReplicas, limits_.maxReplicas);
    if (recommended != bounded) why += " (bounded to " + std::to_string(limits_.minReplicas) + ".." + std::to_string(limits_.maxReplicas) + ")";

    if (target == current) return {false, current, "stay at " + std::to_string(current) + ": " + why};
    if (st.changed && now - st.lastChange < limits_.cooldownMs)
        return {false, current,
                "stay at " + std::to_string(current) + ": cooldown, the last change was " + secs(now - st.lastChange) +
                    " ago (cooldown " + secs(limits_.cooldownMs) + "); wanted " + std::to_string(target) + ", " + why};
    return {true, target, "scale " + std::to_string(current) + " -> " + std::to_string(target) + ": " + why};
}

}  // namespace vigil::remedy
