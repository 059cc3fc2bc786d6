// A robust linear trend of a short series and where it leads: Sen's slope (the
// median of all pairwise slopes, unmoved by a minority of outliers) with its
// distribution-free confidence interval, and the Mann-Kendall test of whether
// there is a monotone trend at all. Used by ForecastBreachDetector to project
// when a series reaches a limit.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace vigil::forecast {

struct TrendPoint {
    double t = 0;  // seconds, any origin
    double v = 0;
};

struct TrendFit {
    int n = 0;
    double slope = 0;                   // Sen's slope, per second
    double slopeLow = 0, slopeHigh = 0; // its two-sided confidence interval
    double level = 0;                   // the fitted line at the last point's time
    double z = 0;                       // Mann-Kendall z (tie-corrected, continuity-corrected), signed
};

// nullopt for fewer than 3 points or points not strictly increasing in time.
// `zInterval` sets the interval's confidence (1.96: 95 %).
std::optional<TrendFit> fitTrend(const std::vector<TrendPoint>& pts, double zInterval = 1.96);

// fitTrend's `slope` and `level` alone (the same values, bit for bit; nullopt in the
// same cases), without the test or the interval: for the detector's checks on the
// newest part of its window, which use no more than that.
struct SenLine {
    double slope = 0, level = 0;
};
std::optional<SenLine> senLine(std::span<const TrendPoint> pts);

// fitTrend's `z` alone (the same value, bit for bit; nullopt in the same cases),
// from n(n-1)/2 comparisons without the slopes or their order statistics: a
// caller that needs a significant trend tests this first and fits only then.
std::optional<double> trendZ(const std::vector<TrendPoint>& pts);

// The pieces fitTrend is made of, for TrendWindow (which keeps the values and
// the slopes sorted as points come and go) to give the same numbers bit for bit.
namespace detail {
// Var(S), tie-corrected, from the window's values in ascending order.
double varianceOfSorted(const std::vector<double>& sortedValues);
// Mann-Kendall z from S and Var(S), continuity-corrected.
double zOf(double S, double var);
// The median of v (reordered).
double medianOf(std::vector<double>& v);
}  // namespace detail

// Seconds from the fit's last point until a line at `level` moving `slope` per
// second reaches `limit`; 0 when it is already at or past the limit in the
// direction of travel; nullopt when the line is flat (or a value is not finite).
std::optional<double> secondsToReach(double level, double slope, double limit);

}  // namespace vigil::forecast
