// A per-line min/max pyramid for live charts (issue #10: 8 lines x 1 M points in
// view within 16 ms a frame). Level k holds, for each block of 16^(k+1) points,
// the positions of its first smallest and first largest value; it grows as points
// are appended and forgets blocks trimmed off the front, so keeping it current
// costs O(new points) a frame, and cutting a line into N pixel columns costs
// O(N x levels), not O(points). The output is exactly SeriesDecimator's.
#pragma once

#include "engine/Snapshot.h"

#include <cstdint>
#include <span>
#include <vector>

namespace vigil::ui {

class MinMaxPyramid {
public:
    static constexpr int kFanoutBits = 4;  // 16 children a node
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Brings the pyramid up to `points`, the newest state of the same line: the
    // points after the last one seen are added, points gone from the front are
    // forgotten. Anything else (a line that changed in place, a different line) is
    // noticed because the last or first point seen no longer matches, and the
    // pyramid is rebuilt.
    void sync(std::span<const SeriesPoint> points);

    // False when the synced points are not in time order: then only
    // SeriesDecimator (which tolerates that) can reduce them.
    bool sorted() const { return sorted_; }
    std::size_t size() const { return static_cast<std::size_t>(count_ - base_); }
    int levels() const { return static_cast<int>(levels_.size()); }

    // Positions (in `points`, the span last synced) of the first smallest and the
    // first largest non-NaN value in [first, last); npos for both when all are NaN.
    struct Extremes {
        std::size_t lo = npos, hi = npos;
    };
    Extremes extremes(std::span<const SeriesPoint> points, std::size_t first, std::size_t last) const;

    // SeriesDecimator::reduce(points[first, last), from, to, buckets, out), point
    // for point, in O(buckets x levels). Requires sorted().
    void reduce(std::span<const SeriesPoint> points, std::size_t first, std::size_t last, TimestampMs from,
                TimestampMs to, int buckets, std::vector<SeriesPoint>& out) const;

private:
    struct Node {
        std::int64_t lo = -1, hi = -1;  // absolute positions; -1: every value NaN (or trimmed)
        double loV = 0, hiV = 0;        // their values, so a query never leaves the node arrays
    };
    void rebuild(std::span<const SeriesPoint> points);
    void append(std::span<const SeriesPoint> points, std::size_t from);  // points[from..] are new
    void trimTo(std::int64_t base);
    void prefetchAround(std::span<const SeriesPoint> points, std::size_t at) const;

    // levels_[k][i - dropped_[k]] covers absolute positions [i, i + 1) * 16^(k+1).
    // Vectors, not deques: a deque's index is a second dependent memory load, and
    // a frame is mostly waiting for memory. Trimmed nodes go in bulk (trimTo).
    std::vector<std::vector<Node>> levels_;
    std::vector<std::int64_t> dropped_;
    std::int64_t base_ = 0;   // absolute position of points[0]
    std::int64_t count_ = 0;  // one past the absolute position of the last point seen
    SeriesPoint first_{}, last_{};
    std::size_t lastRun_ = 0;  // points on last_'s millisecond, last_ included
    bool sorted_ = true;
};

}  // namespace vigil::ui
