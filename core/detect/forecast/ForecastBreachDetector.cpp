#include "detect/forecast/ForecastBreachDetector.h"
#include "record/SameText.h"

#include <cctype>
#include <cmath>

namespace vigil::forecast {

using events::formatDuration;
using events::formatNumber;

ForecastBreachDetector::ForecastBreachDetector(ForecastConfig cfg)
    : cfg_(std::move(cfg)), table_(cfg_.maxKeys), limits_(cfg_.maxKeys) {}

const std::string& ForecastBreachDetector::keyOf(const std::string& series, const std::string& target) {
    key_.assign(series);
    key_ += '|';
    key_ += target;
    return key_;
}

bool ForecastBreachDetector::onLimit(const MetricSample& m) {
    if (!std::isfinite(m.value)) {
        ++counters_.nonFinite;
        counters_.lastReason = m.series + " on " + m.target + " at " + std::to_string(m.ts) + ": limit " +
                               formatNumber(m.value) + " is not a number";
        return false;
    }
    LimitState& l = limits_.at(keyOf(m.series, m.target), m.ts);
    l.value = m.value;
    l.seen = true;
    return true;
}

const ForecastWatch* ForecastBreachDetector::watchOf(std::string_view series, bool& limit) const {
    // One pass over the watches: the series is watched, or some watch's limit, or
    // neither; watched first.
    limit = false;
    for (const auto& x : cfg_.watches) {
        if (sameText(x.series, series)) return &x;
        limit = limit || (!x.limitSeries.empty() && sameText(x.limitSeries, series));
    }
    return nullptr;
}

bool ForecastBreachDetector::readsSeries(std::string_view series) const {
    bool limit = false;
    return watchOf(series, limit) != nullptr || limit;
}

bool ForecastBreachDetector::process(const Record& in, std::vector<Record>& out) {
    const auto* m = std::get_if<MetricSample>(&in);
    if (!m) return true;
    bool limit = false;
    const ForecastWatch* w = watchOf(m->series, limit);
    if (!w) return limit ? onLimit(*m) : true;
    if (!std::isfinite(m->value)) {
        ++counters_.nonFinite;
        counters_.lastReason = m->series + " on " + m->target + " at " + std::to_string(m->ts) + ": value " +
                               formatNumber(m->value) + " is not a number";
        return false;
    }
    KeyState* known = table_.atIf(
        m->hint, [&]() -> const std::string& { return keyOf(m->series, m->target); }, m->ts,
        [&](const KeyState& k) { return !k.seen || m->ts > k.newest; });
    if (!known) {
        ++counters_.outOfOrder;
        counters_.lastReason = m->series + " on " + m->target + " at " + std::to_string(m->ts) +
                               " is not newer than the previous sample";
        return false;
    }
    ++counters_.accepted;
    KeyState& s = *known;
    if (!s.seen) {
        s.seen = true;
        s.origin = m->ts;
        s.win = TrendWindow(cfg_.windowPoints);
        s.recent = TrendWindow(cfg_.minPoints);
    }
    s.newest = m->ts;
    // Points at least spacingMs apart whatever the scrape rate; in between, the
    // newest sample replaces the last point so the window always ends now.
    const double t = static_cast<double>(m->ts - s.origin) / 1000.0;
    if (!s.win.empty() && m->ts - s.lastPoint < cfg_.spacingMs && s.win.size() >= 2) {
        s.win.replaceNewest({t, m->value});
        s.recent.replaceNewest({t, m->value});
    } else {
        s.win.push({t, m->value});  // the oldest leaves beyond windowPoints
        s.recent.push({t, m->value});
        s.lastPoint = m->ts;
    }
    judge(*w, *m, s, out);
    return true;
}

void ForecastBreachDetector::judge(const ForecastWatch& w, const MetricSample& m, KeyState& s, std::vector<Record>& out) {
    double limit = w.limit;
    if (!w.limitSeries.empty()) {
        const LimitState* l = limits_.find(keyOf(w.limitSeries, m.target));
        if (!l || !l->seen) return;  // nothing to project towards yet
        limit = l->value;
    }
    const double sign = w.rising ? 1.0 : -1.0;
    auto quiet = [&] { s.alarm.clear(); };
    // Already at the limit: that is a breach, not a prediction; the latch stays as
    // it is, so a series hovering at its limit is not predicted again and again.
    if (sign * (m.value - limit) >= 0) {
        s.lastPast = m.ts;
        return;
    }
    const std::vector<TrendPoint>& all = s.win.points();
    if (all.size() < cfg_.minPoints) return quiet();
    const TimestampMs windowStart = s.origin + static_cast<TimestampMs>(std::llround(all.front().t * 1000.0));
    if (s.lastPast >= windowStart) return quiet();

    // The window keeps S, the values and the slopes in order as points come and
    // go (TrendWindow): the same z and fit as trendZ/fitTrend on all its points,
    // without recounting n(n-1)/2 pairs and selecting among them per sample.
    if (const auto z = s.win.z(); !z || sign * *z < cfg_.trendZ) return quiet();
    // The newest minute (the least the series is ever judged on) must head there as well:
    // a climb that has stopped — a gas spike's plateau while the jump is still in the
    // window — is not projected onwards. Asked before the whole window's fit (every
    // condition here must hold, so the order does not change what fires): a wallet
    // balance falls significantly on most samples but reaches its reserve far beyond
    // the horizon, and 12 points settle that cheaper than the window's ~630 slopes,
    // which then need not be kept sorted at all (TrendWindow).
    // (s.recent holds exactly those points, all.size() ≥ minPoints here; its line is
    // senLine's, bit for bit, from slopes kept as points come: tst_forecast.)
    const auto newestFit = s.recent.line();
    if (!newestFit || sign * newestFit->slope <= 0) return quiet();
    const auto etaNewest = secondsToReach(newestFit->level, newestFit->slope, limit);
    if (!etaNewest || *etaNewest > cfg_.horizonS) return quiet();
    const auto fit = s.win.fit(cfg_.intervalZ);
    if (!fit || sign * fit->z < cfg_.trendZ) return quiet();
    // The cautious bound: the end of the interval nearer to no movement at all.
    const double cautious = w.rising ? fit->slopeLow : fit->slopeHigh;
    if (sign * cautious <= 0) return quiet();
    const auto eta = secondsToReach(fit->level, fit->slope, limit);
    const auto etaCautious = secondsToReach(fit->level, cautious, limit);
    if (!eta || !etaCautious || *etaCautious > cfg_.horizonS) return quiet();
    const auto recentFit = senLine(std::span(all).subspan(all.size() / 2));
    if (!recentFit || sign * recentFit->slope <= 0) return quiet();
    const auto etaRecent = secondsToReach(recentFit->level, recentFit->slope, limit);
    if (!etaRecent || *etaRecent > cfg_.horizonS) return quiet();

    if (!s.alarm.shouldFire(m.ts, cfg_.refireMs)) return;
    Anomaly a = events::makeAnomaly("forecast.breach", m.series, m.target, m.ts, seq_++, m.series + "|" + m.target);
    a.observed = fit->level;
    // The safe side of the limit: where the series must stay.
    a.expected_low = w.rising ? 0.0 : limit;
    a.expected_high = w.rising ? limit : std::max(limit, fit->level);
    const double etaS = std::max(0.0, *eta);
    a.score = events::scoreAbove(sign * fit->z, cfg_.trendZ, (cfg_.horizonS - etaS) / cfg_.horizonS);
    const auto etaMs = static_cast<TimestampMs>(std::llround(etaS * 1000.0));
    a.time_to_breach_ms = etaMs;
    std::string what = w.what;
    if (!what.empty()) what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
    // The watch's words are the configuration's: translated when they are the defaults'.
    setExplanation(a, {sentence(w.rising ? ExplanationMsg::ForecastReaches : ExplanationMsg::ForecastFallsBelow,
                                {asWord(what), asText(m.target), asText(formatNumber(limit, 4)),
                                 w.unit.empty() ? asText({}) : asWord(w.unit), asText(formatDuration(etaMs)),
                                 asText(formatNumber(fit->level, 4)),
                                 asText(formatNumber(std::abs(fit->slope) * 60.0, 3)),
                                 asText(formatDuration(
                                     static_cast<TimestampMs>((all.back().t - all.front().t) * 1000.0))),
                                 asText(formatDuration(static_cast<TimestampMs>(std::llround(*etaCautious * 1000.0))))})});
    out.emplace_back(std::move(a));
}

}  // namespace vigil::forecast
