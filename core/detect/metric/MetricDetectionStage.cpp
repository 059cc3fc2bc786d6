#include "detect/metric/MetricDetectionStage.h"

#include "detect/ExplanationText.h"
#include "detect/metric/Explanation.h"

#include <cstdio>

namespace vigil {
namespace {

// FNV-1a: a stable content hash for ids (same input, same id, on every run).
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string anomalyId(const MetricSample& m, std::int64_t sequence) {
    std::uint64_t h = fnv1a(m.series);
    h = fnv1a(std::string_view("\x1f", 1), h);
    h = fnv1a(m.target, h);
    h = fnv1a(std::to_string(m.ts) + "#" + std::to_string(sequence), h);
    char buf[40];
    std::snprintf(buf, sizeof buf, "an-m-%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace

MetricDetectionStage::MetricDetectionStage(const metric::DetectorConfig& cfg, std::size_t max_series)
    : detectors_(max_series, MakeDetector{cfg}) {}

bool MetricDetectionStage::process(const Record& in, std::vector<Record>& out) {
    const auto* m = std::get_if<MetricSample>(&in);
    if (!m) return true;
    ++counters_.samples;
    // By the sample's hint, else by name: the key is built in a reused buffer (a
    // (series, target) pair is usually longer than the small-string buffer). Never
    // refused here: the detector judges the order itself.
    auto makeKey = [&]() -> const std::string& {
        key_.assign(m->series);
        key_ += '\x1f';
        key_ += m->target;
        return key_;
    };
    metric::MetricAnomalyDetector* d =
        detectors_.atIf(m->hint, makeKey, m->ts, [](const metric::MetricAnomalyDetector&) { return true; });
    const metric::MetricScore s = d->update(m->ts, m->value);
    if (s.verdict == metric::Verdict::RejectedNonFinite) {
        ++counters_.rejected_non_finite;
        lastReason_ =
            m->series + " on " + m->target + " at " + std::to_string(m->ts) + ": value is not a finite number";
        return false;
    }
    if (s.verdict == metric::Verdict::RejectedOutOfOrder) {
        ++counters_.rejected_out_of_order;
        lastReason_ = m->series + " on " + m->target + " at " + std::to_string(m->ts) +
                      " is not newer than the series' previous sample";
        return false;
    }
    if (!s.alert) return true;
    Anomaly a;
    a.ts = m->ts;
    a.id = anomalyId(*m, counters_.anomalies++);
    a.detector = "metric.ensemble";
    a.series = m->series;
    a.target = m->target;
    a.score = s.score;
    a.observed = s.observed;
    a.expected_low = s.expected_low;
    a.expected_high = s.expected_high;
    setExplanation(a, metric::explainMessages(s, m->series, m->target));
    out.emplace_back(std::move(a));
    return true;
}

}  // namespace vigil
