// `vigilctl evaluate --learn`: learning shown on the demo fleet
// (core/eval/LearnEvaluation.h): each scenario, repeated, with a noisy but
// healthy series mixed in, runs before and after learning from label-given
// feedback; the report prints both and the changes learned, with their reasons.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigilctl {

struct LearnEvalOptions {
    std::vector<std::string> scenarios;  // "calm" is skipped (no labels to learn from)
    std::uint64_t seed = 1;
    int runs = 6;  // seeds: one recording each, all learned from at once
    std::int64_t cycleS = 3600;   // one recording: cycles x cycleS seconds
    std::int64_t cycles = 1;
    std::string policyPath;       // empty: the shipped policy; its multi-choice playbooks are reversed
};

// kOk when, summed over the runs, false incidents went down, no labelled fault
// is missed after learning and the median time to recover did not grow;
// kFailed otherwise; kUsage for an unreadable policy.
int evaluateLearningReport(const LearnEvalOptions& opt);

}  // namespace vigilctl
