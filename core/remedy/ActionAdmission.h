// Decides whether one planned action may run now, before any actuator sees it:
// forbidden by the policy, paused by the kill switch, cooling down, needing
// people, over its target's budget, or free to run (really, or as a dry run).
// Pure logic on an injected clock, no I/O: the planner calls admit() and acts
// on the verdict; escalations come back in the result for it to raise.
#pragma once

#include "record/Clock.h"
#include "remedy/Policy.h"

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace vigil::remedy {

enum class Verdict : std::uint8_t {
    Execute,        // run it now, automatically
    DryRun,         // would run, but dry_run is on: record it as simulated, send nothing
    NeedsApproval,  // raise an approval request for `approvers` people
    Forbidden,      // the policy never allows this action
    Paused,         // kill switch on: Vigil does nothing by itself
    CoolingDown,    // the same action ran on the same target too recently
    OverBudget,     // the target's automatic-action budget is used up; automation stopped there
};
std::string_view toString(Verdict v);

// Raised once when a target's budget runs out; the target stays stopped until
// an operator resumes it (a flapping fault would otherwise be "fixed" forever).
struct Escalation {
    TimestampMs ts = 0;
    std::string target;
    std::string rule;
    std::string reason;  // operator-readable words
};

struct AdmissionRequest {
    std::string target;                 // typed target the action acts on
    const ActionChoice* action = nullptr;
    const PolicyRule* rule = nullptr;   // for cooldown override and messages; may be null
    Wei value = 0;                      // funds the action moves (0 for none)
};

struct Admission {
    Verdict verdict = Verdict::Forbidden;
    int approvers = 0;       // NeedsApproval: 1 or 2 distinct people
    std::string reason;      // why, in words (always set)
    std::optional<Escalation> escalation;
};

class ActionAdmission {
public:
    explicit ActionAdmission(const Clock& clock) : clock_(clock) {}
    // A copy of other's budgets and cooldowns on another clock (a copied planner's own).
    ActionAdmission(const ActionAdmission& other, const Clock& clock)
        : clock_(clock), autoRuns_(other.autoRuns_), lastRun_(other.lastRun_), stopped_(other.stopped_) {}

    // Decides and, for Execute and DryRun, records the run (budget and cooldown
    // count dry runs too, so a dry run shows exactly what a live run would do).
    Admission admit(const Policy& policy, const AdmissionRequest& req);

    // The first choice of a playbook step that is not forbidden or cooling
    // down: the step's action, else its alternatives in order. Returns the
    // chosen action (nullptr when none) and its admission.
    std::pair<const ActionChoice*, Admission> admitStep(const Policy& policy, const PolicyRule& rule,
                                                        const PlaybookStep& step, const std::string& target,
                                                        Wei value = 0);

    // An approved action ran: starts its cooldown (approved runs are people's
    // decisions and do not spend the automatic budget).
    void recordApprovedRun(const std::string& target, const std::string& kind);

    bool stopped(const std::string& target) const { return stopped_.count(target) != 0; }
    // Operator's word that the target may be automated again: clears its stop and history.
    void resume(const std::string& target);
    // Automatic runs on target inside its current budget window.
    int runsInWindow(const Policy& policy, const std::string& target);

private:
    const Clock& clock_;
    std::map<std::string, std::deque<TimestampMs>> autoRuns_;  // target -> run times, oldest first
    std::map<std::pair<std::string, std::string>, TimestampMs> lastRun_;  // (target, kind) -> time
    std::set<std::string> stopped_;
};

}  // namespace vigil::remedy
