// `vigilctl evaluate --heal`: the closed loop on the demo fleet
// (core/eval/HealEvaluation.h), run with the policy and without Vigil, then
// reported per fault and summarised against the goals.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigilctl {

struct HealOptions {
    std::vector<std::string> scenarios;
    std::uint64_t seed = 1;
    int runs = 1;
    std::int64_t durationS = 3600, calmDurationS = 86400;
    std::string policyPath;  // empty: the shipped policy
};

// Prints per run and a summary; returns kOk, kFailed (calm acted, or the median
// time to recover misses the 60 s goal) or kUsage (policy unreadable).
int evaluateHealing(const HealOptions& opt);

}  // namespace vigilctl
