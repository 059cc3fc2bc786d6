#include "detect/events/QueueGrowthDetector.h"
#include "record/SameText.h"

#include <algorithm>
#include <cmath>

namespace vigil::events {

namespace {
constexpr std::size_t W = QueueGrowthConfig::kWindow;
}

QueueGrowthDetector::QueueGrowthDetector(QueueGrowthConfig cfg)
    : cfg_(std::move(cfg)),
      alpha_(1.0 - std::exp(std::log(0.5) / std::max(1.0, cfg_.baselineHalfLife))),
      table_(cfg_.maxKeys) {}

// Points stay spaced in time whatever the scrape rate: while the newest point is
// closer than `spacing` to the one before, it is replaced rather than appended.
void QueueGrowthDetector::Window::add(Point p, TimestampMs spacing) {
    const std::size_t last = (next + W - 1) % W, beforeLast = (next + W - 2) % W;
    if (count >= 2 && pts[last].ts - pts[beforeLast].ts < spacing) {
        pts[last] = p;
        return;
    }
    pts[next] = p;
    next = (next + 1) % W;
    count = std::min(W, count + 1);
}

bool QueueGrowthDetector::trend(const Window& win, TimestampMs spacing, Trend& t) const {
    const std::size_t n = win.count;
    if (n < cfg_.minSamples) return false;
    std::array<Point, W> w{};
    for (std::size_t i = 0; i < n; ++i) w[i] = win.pts[(win.next + W - n + i) % W];
    if (w[n - 1].ts - w[0].ts < static_cast<TimestampMs>(cfg_.minSamples - 1) * spacing) return false;
    // Mann-Kendall S and its z (no tie correction: ties only make it stricter).
    double S = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) S += (w[j].v > w[i].v) - (w[j].v < w[i].v);
    const double var = n * (n - 1.0) * (2.0 * n + 5.0) / 18.0;
    t.z = S > 0 ? (S - 1) / std::sqrt(var) : 0.0;
    // Least-squares slope, per minute.
    double mt = 0, mv = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mt += (w[i].ts - w[0].ts) / 60'000.0;
        mv += w[i].v;
    }
    mt /= n;
    mv /= n;
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = (w[i].ts - w[0].ts) / 60'000.0 - mt;
        sxy += x * (w[i].v - mv);
        sxx += x * x;
    }
    t.slopePerMin = sxx > 0 ? sxy / sxx : 0.0;
    t.from = w[0].ts;
    return t.z >= cfg_.trendZ && t.slopePerMin > 0;
}

bool QueueGrowthDetector::process(const Record& in, std::vector<Record>& out) {
    const auto* m = std::get_if<MetricSample>(&in);
    if (!m || !readsSeries(m->series)) return true;
    if (!std::isfinite(m->value) || m->value < 0) {
        ++counters_.nonFinite;
        counters_.lastReason = cfg_.series + " on " + m->target + " at " + std::to_string(m->ts) + ": value " +
                               formatNumber(m->value) + " is not a depth";
        return false;
    }
    KeyState* known =
        table_.atIf(m->target, m->ts, [&](const KeyState& k) { return k.samples == 0 || m->ts > k.newest; });
    if (!known) {
        ++counters_.outOfOrder;
        counters_.lastReason = cfg_.series + " on " + m->target + " at " + std::to_string(m->ts) +
                               " is not newer than the previous sample";
        return false;
    }
    ++counters_.accepted;
    KeyState& s = *known;
    s.newest = m->ts;
    for (std::size_t i = 0; i < s.windows.size(); ++i) s.windows[i].add(Point{m->ts, m->value}, cfg_.spacingMs[i]);

    const double spread = cfg_.bandSigmas * 1.25 * s.dev;  // 1.25 MAD ~ 1 sigma
    const double limit = s.mean + spread + cfg_.minExcess;
    const bool aboveBand = s.samples >= cfg_.warmupSamples && m->value > limit;
    // Learn the normal depth from normal samples; a creeping queue must not drag
    // the band up with it, so the upper part is learned only very slowly.
    if (!s.alarm.active() && !aboveBand) {
        const double upper = s.mean + spread / 2;
        const double a = std::max(alpha_, 1.0 / (s.samples + 1.0)) * (m->value > upper ? 0.1 : 1.0);
        const double d = m->value - s.mean;
        s.mean += a * d;
        s.dev += a * (std::abs(d) - s.dev);
        s.dev = std::max(s.dev, 0.5);
    }
    ++s.samples;
    if (m->value <= s.mean + spread) s.alarm.clear();
    if (!aboveBand) return true;

    Trend t, best;
    bool growing = false;
    for (std::size_t i = 0; i < s.windows.size(); ++i) {
        if (trend(s.windows[i], cfg_.spacingMs[i], t) && (!growing || t.z > best.z)) {
            best = t;
            growing = true;
        }
    }
    if (!growing) return true;
    if (!s.alarm.active()) s.since = best.from;
    if (!s.alarm.shouldFire(m->ts, cfg_.refireMs)) return true;

    Anomaly a = makeAnomaly("worker.queue_growth", cfg_.series, m->target, m->ts, seq_++);
    a.observed = m->value;
    a.expected_low = std::max(0.0, s.mean - spread);
    a.expected_high = limit;
    const double excess = (m->value - limit) / std::max(1.0, limit);
    a.score = scoreAbove(best.z, cfg_.trendZ, excess);
    setExplanation(a, {sentence(ExplanationMsg::QueueGrowth,
                                {asText(m->target), asText(cfg_.series), asText(formatNumber(m->value)),
                                 asText(formatNumber(best.slopePerMin, 2)), asText(formatDuration(m->ts - s.since)),
                                 asText(formatNumber(s.mean)), asText(formatNumber(limit))})});
    out.emplace_back(std::move(a));
    return true;
}

}  // namespace vigil::events
