#include "learn/Adaptation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

namespace vigil::learn {

namespace {

std::string fixed(double v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string hoursText(TimestampMs ms) {
    if (ms < 3'600'000) return std::to_string(std::max<TimestampMs>(1, ms / 60'000)) + " min";
    return fixed(ms / 3'600'000.0, 1) + " h";
}

double roundCut(double v) { return std::round(v * 10000.0) / 10000.0; }

// An incident's verdict: the latest false-alarm/real feedback on it.
std::map<std::string, const Feedback*> incidentVerdicts(const std::vector<Feedback>& feedback) {
    std::map<std::string, const Feedback*> v;
    for (const Feedback& f : feedback)
        if (f.verdict == Verdict::FalseAlarm || f.verdict == Verdict::Real) v[f.incidentId] = &f;
    return v;
}

void proposeCuts(const LearnInputs& in, const LearnConfig& cfg, const LearnedModel& model,
                 std::vector<LearnChange>& out) {
    std::map<SeriesKey, std::set<std::string>> used;  // evidence of reverted cut changes
    for (const LearnChange& c : in.history)
        if (c.reverted() && c.kind == ChangeKind::SeriesCut)
            used[{c.series, c.target}].insert(c.evidence.begin(), c.evidence.end());
    struct Seen {
        std::vector<std::string> falseAlarms;
        TimestampMs first = std::numeric_limits<TimestampMs>::max(), last = 0;
        double realScore = 2.0;  // lowest highest-score in a real incident
        std::string realIncident;
    };
    std::map<SeriesKey, Seen> seen;
    for (const auto& [incident, fb] : incidentVerdicts(in.feedback)) {
        const auto scores = in.incidentSeries.find(incident);
        if (scores == in.incidentSeries.end()) continue;
        for (const auto& [key, score] : scores->second) {
            Seen& s = seen[key];
            if (fb->verdict == Verdict::Real) {
                if (score < s.realScore) s.realScore = score, s.realIncident = incident;
            } else if (!used[key].count(incident)) {
                s.falseAlarms.push_back(incident);
                s.first = std::min(s.first, fb->ts);
                s.last = std::max(s.last, fb->ts);
            }
        }
    }
    std::set<SeriesKey> keys;
    for (const auto& [k, _] : seen) keys.insert(k);
    for (const auto& [k, _] : model.cuts) keys.insert(k);
    for (const SeriesKey& key : keys) {
        const auto cur = model.cuts.find(key);
        const double current = cur == model.cuts.end() ? 0.0 : cur->second;
        const Seen s = seen.count(key) ? seen[key] : Seen{};
        const int n = static_cast<int>(s.falseAlarms.size());
        double target = n > 0 ? std::max(current, std::min(cfg.baseCut + cfg.step * n, cfg.cap)) : current;
        const bool bounded = s.realScore <= 1.0 && target > s.realScore - cfg.margin;
        if (bounded) target = std::max(0.0, s.realScore - cfg.margin);
        target = roundCut(target);
        if (std::abs(target - current) < 1e-9) continue;
        LearnChange c;
        c.ts = in.now;
        c.kind = ChangeKind::SeriesCut;
        c.series = key.first;
        c.target = key.second;
        c.cutBefore = current;
        c.cutAfter = target;
        const std::string what = key.first + " on " + key.second;
        if (target > current) {
            c.evidence = s.falseAlarms;
            c.reason = std::to_string(n) + (n == 1 ? " false alarm" : " false alarms") + " confirmed on " + what +
                       " in " + hoursText(s.last - s.first) + ": score cut " + fixed(current, 3) + " -> " +
                       fixed(target, 3) + " (" + fixed(cfg.step, 2) + " a false alarm from " + fixed(cfg.baseCut, 2) +
                       ", cap " + fixed(cfg.cap, 2) +
                       (bounded ? ", held below real incident " + s.realIncident + " at " + fixed(s.realScore, 3) : "") +
                       ")";
        } else {
            c.evidence = {s.realIncident};
            c.reason = "incident " + s.realIncident + " confirmed real on " + what + " at score " +
                       fixed(s.realScore, 3) + ": score cut " + fixed(current, 3) + " -> " + fixed(target, 3) +
                       " so it stays seen";
        }
        out.push_back(std::move(c));
    }
}

void proposeOrders(const LearnInputs& in, const LearnConfig& cfg, const LearnedModel& model,
                   std::vector<LearnChange>& out) {
    if (!in.policy) return;
    std::set<std::string> used;  // actions behind reverted order changes
    for (const LearnChange& c : in.history)
        if (c.reverted() && c.kind == ChangeKind::PlaybookOrder) used.insert(c.evidence.begin(), c.evidence.end());
    // Operators' word on an action overrides its assessment.
    std::map<std::string, bool> byAction, byIncident;
    for (const Feedback& f : in.feedback) {
        if (f.verdict != Verdict::ActionHelped && f.verdict != Verdict::ActionUseless) continue;
        (f.actionId.empty() ? byIncident[f.incidentId] : byAction[f.actionId]) = f.verdict == Verdict::ActionHelped;
    }
    for (const remedy::PolicyRule& rule : in.policy->rules) {
        const std::vector<std::string> policyOrder = choicesOf(rule);
        if (policyOrder.size() < 2) continue;
        std::map<std::string, std::pair<int, int>> stats;  // kind -> (successes, trials)
        std::vector<std::string> evidence;
        for (const ActionResult& r : in.actions) {
            if (r.rule != rule.name || used.count(r.actionId)) continue;
            bool ok = r.helped;
            if (const auto a = byAction.find(r.actionId); a != byAction.end()) ok = a->second;
            else if (const auto i = byIncident.find(r.incidentId); i != byIncident.end()) ok = i->second;
            auto& [s, n] = stats[r.kind];
            s += ok ? 1 : 0;
            ++n;
            evidence.push_back(r.actionId);
        }
        if (static_cast<int>(evidence.size()) < cfg.minTrials) continue;
        auto rate = [&stats](const std::string& kind) {
            const auto it = stats.find(kind);
            const auto [s, n] = it == stats.end() ? std::pair{0, 0} : it->second;
            return (s + 1.0) / (n + 2.0);
        };
        std::vector<std::string> order = policyOrder;
        std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) { return rate(a) > rate(b); });
        const auto cur = model.orders.find(rule.name);
        const std::vector<std::string> current = cur == model.orders.end() ? policyOrder : cur->second;
        if (order == current) continue;
        LearnChange c;
        c.ts = in.now;
        c.kind = ChangeKind::PlaybookOrder;
        c.rule = rule.name;
        c.orderBefore = current;
        c.orderAfter = order == policyOrder ? std::vector<std::string>{} : order;  // empty: back to the policy's order
        c.evidence = evidence;
        std::string figures;
        for (const auto& kind : order) {
            const auto it = stats.find(kind);
            const auto [s, n] = it == stats.end() ? std::pair{0, 0} : it->second;
            figures += (figures.empty() ? "" : ", ") + kind + " " +
                       (n ? "helped " + std::to_string(s) + " of " + std::to_string(n) : std::string("untried")) + " (" +
                       fixed(100.0 * rate(kind), 0) + " %)";
        }
        c.reason = "rule " + rule.name + ": " + figures + ": try " + order.front() + " first";
        out.push_back(std::move(c));
    }
}

}  // namespace

std::vector<std::string> choicesOf(const remedy::PolicyRule& rule) {
    std::vector<std::string> kinds;
    if (rule.playbook.empty()) return kinds;
    const remedy::PlaybookStep& step = rule.playbook.front();
    kinds.push_back(step.action.kind);
    for (const auto& alt : step.alternatives) kinds.push_back(alt.kind);
    return kinds;
}

std::vector<LearnChange> proposeChanges(const LearnInputs& in, const LearnConfig& cfg) {
    const LearnedModel model = modelOf(in.history);
    std::vector<LearnChange> out;
    proposeCuts(in, cfg, model, out);
    proposeOrders(in, cfg, model, out);
    return out;
}

remedy::Policy applyOrders(const remedy::Policy& policy, const LearnedModel& model) {
    remedy::Policy p = policy;
    for (remedy::PolicyRule& rule : p.rules) {
        const auto it = model.orders.find(rule.name);
        if (it == model.orders.end() || rule.playbook.empty()) continue;
        remedy::PlaybookStep& step = rule.playbook.front();
        std::vector<remedy::ActionChoice> choices{step.action};
        choices.insert(choices.end(), step.alternatives.begin(), step.alternatives.end());
        std::vector<remedy::ActionChoice> ordered;
        for (const std::string& kind : it->second)
            for (auto c = choices.begin(); c != choices.end(); ++c)
                if (c->kind == kind) {
                    ordered.push_back(*c);
                    choices.erase(c);
                    break;
                }
        ordered.insert(ordered.end(), choices.begin(), choices.end());
        step.action = ordered.front();
        step.alternatives.assign(ordered.begin() + 1, ordered.end());
    }
    return p;
}

}  // namespace vigil::learn
