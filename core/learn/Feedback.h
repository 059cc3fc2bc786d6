// What an operator said about an incident (issue #12): it was a false alarm, it
// was real, the action taken helped, or it was useless. Stored (LearnStore) and
// audited; Adaptation learns from it.
#pragma once

#include "record/Record.h"

#include <string>
#include <string_view>

namespace vigil::learn {

enum class Verdict : std::uint8_t { FalseAlarm, Real, ActionHelped, ActionUseless };
// Wire names: "false_alarm", "real", "action_helped", "action_useless".
std::string_view toString(Verdict v);
bool fromString(std::string_view s, Verdict& out);

struct Feedback {
    std::int64_t seq = 0;  // assigned by the store
    TimestampMs ts = 0;
    std::string incidentId;
    Verdict verdict = Verdict::Real;
    std::string actionId;  // action verdicts: the action judged; empty = the incident's actions
    std::string user;
    std::string comment;
    bool operator==(const Feedback&) const = default;
};

}  // namespace vigil::learn
