// Every action's result as learning sees it (issue #12): did its incident end
// (mitigated or resolved) after it, and how fast. A fix that works ends its
// incident at once (the correlator marks it mitigated on the fix's successful
// outcome); an incident that ends by itself needs minutes of quiet first, so
// "helped" is "ended within helpWindowMs of the action's outcome, with no
// action of another kind on the incident in between" (the last one gets the credit).
#pragma once

#include "record/Record.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil::learn {

struct ActionResult {
    std::string actionId, incidentId, kind, target, rule;
    TimestampMs ts = 0;                  // when the action ran
    std::optional<bool> outcomeOk;       // its Outcome, if one came back
    TimestampMs endedMs = -1;            // action -> incident mitigated/resolved; -1: not (yet)
    bool helped = false;
};

inline constexpr TimestampMs kHelpWindowMs = 60'000;

// actions: Action records (every update, or the latest state of each); only
// those that ran (executing, succeeded, failed; not escalations) get a result.
// incidents: every update, or latest states (then "ended" is the latest state's time).
// In action order of first appearance; deterministic.
std::vector<ActionResult> assessActions(const std::vector<Action>& actions, const std::vector<Outcome>& outcomes,
                                        const std::vector<Incident>& incidents,
                                        TimestampMs helpWindowMs = kHelpWindowMs);

}  // namespace vigil::learn
