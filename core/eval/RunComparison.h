// What-if: the difference between two runs of one log (under two policies or
// detector settings). Incidents are matched by kind, target and overlapping
// time (earliest first); a matched pair's detection delta is how much later B
// opened it than A (the fault started at the same moment in both, so this is
// the difference in time to detect). Actions are matched by matched incident,
// kind and target, in order; a pair whose status or parameters differ is a
// difference. Pure: records in, differences out.
#pragma once

#include "eval/RunRecords.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct IncidentMatch {
    RunIncident a, b;
    TimestampMs detectDeltaMs = 0;  // b opened - a opened: > 0 means B detected later
};

struct ActionDifference {
    std::optional<Action> a, b;  // one missing: the action is only in the other run
    std::string what;            // "only in A", "status executing -> suppressed", "params ... -> ..."
};

struct RunDiff {
    std::string labelA, labelB;
    std::vector<RunIncident> onlyA, onlyB;
    std::vector<IncidentMatch> both;
    std::vector<ActionDifference> actions;  // in A's order, then B's leftovers
    std::int64_t actionsA = 0, actionsB = 0, actionsSame = 0;
    bool identical() const { return onlyA.empty() && onlyB.empty() && actions.empty() && detectDeltasZero(); }
    bool detectDeltasZero() const;
};

RunDiff compareRuns(const RunRecords& a, const RunRecords& b);

// "failover_rpc on rpc:eth-main-a", the words the diff uses for an action.
std::string describeAction(const Action& a);

}  // namespace vigil
