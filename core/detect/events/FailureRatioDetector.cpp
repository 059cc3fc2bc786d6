#include "detect/events/FailureRatioDetector.h"
#include "record/TaskOutcome.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vigil::events {

FailureRatioDetector::FailureRatioDetector(FailureRatioConfig cfg)
    : cfg_(cfg),
      decay_(std::exp(std::log(0.5) / std::max(1.0, cfg.baselineHalfLife))),
      table_(cfg.maxKeys) {}

bool FailureRatioDetector::tooOld(const std::string& key, TimestampMs ts) const {
    const KeyState* s = table_.find(key);
    return s && s->events > 0 && ts < s->newest - cfg_.reorderSlackMs;
}

bool FailureRatioDetector::processTx(const TxEvent& t, std::vector<Record>& out) {
    if (!cfg_.txPerAgent || (t.state != TxState::Confirmed && t.state != TxState::Failed)) return true;
    if (t.agent.empty()) {
        ++counters_.malformed;
        counters_.lastReason = "tx " + t.tx_hash + ": no agent";
        return false;
    }
    const std::string target = agentTarget(t.agent);
    const std::string key = "tx|" + target;
    if (tooOld(key, t.ts)) {
        ++counters_.outOfOrder;
        counters_.lastReason = "tx " + t.tx_hash + " at " + std::to_string(t.ts) + " is older than " + target +
                               "'s newest transaction outcome";
        return false;
    }
    ++counters_.accepted;
    static const std::string reverted = "reverted";
    const bool failed = t.state == TxState::Failed;
    observe(key, target, Outcomes{"tx.failure_ratio", true, t.ts, failed, reverted}, out);
    return true;
}

bool FailureRatioDetector::process(const Record& in, std::vector<Record>& out) {
    if (const auto* t = std::get_if<TxEvent>(&in)) return processTx(*t, out);
    const auto* e = std::get_if<TaskEvent>(&in);
    if (!e || !isOutcome(e->state)) return true;
    if (e->agent.empty() && e->workflow.empty() && e->endpoint.empty()) {
        ++counters_.malformed;
        counters_.lastReason = "task event " + e->task_id + ": no agent, workflow or endpoint";
        return false;
    }
    // Refuse an event far older than what a key already saw: it would rewrite history.
    std::string keys[3];
    std::size_t n = 0;
    if (cfg_.perEndpoint && !e->endpoint.empty()) keys[n++] = endpointTarget(e->endpoint);
    if (cfg_.perWorkflow && !e->workflow.empty()) keys[n++] = workflowTarget(e->workflow);
    if (cfg_.perAgent && !e->agent.empty()) keys[n++] = agentTarget(e->agent);
    for (std::size_t i = 0; i < n; ++i) {
        if (tooOld(keys[i], e->ts)) {
            ++counters_.outOfOrder;
            counters_.lastReason = "task event " + e->task_id + " at " + std::to_string(e->ts) +
                                   " is older than " + keys[i] + "'s newest event";
            return false;
        }
    }
    ++counters_.accepted;
    const bool failed = e->state == TaskState::Failed;
    for (std::size_t i = 0; i < n; ++i)
        observe(keys[i], keys[i], Outcomes{"task.failure_ratio", false, e->ts, failed, e->error}, out);
    return true;
}

double FailureRatioDetector::baseline(const KeyState& s) const {
    const double p = (s.wFail + cfg_.priorFailureRate * cfg_.priorWeight) / (s.wTotal + cfg_.priorWeight);
    return std::clamp(p, cfg_.minBaseline, 0.5);
}

void FailureRatioDetector::observe(const std::string& key, const std::string& target, const Outcomes& o,
                                   std::vector<Record>& out) {
    KeyState& s = table_.at(key, o.ts);
    const bool failed = o.failed;
    const double p0 = baseline(s);
    const double p1 = std::min(0.95, std::max(p0 * cfg_.alternativeFactor, p0 + cfg_.alternativeShift));
    const double llr = failed ? std::log(p1 / p0) : std::log((1 - p1) / (1 - p0));
    const double before = s.cusum;
    // Capped so that the statistic comes back to zero soon after the fault ends.
    s.cusum = std::clamp(s.cusum + llr, 0.0, 3 * cfg_.threshold);
    if (before == 0 && s.cusum > 0) s.burstStart = o.ts;

    s.recent[s.recentNext] = Outcome{failed, failed ? o.error : std::string()};
    s.recentNext = (s.recentNext + 1) % kRecent;
    s.recentCount = std::min(kRecent, s.recentCount + 1);
    s.newest = std::max(s.newest, o.ts);
    ++s.events;

    if (!s.alarm.active()) {  // the baseline learns only from normal operation
        s.wFail = s.wFail * decay_ + (failed ? 1 : 0);
        s.wTotal = s.wTotal * decay_ + 1;
    }
    if (s.cusum == 0) s.alarm.clear();

    // Only a failure speaks: after the fault ends the statistic takes a few dozen
    // successes to come down, and "still failing" must not be said on a success.
    if (s.events < cfg_.minEvents || s.cusum < cfg_.threshold || !failed) return;
    if (!s.alarm.shouldFire(o.ts, cfg_.refireMs)) return;
    out.emplace_back(describe(target, s, o, p0));
}

Anomaly FailureRatioDetector::describe(const std::string& key, const KeyState& s, const Outcomes& o, double p0) {
    std::size_t fails = 0;
    std::map<std::string, int> errors;
    for (std::size_t i = 0; i < s.recentCount; ++i) {
        if (!s.recent[i].failed) continue;
        ++fails;
        ++errors[s.recent[i].error.empty() ? std::string("unknown") : s.recent[i].error];
    }
    const double n = static_cast<double>(s.recentCount);
    const double observed = n > 0 ? fails / n : 0.0;
    // Upper edge of what the baseline allows over this many events (about 3 sigma).
    const double high = std::min(1.0, p0 + 3.0 * std::sqrt(p0 * (1 - p0) / std::max(1.0, n)));

    Anomaly a = makeAnomaly(o.detector, o.detector, key, o.ts, seq_++);
    a.observed = observed;
    a.expected_low = 0.0;
    a.expected_high = high;
    a.score = scoreAbove(s.cusum, cfg_.threshold);
    std::string errs;
    // Most frequent first; ties by name so the text is the same on every replay.
    std::vector<std::pair<std::string, int>> sorted(errors.begin(), errors.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](auto& x, auto& y) { return x.second > y.second; });
    for (std::size_t i = 0; i < sorted.size() && i < 3; ++i) {
        if (!errs.empty()) errs += ", ";
        errs += sorted[i].first + " x" + std::to_string(sorted[i].second);
    }
    std::vector<NarrativeArg> args{asText(key), asText(std::to_string(fails)), asText(std::to_string(s.recentCount)),
                                   asText(formatPercent(observed)), asText(formatPercent(p0)),
                                   asText(formatPercent(high)), asText(formatDuration(o.ts - s.burstStart))};
    if (!errs.empty()) args.push_back(asText(errs));
    static constexpr ExplanationMsg kForms[2][2] = {
        {ExplanationMsg::TaskFailures, ExplanationMsg::TaskFailuresErrors},
        {ExplanationMsg::TxFailures, ExplanationMsg::TxFailuresErrors}};
    setExplanation(a, {sentence(kForms[o.transactions][!errs.empty()], std::move(args))});
    return a;
}

}  // namespace vigil::events
