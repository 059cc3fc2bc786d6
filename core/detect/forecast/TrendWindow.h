// The forecast's sliding window of trend points, with what the Mann-Kendall test
// and Sen's slope need kept up to date as points come and go: S, the values in
// order (ties) and the n(n-1)/2 pairwise slopes in order, as two sorted parts:
// the slopes among all but the newest point, which change only when a point is
// added (every spacing, 5 s), and the newest point's n-1 slopes, which change with
// every sample (between points the newest sample replaces the newest point). An
// order statistic of the two parts is a binary search. trendZ/fitTrend instead
// recount O(n^2) pairs and select among all the slopes per sample (the forecast
// detector was a third of a replay).
// z() and fit() give exactly trendZ(points()) and fitTrend(points()): the same
// numbers, bit for bit (tst_forecast::trendWindowIsTheFullFit).
// The slopes are kept only while fits are asked for: most windows are judged on z
// alone (no significant trend) and never need them, so after a few points without
// a fit they are dropped, and the next fit sorts them afresh (the same multiset,
// so the same order statistics: tst_forecast::trendWindowFitsAfterPointsWithoutFits).
// Var(S)'s correction for tied values is kept as points come and go too (ties_), not
// recounted over the values for every z().
#pragma once

#include "detect/forecast/TrendFit.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace vigil::forecast {

class TrendWindow {
public:
    TrendWindow() = default;
    explicit TrendWindow(std::size_t capacity) : cap_(capacity < 1 ? 1 : capacity) {}

    // Appends p (its t after the newest's); the oldest leaves beyond capacity.
    void push(TrendPoint p);
    // The newest point becomes p (its t after the one before it).
    void replaceNewest(TrendPoint p);

    const std::vector<TrendPoint>& points() const { return pts_; }
    std::size_t size() const { return pts_.size(); }
    bool empty() const { return pts_.empty(); }

    std::optional<double> z() const;                          // trendZ(points())
    std::optional<TrendFit> fit(double zInterval = 1.96) const;  // fitTrend(points(), zInterval)
    std::optional<SenLine> line() const;                         // senLine(points()), from the kept slopes

private:
    // Points pushed without a fit before the slopes are dropped: a window that is
    // fitted on most points keeps them (a fresh sort costs about two pushes).
    static constexpr int kPushesKeepingSlopes = 8;

    // Takes the oldest point out of S, the values and newest_; its slopes with the
    // rest go to gone_ (sorted), for push() to take out of base_.
    void dropOldest();
    // base_ and newest_ from the points, for a fit after the slopes were dropped.
    void sortAllSlopes() const;
    // S and the values with or without the newest point (sign +1 / -1).
    void countNewest(int sign);
    // Where x falls among the ascending values_: how many lie below it and how many
    // at most it (std::lower_bound's and std::upper_bound's positions), counted in one
    // pass with no branch: a window holds a few dozen values, and a binary search's
    // branches on them were mispredicted about every other step (the forecast's
    // searches were a sixth of the engine thread's mispredicted branches).
    struct Rank {
        std::ptrdiff_t below = 0, atMost = 0;
        std::ptrdiff_t equal() const { return atMost - below; }  // the run of values equal to x
    };
    Rank rankOf(double x) const;
    std::pair<Rank, Rank> ranksOf(double x, double y) const;  // both in the same single pass
    // Σ sign(x - v) over values_: how many lie below x less how many above (S's terms
    // are exact integers: the same S as summing the signs over the points).
    std::int64_t signSum(Rank r) const;
    // newest_ from the newest point (sorted only when a fit or a push needs it).
    void slopesOfNewest() const;
    void sortNewest() const;
    double kth(std::size_t k) const;  // the k-th smallest slope, 0-based
    double medianSlope() const;       // of the kept slopes, as medianOf() gives it
    // values_ gains / loses one value x (r: its rank); ties_ follows.
    void insertValue(double x, Rank r);
    void eraseValue(Rank r);
    double varianceOfS() const;  // detail::varianceOfSorted(values_), the same bits

    std::size_t cap_ = 36;
    std::vector<TrendPoint> pts_;  // oldest first
    std::int64_t S_ = 0;           // sum of sign(v_j - v_i) over i < j
    std::vector<double> values_;   // ascending
    // Σ c(c-1)(2c+5) over the runs of c equal values in values_: an integer, exact here
    // and, as a double, in varianceOfSorted (n ≤ a few hundred).
    std::int64_t ties_ = 0;
    // The slopes (v_j - v_i) / (t_j - t_i), i < j: among all but the newest point
    // (ascending), and of the newest point with each before it.
    // Both are a cache for fit() (hence mutable): up to date while slopesKept_.
    mutable std::vector<double> base_;
    mutable std::vector<double> newest_;
    mutable bool newestSorted_ = true;
    mutable bool slopesKept_ = false;
    mutable int pushesSinceFit_ = 0;
    std::vector<double> gone_, merged_;  // scratch for push()
    mutable std::vector<double> intercepts_;  // scratch for line()
};

}  // namespace vigil::forecast
