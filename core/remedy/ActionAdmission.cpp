#include "remedy/ActionAdmission.h"

namespace vigil::remedy {

namespace {
std::string seconds(TimestampMs ms) { return std::to_string(ms / 1000) + " s"; }
}  // namespace

std::string_view toString(Verdict v) {
    switch (v) {
    case Verdict::Execute: return "execute";
    case Verdict::DryRun: return "dry-run";
    case Verdict::NeedsApproval: return "needs-approval";
    case Verdict::Forbidden: return "forbidden";
    case Verdict::Paused: return "paused";
    case Verdict::CoolingDown: return "cooling-down";
    case Verdict::OverBudget: return "over-budget";
    }
    return "forbidden";
}

int ActionAdmission::runsInWindow(const Policy& policy, const std::string& target) {
    auto& runs = autoRuns_[target];
    const TimestampMs horizon = clock_.now() - policy.budgetFor(target).windowMs;
    while (!runs.empty() && runs.front() <= horizon) runs.pop_front();
    return static_cast<int>(runs.size());
}

Admission ActionAdmission::admit(const Policy& policy, const AdmissionRequest& req) {
    Admission a;
    const ActionChoice& act = *req.action;
    const std::string what = act.kind + " on " + req.target;
    const TimestampMs now = clock_.now();
    if (act.risk == RiskClass::Forbidden) {
        a.reason = what + " is forbidden by the policy" + (req.rule ? " (rule " + req.rule->name + ")" : "");
        return a;
    }
    if (policy.killSwitch) {
        a.verdict = Verdict::Paused;
        a.reason = "kill switch is on: " + what + " not taken";
        return a;
    }
    const TimestampMs cooldown = policy.cooldownFor(req.rule);
    if (const auto it = lastRun_.find({req.target, act.kind}); it != lastRun_.end() && now - it->second < cooldown) {
        a.verdict = Verdict::CoolingDown;
        a.reason = what + " ran " + seconds(now - it->second) + " ago (cooldown " + seconds(cooldown) + ")";
        return a;
    }
    if (const int n = policy.approversFor(act.risk, req.value); n > 0) {
        a.verdict = Verdict::NeedsApproval;
        a.approvers = n;
        if (act.risk == RiskClass::Approve) a.reason = what + " is approve-class";
        else a.reason = what + " moves " + formatEth(req.value) + " ETH";
        if (n == 2) a.reason += ", at or above the two-person limit of " + formatEth(policy.twoPersonLimit) + " ETH: two people approve";
        else if (req.value >= policy.approvalLimit) a.reason += ", at or above the approval limit of " + formatEth(policy.approvalLimit) + " ETH";
        return a;
    }
    const BudgetLimit& budget = policy.budgetFor(req.target);
    if (stopped(req.target)) {
        a.verdict = Verdict::OverBudget;
        a.reason = "automation on " + req.target + " is stopped (budget used up) until an operator resumes it";
        return a;
    }
    if (runsInWindow(policy, req.target) >= budget.maxActions) {
        a.verdict = Verdict::OverBudget;
        a.reason = req.target + " already had " + std::to_string(budget.maxActions) + " automatic actions within " +
                   seconds(budget.windowMs) + "; " + what + " not taken, automation on it stopped";
        stopped_.insert(req.target);
        a.escalation = Escalation{now, req.target, req.rule ? req.rule->name : std::string(),
                                  a.reason + " (the fault keeps coming back: a person should look)"};
        return a;
    }
    autoRuns_[req.target].push_back(now);
    lastRun_[{req.target, act.kind}] = now;
    a.verdict = policy.dryRun ? Verdict::DryRun : Verdict::Execute;
    a.reason = policy.dryRun ? "dry run: would take " + what : what + " is automatic and within budget";
    return a;
}

std::pair<const ActionChoice*, Admission> ActionAdmission::admitStep(const Policy& policy, const PolicyRule& rule,
                                                                     const PlaybookStep& step, const std::string& target,
                                                                     Wei value) {
    Admission last;
    const ActionChoice* lastChoice = nullptr;
    auto tryOne = [&](const ActionChoice& c) {
        lastChoice = &c;
        last = admit(policy, AdmissionRequest{target, &c, &rule, value});
        return last.verdict != Verdict::Forbidden && last.verdict != Verdict::CoolingDown;
    };
    if (tryOne(step.action)) return {lastChoice, last};
    for (const auto& alt : step.alternatives)
        if (tryOne(alt)) return {lastChoice, last};
    return {nullptr, last};
}

void ActionAdmission::recordApprovedRun(const std::string& target, const std::string& kind) {
    lastRun_[{target, kind}] = clock_.now();
}

void ActionAdmission::resume(const std::string& target) {
    stopped_.erase(target);
    autoRuns_.erase(target);
}

}  // namespace vigil::remedy
