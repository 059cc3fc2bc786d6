#include "detect/events/LevelShiftDetector.h"
#include "record/SameText.h"

#include <algorithm>
#include <cmath>

namespace vigil::events {

LevelShiftDetector::LevelShiftDetector(LevelShiftConfig cfg)
    : cfg_(std::move(cfg)),
      alpha_(1.0 - std::exp(std::log(0.5) / std::max(1.0, cfg_.halfLife))),
      table_(cfg_.maxKeys) {}

const LevelShiftSeries* LevelShiftDetector::watched(std::string_view series) const {
    for (const auto& s : cfg_.series)
        if (sameText(s.series, series)) return &s;
    return nullptr;
}

bool LevelShiftDetector::process(const Record& in, std::vector<Record>& out) {
    const auto* m = std::get_if<MetricSample>(&in);
    if (!m) return true;
    const LevelShiftSeries* w = watched(m->series);
    if (!w) return true;
    if (!std::isfinite(m->value) || m->value + w->offset <= 0) {
        ++counters_.nonFinite;
        counters_.lastReason = m->series + " on " + m->target + " at " + std::to_string(m->ts) + ": value " +
                               formatNumber(m->value) + " cannot be judged";
        return false;
    }
    // The key is built in a reused buffer, and only when the sample's hint does not
    // find its state.
    auto key = [&]() -> const std::string& {
        key_.assign(m->series);
        key_ += '|';
        key_ += m->target;
        return key_;
    };
    KeyState* known =
        table_.atIf(m->hint, key, m->ts, [&](const KeyState& k) { return k.samples == 0 || m->ts > k.newest; });
    if (!known) {
        ++counters_.outOfOrder;
        counters_.lastReason = m->series + " on " + m->target + " at " + std::to_string(m->ts) +
                               " is not newer than the previous sample";
        return false;
    }
    ++counters_.accepted;
    KeyState& s = *known;
    s.newest = m->ts;
    const double x = std::log(m->value + w->offset);
    if (s.samples == 0) {
        s.mu = x;
        s.mad = cfg_.minSigma;
    }
    const double sigma = std::max(1.25 * s.mad, cfg_.minSigma);
    const double z = (x - s.mu) / sigma;
    const double expMu = std::exp(s.mu);  // once: every watched sample needs it
    const double usual = expMu - w->offset;
    const double ratio = (m->value + w->offset) / expMu;
    const bool warm = s.samples >= cfg_.warmupSamples;
    const double before = s.cusum;
    if (warm) s.cusum = std::clamp(s.cusum + std::min(z, cfg_.maxStep) - cfg_.reference, 0.0, 3 * cfg_.threshold);
    if (before == 0 && s.cusum > 0) s.since = m->ts;
    if (s.cusum == 0) s.alarm.clear();
    if (!s.alarm.active() && s.cusum < cfg_.threshold / 2) {  // the baseline learns from normal samples only
        const double a = std::max(alpha_, 1.0 / (s.samples + 2.0));
        const double d = x - s.mu;
        s.mu += a * d;
        s.mad += a * (std::abs(d) - s.mad);
    }
    ++s.samples;
    if (!warm || s.cusum < cfg_.threshold || ratio < cfg_.minRatio) return true;
    if (!s.alarm.shouldFire(m->ts, cfg_.refireMs)) return true;

    Anomaly a = makeAnomaly("level.shift", m->series, m->target, m->ts, seq_++, key());
    a.observed = m->value;
    a.expected_low = std::max(0.0, std::exp(s.mu - 3 * sigma) - w->offset);
    a.expected_high = std::exp(s.mu + 3 * sigma) - w->offset;
    a.score = scoreAbove(s.cusum, cfg_.threshold);
    setExplanation(a, {sentence(ExplanationMsg::LevelShift,
                                {asText(m->series), asText(m->target), asText(formatNumber(m->value)),
                                 asText(formatNumber(ratio, 2)), asText(formatNumber(usual)),
                                 asText(formatNumber(a.expected_low)), asText(formatNumber(a.expected_high)),
                                 asText(formatDuration(m->ts - s.since))})});
    out.emplace_back(std::move(a));
    return true;
}

}  // namespace vigil::events
