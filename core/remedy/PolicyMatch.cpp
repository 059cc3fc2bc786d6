#include "remedy/PolicyMatch.h"

#include <algorithm>

namespace vigil::remedy {

bool globMatch(std::string_view p, std::string_view t) {
    // Iterative with one backtrack point: linear enough for target names.
    std::size_t pi = 0, ti = 0, starP = std::string_view::npos, starT = 0;
    while (ti < t.size()) {
        if (pi < p.size() && (p[pi] == '?' || p[pi] == t[ti])) {
            ++pi;
            ++ti;
        } else if (pi < p.size() && p[pi] == '*') {
            starP = pi++;
            starT = ti;
        } else if (starP != std::string_view::npos) {
            pi = starP + 1;
            ti = ++starT;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

bool ruleMatches(const RuleMatch& m, const IncidentFacts& f) {
    if (!m.kinds.empty() && std::find(m.kinds.begin(), m.kinds.end(), f.kind) == m.kinds.end()) return false;
    if (!m.detectors.empty()) {
        const bool any = std::any_of(f.detectors.begin(), f.detectors.end(), [&](const std::string& d) {
            return std::find(m.detectors.begin(), m.detectors.end(), d) != m.detectors.end();
        });
        if (!any) return false;
    }
    if (!globMatch(m.cause, f.cause)) return false;
    if (static_cast<int>(f.severity) < static_cast<int>(m.minSeverity)) return false;
    // Only a prediction breaching soon enough: an observed fault or a distant
    // prediction is left to the rules after it.
    if (m.breachWithinMs && (!f.timeToBreachMs || *f.timeToBreachMs > *m.breachWithinMs)) return false;
    for (const auto& [key, pattern] : m.labels) {
        const auto it = f.labels.find(key);
        if (it == f.labels.end() || !globMatch(pattern, it->second)) return false;
    }
    return true;
}

const PolicyRule* matchRule(const Policy& policy, const IncidentFacts& facts) {
    for (const auto& r : policy.rules)
        if (ruleMatches(r.match, facts)) return &r;
    return nullptr;
}

const BudgetLimit& Policy::budgetFor(std::string_view target) const {
    for (const auto& b : budgetOverrides)
        if (globMatch(b.target, target)) return b;
    return budget;
}

TimestampMs Policy::cooldownFor(const PolicyRule* rule) const {
    return rule && rule->cooldownMs ? *rule->cooldownMs : cooldownMs;
}

int Policy::approversFor(RiskClass risk, Wei value) const {
    int n = risk == RiskClass::Approve ? 1 : 0;
    if (approvalLimit > 0 && value >= approvalLimit) n = std::max(n, 1);
    if (twoPersonLimit > 0 && value >= twoPersonLimit) n = 2;
    return n;
}

std::string_view toString(RiskClass r) {
    switch (r) {
    case RiskClass::Auto: return "auto";
    case RiskClass::Approve: return "approve";
    case RiskClass::Forbidden: return "forbidden";
    }
    return "auto";
}

bool fromString(std::string_view s, RiskClass& out) {
    if (s == "auto") out = RiskClass::Auto;
    else if (s == "approve") out = RiskClass::Approve;
    else if (s == "forbidden") out = RiskClass::Forbidden;
    else return false;
    return true;
}

}  // namespace vigil::remedy
