#include "remedy/EvidenceWindows.h"

#include "remedy/RemediationPlanner.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vigil::remedy {

void EvidenceWindows::observe(const Record& r) {
    if (const auto* m = std::get_if<MetricSample>(&r)) {
        if (std::isfinite(m->value)) push(m->series, m->target, m->ts, m->value);
    } else if (const auto* tx = std::get_if<TxEvent>(&r)) {
        observeTx(*tx);
    }
    samplePending(timestampOf(r));
}

// A stuck transaction has no events of its own while it waits: without a
// sample per second its age series would be the zeros of the agent's earlier,
// promptly confirmed transactions and one point at the end. Sampled on the
// records' time, so the window is the same however the records were batched.
void EvidenceWindows::samplePending(TimestampMs t) {
    if (t < nextSample_) return;
    nextSample_ = t - t % kTxSampleMs + kTxSampleMs;
    for (const auto& [target, mine] : pending_) {
        TimestampMs oldest = t;
        for (const auto& [hash, since] : mine) oldest = std::min(oldest, since);
        const auto it = series_.find({kTxPendingSeries, target});
        if (it != series_.end() && !it->second.points.empty() && it->second.points.back().first >= t) continue;
        push(kTxPendingSeries, target, t, static_cast<double>(t - oldest));
    }
}

void EvidenceWindows::observeTx(const TxEvent& tx) {
    if (tx.agent.empty()) return;
    const std::string target = "agent:" + tx.agent;
    auto& mine = pending_[target];
    if (tx.state == TxState::Submitted) {
        if (mine.size() < kMaxPendingPerAgent || mine.count(tx.tx_hash)) mine.emplace(tx.tx_hash, tx.ts);
    } else {
        mine.erase(tx.tx_hash);
    }
    TimestampMs oldest = tx.ts;
    for (const auto& [hash, since] : mine) oldest = std::min(oldest, since);
    if (mine.empty()) pending_.erase(target);
    if (pending_.size() > kMaxSeries) pending_.erase(pending_.begin());
    push(kTxPendingSeries, target, tx.ts, static_cast<double>(tx.ts - oldest));
}

void EvidenceWindows::push(const std::string& series, const std::string& target, TimestampMs ts, double v) {
    Buffer& b = series_[{series, target}];
    b.fed = ++fed_;
    b.points.emplace_back(ts, v);
    while (b.points.size() > kKeep) b.points.pop_front();
    if (series_.size() <= kMaxSeries) return;
    // Over the bound: drop the least recently fed eighth at once (one sort, not one per new series).
    std::vector<std::pair<std::uint64_t, std::pair<std::string, std::string>>> age;
    age.reserve(series_.size());
    for (const auto& [key, buf] : series_) age.emplace_back(buf.fed, key);
    const std::size_t drop = series_.size() - kMaxSeries + kMaxSeries / 8;
    std::nth_element(age.begin(), age.begin() + static_cast<std::ptrdiff_t>(drop), age.end());
    for (std::size_t i = 0; i < drop; ++i) series_.erase(age[i].second);
}

std::vector<EvidenceWindows::Point> EvidenceWindows::points(const std::string& series, const std::string& target,
                                                            TimestampMs upTo) const {
    std::vector<Point> out;
    const auto it = series_.find({series, target});
    if (it == series_.end()) return out;
    const auto& pts = it->second.points;
    // Records of one series arrive in time order; stop at the decision's time.
    auto end = pts.end();
    while (end != pts.begin() && std::prev(end)->first > upTo) --end;
    const auto n = std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(kPoints), end - pts.begin());
    out.assign(end - n, end);
    return out;
}

namespace {
// JSON has no NaN or infinity: a detector's open-ended expected range is null.
std::string number(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}
}  // namespace

std::string EvidenceWindows::window(const Anomaly& a, TimestampMs upTo) const {
    char num[64];
    const std::string fields = "\"expected_high\":" + number(a.expected_high) + ",\"expected_low\":" + number(a.expected_low) +
                               ",\"observed\":" + number(a.observed) + ",\"score\":" + number(a.score) +
                               ",\"ts\":" + std::to_string(a.ts) + ",";
    std::string json = compactJson({{"detector", a.detector}, {"series", a.series}, {"target", a.target}});
    json.insert(1, fields);
    std::string pts = ",\"points\":[";
    bool first = true;
    for (const auto& [ts, v] : points(a.series, a.target, upTo)) {
        std::snprintf(num, sizeof num, "%s[%lld,%.6g]", first ? "" : ",", static_cast<long long>(ts), v);
        pts += num;
        first = false;
    }
    pts += "]";
    json.insert(json.size() - 1, pts);
    return json;
}

}  // namespace vigil::remedy
