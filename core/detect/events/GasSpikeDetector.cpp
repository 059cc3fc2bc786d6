#include "detect/events/GasSpikeDetector.h"
#include "record/SameText.h"

#include <cmath>

namespace vigil::events {

GasSpikeDetector::GasSpikeDetector(GasSpikeConfig cfg) : cfg_(std::move(cfg)), table_(cfg_.maxKeys) {}

bool GasSpikeDetector::process(const Record& in, std::vector<Record>& out) {
    const auto* m = std::get_if<MetricSample>(&in);
    if (!m || !readsSeries(m->series)) return true;
    if (!std::isfinite(m->value) || m->value <= 0) {
        ++counters_.nonFinite;
        counters_.lastReason = cfg_.series + " on " + m->target + " at " + std::to_string(m->ts) + ": value " +
                               formatNumber(m->value) + " is not a positive number";
        return false;
    }
    const std::string key = chainTarget(m->target);
    KeyState* known = table_.atIf(key, m->ts, [&](const KeyState& k) { return !k.seen || m->ts > k.newest; });
    if (!known) {
        ++counters_.outOfOrder;
        counters_.lastReason = cfg_.series + " on " + key + " at " + std::to_string(m->ts) +
                               " is not newer than the previous sample";
        return false;
    }
    ++counters_.accepted;
    KeyState& s = *known;
    if (!s.seen) {
        // The first price seeds the baseline; its spread is learned from what follows.
        s.base = LogNormalBaseline(m->value, 0.3, cfg_.halfLife, cfg_.minSigma);
        s.seen = true;
    }
    s.newest = m->ts;
    const double z = s.base.z(m->value);
    const double ratio = m->value / s.base.median();
    const bool high = s.base.count() >= cfg_.minSamples && z >= cfg_.zThreshold && ratio >= cfg_.minRatio;
    if (high) {
        if (s.above++ == 0) s.since = m->ts;
    } else {
        s.above = 0;
    }
    // Learn from the normal price only: a spike must not become the new normal
    // while it lasts, unless it has been the level for long enough.
    if ((!high && (!s.alarm.active() || z < cfg_.zThreshold / 2)) || (high && m->ts - s.since > cfg_.acceptNewLevelMs))
        s.base.add(m->value);
    if (!high) {
        if (z < cfg_.zThreshold / 2) s.alarm.clear();
        return true;
    }
    if (s.above < cfg_.confirmSamples) return true;
    if (!s.alarm.shouldFire(m->ts, cfg_.refireMs)) return true;
    Anomaly a = makeAnomaly("gas.spike", cfg_.series, key, m->ts, seq_++);
    a.observed = m->value;
    a.expected_low = s.base.quantile(-3.0);
    a.expected_high = s.base.quantile(3.0);
    a.score = scoreAbove(z, cfg_.zThreshold);
    setExplanation(a, {sentence(ExplanationMsg::GasSpike,
                                {asText(key), asText(formatNumber(m->value)), asText(formatNumber(ratio, 2)),
                                 asText(formatNumber(s.base.median())), asText(formatNumber(a.expected_low)),
                                 asText(formatNumber(a.expected_high)), asText(formatDuration(m->ts - s.since))})});
    out.emplace_back(std::move(a));
    return true;
}

}  // namespace vigil::events
