#include "detect/metric/MetricAnomalyDetector.h"

#include <algorithm>
#include <cmath>

namespace vigil::metric {
namespace {
constexpr int kIntervalSamples = 16;    // deltas used to learn the sampling interval
constexpr double kGapFactor = 3.0;      // a delta this many intervals long is a gap
constexpr double kMadToSigma = 1.2533;  // mean absolute deviation -> std. deviation
constexpr double kSeasonalRecordDays = 2.0;  // own record the daily signal needs before it speaks
constexpr std::int64_t kSeasonalRecordCap = 2048;
constexpr double kWeeklyRecordDays = 14.0;   // the same for the weekly signal: two weeks
constexpr double kWeeklyGain = 0.5;  // the weekly profile's error must be half the best other one's
}  // namespace

const char* signalName(Signal s) {
    switch (s) {
    case Signal::Level: return "far from usual level";
    case Signal::Shift: return "sustained level shift";
    case Signal::Seasonal: return "off the daily pattern";
    case Signal::Weekly: return "off the weekly pattern";
    case Signal::Rate: return "unusually many excursions";
    case Signal::Count: break;
    }
    return "?";
}

std::vector<SignalStrength> MetricScore::firing(double min_strength) const {
    std::vector<SignalStrength> out;
    for (int i = 0; i < kSignalCount; ++i)
        if (strength[i] >= min_strength) out.push_back({static_cast<Signal>(i), strength[i]});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.strength > b.strength; });
    return out;
}

MetricAnomalyDetector::MetricAnomalyDetector(const DetectorConfig& cfg)
    : cfg_(cfg), records_(cfg_.record_block, cfg_.record_blocks) {}

void MetricAnomalyDetector::learnInterval(std::int64_t dt) {
    if (interval_ms_ > 0 || dt <= 0) return;
    first_deltas_.push_back(dt);
    if (static_cast<int>(first_deltas_.size()) < kIntervalSamples) return;
    std::nth_element(first_deltas_.begin(), first_deltas_.begin() + kIntervalSamples / 2, first_deltas_.end());
    interval_ms_ = first_deltas_[kIntervalSamples / 2];
    first_deltas_.clear();
    first_deltas_.shrink_to_fit();
    seasonal_.configure(interval_ms_);
    weekly_.configure(interval_ms_, 7 * SeasonalProfile::kDayMs);
    auto minLive = [&](double days) {
        return std::min(kSeasonalRecordCap, static_cast<std::int64_t>(days * 86'400'000.0 / interval_ms_));
    };
    seasonalMinLive_ = minLive(kSeasonalRecordDays);
    weeklyMinLive_ = minLive(kWeeklyRecordDays);
}

void MetricAnomalyDetector::computeSignals(Slots at, double x, MetricScore& out,
                                           std::array<double, kSignalCount>& raw) {
    raw.fill(0.0);
    live_.fill(false);
    live_[int(Signal::Level)] = live_[int(Signal::Shift)] = true;
    raw[int(Signal::Level)] = std::abs(x - level_.mean());
    out.expected = level_.mean();
    double spread = level_.spread();
    double sMean, sSpread;
    if (seasonal_.expectAt(at.daily, sMean, sSpread) && seasonal_err_.mean() < 0.7 * level_err_.mean()) {
        raw[int(Signal::Seasonal)] = std::abs(x - sMean);
        live_[int(Signal::Seasonal)] = true;
        out.expected = sMean;
        spread = sSpread;
    }
    // The weekly profile takes over when it explains the series clearly better than both
    // the level and the daily profile (weekends, a weekly batch job).
    double wMean, wSpread;
    const double bestErr = live_[int(Signal::Seasonal)] ? seasonal_err_.mean() : level_err_.mean();
    if (weekly_.expectAt(at.weekly, wMean, wSpread) && weekly_err_.mean() < kWeeklyGain * bestErr) {
        raw[int(Signal::Weekly)] = std::abs(x - wMean);
        live_[int(Signal::Weekly)] = true;
        out.expected = wMean;
        spread = wSpread;
    }
    // Sustained shift: the mean residual (against the level, or a seasonal profile when
    // it explains the series better) over the last few points, this one included.
    double sum = x - out.expected;
    int n = 1;
    // Newest first, as they were summed from the deque's back: down from the slot before
    // the head; the second copy (slot + kShiftPoints) makes the run contiguous.
    const int take = std::min(residualsCount_, kShiftPoints - 1);
    for (const double *r = residuals_.data() + residualsHead_ + kShiftPoints - 1, *end = r - take; r != end; --r, ++n)
        sum += *r;
    raw[int(Signal::Shift)] = std::abs(sum / n);
    last_residual_ = x - out.expected;
    const double halfBand = 3.0 * kMadToSigma * spread;
    out.expected_low = out.expected - halfBand;
    out.expected_high = out.expected + halfBand;
    // Excursions beyond the band, counted over a short window against their own long-run
    // rate: a change in how often spikes come, even when each is no larger than before.
    // Measured against the slow level's own band, which does not change meaning when a
    // seasonal profile takes over.
    last_excursion_ = level_.spread() > 0 && std::abs(x - level_.mean()) > 3.0 * kMadToSigma * level_.spread();
    raw[int(Signal::Rate)] = rate_.surprise(last_excursion_);
    live_[int(Signal::Rate)] = true;

    // Each signal against its own record; floors keep a perfectly quiet history from
    // turning rounding noise into infinite surprise.
    const double range = max_ - min_;
    const double valueFloor = std::max({range * 1e-3, std::abs(level_.mean()) * 1e-9, 1e-12});
    for (int i = 0; i < kSignalCount; ++i) {
        const double floor = static_cast<Signal>(i) == Signal::Rate ? 1.0 : valueFloor;
        // A signal that has only just started speaking (the daily profile, once it has seen
        // a few days) has no record of its own yet: measured against a record of a few
        // hours, every time of day it has not yet covered looks new (a false alert on every
        // daily series at day 3). It stays silent until its record spans two periods.
        const std::int64_t minLive = static_cast<Signal>(i) == Signal::Seasonal ? seasonalMinLive_
                                     : static_cast<Signal>(i) == Signal::Weekly ? weeklyMinLive_
                                                                                : 0;
        const double bar = std::max(records_.value(i), floor) * records_.youngFactor(cfg_.record_growth);
        out.strength[i] = live_points_[i] < minLive ? 0.0 : raw[i] / bar;
    }
}

