// Folds repeats of one escalation into the first, so people see "x5" once, not
// the same page five times: an escalation for the same target and rule within
// kFoldMs of the last one keeps the first one's id (its stored row is updated,
// newer wins), counts up and carries the newest reason. Past the window, or for
// another rule, it is a new escalation. Bounded to kMaxKept keys.
#pragma once

#include "record/Record.h"
#include "remedy/ActionAdmission.h"

#include <map>
#include <string>
#include <utility>

namespace vigil::remedy {

class EscalationFolder {
public:
    static constexpr TimestampMs kFoldMs = 60 * 60'000;
    static constexpr std::size_t kMaxKept = 4096;

    // The escalation as a suppressed, critical "escalate" action: `freshId` when
    // it is new, the first one's id (and params "count" N, "first_ts") when it
    // repeats. `repeat` says which.
    Action fold(const Escalation& e, const std::string& incidentId, const std::string& freshId, bool& repeat);

private:
    struct Seen {
        std::string id;
        TimestampMs first = 0, last = 0;
        int count = 0;
    };
    std::map<std::pair<std::string, std::string>, Seen> seen_;  // (target, rule)
};

}  // namespace vigil::remedy
