// Every action Vigil takes or proposes, in words for a person (notifications,
// the approval request, the audit trail): what was seen, what Vigil did or
// wants to do and why, and the outcome once known. Deterministic: the same
// records give the same bytes (times in UTC, numbers as written in params).
#pragma once

#include "record/Record.h"
#include "record/UtcTime.h"  // utcTime, for the summaries' readers

#include <optional>
#include <string>

namespace vigil::remedy {

struct ActionContext {
    std::optional<Incident> incident;  // what was seen; none for an operator's own proposal
    Action action;
    std::string rule;  // the policy rule that chose the action ("" = proposed by hand)
    std::string why;   // the rule's reason in words, e.g. "error rate 42 % for 2 min"
    std::optional<Approval> approval;  // the latest approval decision, if any
    std::optional<Outcome> outcome;    // once known
    std::string note;  // e.g. "dry-run: nothing was sent", "action budget for agent:agent-07 used up"
};

struct ActionSummary {
    std::string title;  // one line: severity, incident, what and status
    std::string text;   // "Seen: ...\nAction: ...\nWhy: ...\nOutcome: ..."
};

ActionSummary summarizeAction(const ActionContext& ctx);

// The action as a verb phrase, e.g. "switch traffic from rpc:eth-main-a to
// rpc:eth-main-b", "scale pool:airdrop_claim to 8 workers".
std::string describeAction(const Action& a);

}  // namespace vigil::remedy
