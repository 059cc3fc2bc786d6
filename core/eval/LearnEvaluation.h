// Showing that learning works (issue #12, `vigilctl evaluate --learn`): a
// repeating fault scenario plus a noisy-but-healthy series (NoisyHealthySeries)
// runs closed-loop (detection, correlation, the planner acting on the
// simulator) under a policy. Feedback is then given automatically from the
// labels, as an operator would: an incident covering a labelled fault is
// "real", any other a "false alarm". core/learn proposes its changes from that
// feedback and the actions' assessed results, and the same recording (same
// seed) runs again with the learned model in force: the learned cuts in the
// correlator, the learned playbook order in the policy.
#pragma once

#include "learn/LearnChange.h"
#include "record/Record.h"
#include "remedy/Policy.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct LearnPhase {
    int incidents = 0;       // distinct incident ids
    int falseIncidents = 0;  // incidents covering no labelled fault
    int faults = 0;          // labelled faults
    int faultsSeen = 0;      // covered by an incident (scoreRun's rule)
    std::vector<TimestampMs> recoverMs;  // per fault: start -> its effect gone (rest of run if never)
    std::optional<TimestampMs> medianRecoverMs;
    std::int64_t belowLearnedCut = 0;   // anomalies kept as anomalies, not evidence
    int fixesTaken = 0;                 // executing actions that change the fleet
};

struct LearnEvaluation {
    std::string scenario;
    std::vector<std::uint64_t> seeds;
    std::int64_t cycleS = 0, cycles = 0;
    LearnPhase before, after;  // summed over the seeds
    int falseAlarmFeedback = 0, realFeedback = 0;
    std::vector<learn::LearnChange> changes;  // what was learned (ids 1..n)
};

// One recording per seed (`scenario` planned again every cycleS seconds for
// `cycles` cycles); the feedback of all of them is learned from at once, then
// each runs again. Throws std::invalid_argument for a scenario the simulator refuses.
LearnEvaluation evaluateLearning(const std::string& scenario, const std::vector<std::uint64_t>& seeds,
                                 std::int64_t cycleS, std::int64_t cycles, const remedy::Policy& policy);

// The demonstration policy: `policy` with the first step of every rule that
// has alternatives reversed (the shipped RPC rule then tries `notify` before
// `failover_rpc`: a playbook written in the wrong order), so learning has a
// better alternative to find.
remedy::Policy reversedPlaybooks(const remedy::Policy& policy);

}  // namespace vigil