double MetricAnomalyDetector::fuse(const std::array<double, kSignalCount>& strength) const {
    const double c = *std::max_element(strength.begin(), strength.end());
    return c / (1.0 + c);
}

void MetricAnomalyDetector::learn(Slots at, double x, const std::array<double, kSignalCount>& raw) {
    records_.update(raw);
    for (int i = 0; i < kSignalCount; ++i) live_points_[i] += live_[i];
    double sMean, sSpread;
    if (seasonal_.expectAt(at.daily, sMean, sSpread)) {
        seasonal_err_.update(std::abs(x - sMean));
        level_err_.update(std::abs(x - level_.mean()));
    }
    seasonal_.updateAt(at.daily, x);
    if (weekly_.expectAt(at.weekly, sMean, sSpread)) weekly_err_.update(std::abs(x - sMean));
    weekly_.updateAt(at.weekly, x);
    rate_.learn(last_excursion_);
    level_.update(x);
    if (counters_.accepted == 1) min_ = max_ = x;
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
    residuals_[residualsHead_] = residuals_[residualsHead_ + kShiftPoints] = last_residual_;
    residualsHead_ = residualsHead_ + 1 == kShiftPoints ? 0 : residualsHead_ + 1;
    residualsCount_ = std::min(residualsCount_ + 1, kShiftPoints);
}

MetricScore MetricAnomalyDetector::update(std::int64_t ts, double x) {
    MetricScore out;
    out.observed = x;
    if (!std::isfinite(x)) {
        ++counters_.rejected_non_finite;
        out.verdict = Verdict::RejectedNonFinite;
        return out;
    }
    if (counters_.accepted > 0 && ts < last_ts_) {
        ++counters_.rejected_out_of_order;
        out.verdict = Verdict::RejectedOutOfOrder;
        return out;
    }
    if (counters_.accepted > 0) {
        const std::int64_t dt = ts - last_ts_;
        learnInterval(dt);
        if (interval_ms_ > 0 && dt > kGapFactor * interval_ms_) {
            ++counters_.gaps;
            out.after_gap = true;
        }
    }
    last_ts_ = ts;
    ++counters_.accepted;

    // The profiles are configured (learnInterval) only above: the slots hold for the whole point.
    const Slots at{seasonal_.slot(ts), weekly_.slot(ts)};
    std::array<double, kSignalCount> raw{};
    if (counters_.accepted > 1) computeSignals(at, x, out, raw);
    if (counters_.accepted <= cfg_.warmup_points) {
        out.verdict = Verdict::Warmup;
        out.strength.fill(0.0);
    } else {
        out.verdict = Verdict::Scored;
        out.score = fuse(out.strength);
        // After a strong score the same incident keeps the series unusual for a while;
        // only something clearly stronger than what started it speaks again.
        const double c = out.score / (1.0 - out.score);
        if (since_damp_ >= 0 && since_damp_ < cfg_.suppress_points && c < cfg_.suppress_escape * damp_strength_) {
            out.suppressed = true;
            out.score *= cfg_.suppress_factor;
        }
        if (since_damp_ >= 0) ++since_damp_;
        if (out.score >= cfg_.damp_from_score) {
            since_damp_ = 0;
            damp_strength_ = out.score / (1.0 - out.score);
        }
        // One incident, one alert: after a clear detection the series stays quiet for a
        // while, whatever it does (an incident's aftermath is not news).
        if (since_fire_ >= 0 && since_fire_ < cfg_.quiet_points) {
            out.suppressed = true;
            out.score = 0.0;
        } else if (out.score >= cfg_.fire_score) {
            since_fire_ = 0;
        }
        if (since_fire_ >= 0) ++since_fire_;
        out.alert = out.score >= cfg_.alert_score;
    }
    if (out.alert) ++counters_.alerts;
    learn(at, x, raw);
    return out;
}

}  // namespace vigil::metric
