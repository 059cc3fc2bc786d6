// Which rule of a policy applies to an incident. The planner describes the
// incident as IncidentFacts (its kind, the detectors that fired, the likely
// cause, severity and labels); the first rule whose match holds wins, in file
// order, so specific rules go first.
#pragma once

#include "remedy/Policy.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::remedy {

struct IncidentFacts {
    std::string kind;                    // "rpc-outage", "stuck-tx", ... (planner's classification)
    std::vector<std::string> detectors;  // detectors of its anomalies
    std::string cause;                   // likely cause target, "rpc:eth-main-a"
    Severity severity = Severity::Warning;
    std::map<std::string, std::string> labels;  // e.g. chain=ethereum, workflow=rebalance
    std::optional<TimestampMs> timeToBreachMs;      // the evidence is a prediction: expected time to breach
};

// Shell-style glob: '*' any run of characters, '?' one character; no classes.
bool globMatch(std::string_view pattern, std::string_view text);

bool ruleMatches(const RuleMatch& m, const IncidentFacts& facts);
// The first matching rule, or nullptr (no rule: Vigil proposes nothing).
const PolicyRule* matchRule(const Policy& policy, const IncidentFacts& facts);

}  // namespace vigil::remedy
