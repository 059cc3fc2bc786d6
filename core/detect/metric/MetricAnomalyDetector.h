// Streaming anomaly detector for one metric series. Each point is scored from that
// point and the earlier points of the same series only, in O(1) time and bounded
// memory. Several complementary signals each measure how unusual the point is; each
// is judged against its own fading record on this series (so a noisy series has to
// beat its own noise), and the strongest becomes the score. After an alert, further
// alerts are damped, then silenced, for a while: one incident, one alert.
#pragma once

#include "detect/metric/EventRate.h"
#include "detect/metric/SeasonalProfile.h"
#include "detect/metric/StreamingStats.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace vigil::metric {

enum class Signal : std::uint8_t { Level, Shift, Seasonal, Weekly, Rate, Count };
inline constexpr int kSignalCount = static_cast<int>(Signal::Count);
const char* signalName(Signal s);

struct DetectorConfig {
    int warmup_points = 64;          // no score before this many accepted points
    int record_block = 256;          // a signal's record covers record_blocks * record_block points
    int record_blocks = 32;          // ~8 000 points, like the trailing window of HTM's likelihood
    // A record over fewer points than its full span is a lower bar (the largest of n
    // draws grows like log n): it is raised by (log span / log n)^record_growth.
    // record_growth, suppress_escape and quiet_points were chosen by leave-one-category-out
    // on NAB at the fixed detection score 0.5 (docs/detection.md, "A threshold that is not fitted").
    double record_growth = 0.2;
    double alert_score = 0.6;        // operating threshold: a score here or above is an alert
    double damp_from_score = 0.5;    // a score here or above (a signal at its record) damps
    int suppress_points = 100;       // the following scores for this many points
    double suppress_factor = 0.3;
    double suppress_escape = 3.0;    // a signal this many times the damping one's strength escapes it
    double fire_score = 0.55;        // a score here or above (beyond damping) is a detection that
    int quiet_points = 50;           // holds the following scores at 0 for this many points
};

enum class Verdict : std::uint8_t { Scored, Warmup, RejectedNonFinite, RejectedOutOfOrder };

struct SignalStrength {
    Signal signal;
    double strength;  // raw signal / its record; > 1 is beyond anything recently seen
};

struct MetricScore {
    Verdict verdict = Verdict::Warmup;
    double score = 0.0;          // [0, 1]
    bool alert = false;
    bool suppressed = false;     // the score was damped by a recent strong score
    bool after_gap = false;      // the point came after missing data
    double observed = 0.0;
    double expected = 0.0, expected_low = 0.0, expected_high = 0.0;
    std::array<double, kSignalCount> strength{};
    bool accepted() const { return verdict == Verdict::Scored || verdict == Verdict::Warmup; }
    // Signals sorted by strength, strongest first, those at or above `min_strength`.
    std::vector<SignalStrength> firing(double min_strength = 0.8) const;
};

struct DetectorCounters {
    std::int64_t accepted = 0, rejected_non_finite = 0, rejected_out_of_order = 0, gaps = 0, alerts = 0;
};

class MetricAnomalyDetector {
public:
    explicit MetricAnomalyDetector(const DetectorConfig& cfg = {});
    // Scores `value` at `ts` (ms) and then learns it. NaN/inf and timestamps earlier
    // than the last accepted one are rejected (counted, state untouched).
    MetricScore update(std::int64_t ts, double value);
    const DetectorCounters& counters() const { return counters_; }

private:
    void learnInterval(std::int64_t dt);
    // The point's slot in the daily and the weekly profile (SeasonalProfile::slot).
    struct Slots {
        int daily = -1, weekly = -1;
    };
    void computeSignals(Slots at, double x, MetricScore& out, std::array<double, kSignalCount>& raw);
    void learn(Slots at, double x, const std::array<double, kSignalCount>& raw);
    double fuse(const std::array<double, kSignalCount>& strength) const;

    DetectorConfig cfg_;
    DetectorCounters counters_;
    std::int64_t last_ts_ = 0;
    std::int64_t interval_ms_ = 0;  // typical spacing, learned from the first deltas
    std::vector<std::int64_t> first_deltas_;
    double min_ = 0.0, max_ = 0.0;
    RobustLevel level_{0.01};
    // Which model explains the series (level, daily or weekly profile) is decided on
    // long-run errors (~1 000 points): with a faster average an anomaly lasting a day
    // (a holiday) raised the profile's error enough to switch it off exactly then.
    RobustLevel seasonal_err_{0.001}, level_err_{0.001}, weekly_err_{0.001};
    // The last kShiftPoints residuals (value - expected), in a ring written twice
    // (at slot and slot + kShiftPoints), so the newest-first run the shift signal sums
    // is one contiguous stretch read backwards, with no wrap to test per term: a deque
    // cost more to walk and to push and pop than all the sums it fed.
    static constexpr int kShiftPoints = 12;  // sustained-shift window
    std::array<double, 2 * kShiftPoints> residuals_{};
    int residualsHead_ = 0;   // where the next one goes, in [0, kShiftPoints)
    int residualsCount_ = 0;  // how many are held (at most kShiftPoints)
    // The points the daily and the weekly signal must have been computed on before they
    // speak (their record spans two periods), fixed once the interval is learned.
    std::int64_t seasonalMinLive_ = 0, weeklyMinLive_ = 0;
    double last_residual_ = 0.0;
    bool last_excursion_ = false;
    EventRate rate_;
    SeasonalProfile seasonal_, weekly_;
    WindowRecords<kSignalCount> records_;                   // each signal's record
    std::array<bool, kSignalCount> live_{};                 // computed for the current point
    std::array<std::int64_t, kSignalCount> live_points_{};  // points each signal has been computed on
    std::int64_t since_fire_ = -1;  // points since the last detection, -1: none yet
    double damp_strength_ = 0.0;
    std::int64_t since_damp_ = -1;  // points since the last damping score, -1: none yet
};

}  // namespace vigil::metric
