// The remediation policy as loaded from YAML (docs/policy.md documents every
// key): which incidents get which playbook, what may run on its own, what needs
// one or two people, and the brakes (budgets, cooldowns, dry run, kill switch).
// Plain data; PolicyLoader builds it, PolicyMatch and ActionAdmission read it.
#pragma once

#include "record/Record.h"
#include "remedy/Wei.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::remedy {

// auto: Vigil may run it alone (within budget); approve: a person must approve
// it first; forbidden: never run, not even with approval.
enum class RiskClass : std::uint8_t { Auto, Approve, Forbidden };
std::string_view toString(RiskClass r);
bool fromString(std::string_view s, RiskClass& out);

// One action a playbook may take. params are the action's own settings
// (e.g. fee_bump_percent, replicas), kept as text for the actuator to read.
struct ActionChoice {
    std::string kind;  // failover_rpc, retry_tx, scale_workers, rollback_workflow, transfer, notify
    RiskClass risk = RiskClass::Auto;
    std::map<std::string, std::string> params;
    int line = 0;  // where it was written, for messages
};

// A step of a playbook: the preferred action, then alternatives tried in order
// when it cannot run (forbidden, cooling down, actuator refused).
struct PlaybookStep {
    ActionChoice action;
    std::vector<ActionChoice> alternatives;
};

// What an incident must look like for a rule to apply. Empty lists match
// anything; all given conditions must hold.
struct RuleMatch {
    std::vector<std::string> kinds;      // incident kind, e.g. "rpc-outage" (any of)
    std::vector<std::string> detectors;  // detector that fired, e.g. "tx.stuck" (any of)
    std::string cause = "*";             // glob on the likely-cause target
    Severity minSeverity = Severity::Info;
    std::map<std::string, std::string> labels;  // label -> glob, all must match
    // Set: only a prediction (forecast.breach) expecting the breach within this time
    // matches, e.g. scale before the overload; not an observed fault.
    std::optional<TimestampMs> breachWithinMs;
};

struct PolicyRule {
    std::string name;
    int line = 0;
    RuleMatch match;
    std::vector<PlaybookStep> playbook;
    std::optional<TimestampMs> cooldownMs;  // overrides Policy::cooldownMs
};

// At most maxActions automatic actions per target within any windowMs.
struct BudgetLimit {
    std::string target = "*";  // glob; the default budget matches every target
    int maxActions = 3;
    TimestampMs windowMs = 30 * 60'000;
};

struct Policy {
    std::string source;  // file it was loaded from (or "<text>")
    bool dryRun = false;      // decide and record, send nothing
    bool killSwitch = false;  // pause every automatic action at once

    Wei approvalLimit = 0;   // value at or above: one person approves
    Wei twoPersonLimit = 0;  // value at or above: two distinct people approve
    TimestampMs approvalExpiryMs = 15 * 60'000;
    TimestampMs cooldownMs = 5 * 60'000;  // same action kind on the same target

    BudgetLimit budget;                    // default, per target
    std::vector<BudgetLimit> budgetOverrides;  // first matching target glob wins

    double maxFeeGwei = 0;         // cap for fee-bump replacements (0 = none)
    int minFeeBumpPercent = 10;    // nodes refuse replacements bumped by less
    std::string notifyWebhook;     // Alertmanager-compatible URL, empty = off
    std::string notifyCaFile;      // https webhook: CAs to trust (PEM) instead of the system's

    std::vector<PolicyRule> rules;

    const BudgetLimit& budgetFor(std::string_view target) const;
    TimestampMs cooldownFor(const PolicyRule* rule) const;
    // How many distinct approvers an action moving `value` needs: 0, 1 or 2.
    int approversFor(RiskClass risk, Wei value) const;
};

}  // namespace vigil::remedy
