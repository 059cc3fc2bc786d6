// A silence (an operator's maintenance window, as in Alertmanager): while it is
// active, matching anomalies are still recorded and shown (marked `silenced`) but
// open no incident, and a matching incident triggers no action and no
// notification. Active on engine time, half-open: [starts, ends). Ended early by
// moving `ends` to the moment of expiry (who and when kept beside it).
#pragma once

#include "record/Record.h"

#include <map>
#include <string>

namespace vigil::silence {

struct Silence {
    std::int64_t id = 0;  // assigned by the store (SilenceTable), 1, 2, ...
    // Matchers: every one that is set must match; at least one is set.
    std::string target;                         // exact, or a glob with * and ?
    std::map<std::string, std::string> labels;  // each label equal (SilenceMatch.h lists them)
    std::string kind;                           // policy incident kind (rpc-outage, stuck-tx, ...)
    TimestampMs starts = 0, ends = 0;
    std::string reason, createdBy;
    TimestampMs created = 0;
    std::string expiredBy;     // set when expired early
    TimestampMs expiredAt = 0;
    bool operator==(const Silence&) const = default;

    bool activeAt(TimestampMs t) const { return starts <= t && t < ends; }
};

// What a silence is matched against: an anomaly or an incident, reduced to its
// target, its labels and (for anomalies with a fault signature) its kind.
struct SilenceSubject {
    std::string target;
    std::map<std::string, std::string> labels;
    std::string kind;
};

}  // namespace vigil::silence
