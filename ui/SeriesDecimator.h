// Min/max decimation for live charts: a series is reduced to about two points per
// horizontal pixel before it reaches Qt Charts, so redraw cost depends on the
// chart's width, not on how much history the engine keeps.
#pragma once

#include "engine/Snapshot.h"

#include <span>
#include <vector>

namespace vigil::ui {

// The pixel slices of [from, to]: `count` equal time slices, one per pixel column;
// a time before `from` is in the first, one after `to` in the last. Shared by
// SeriesDecimator and MinMaxPyramid so both cut a line at exactly the same times.
class PixelSlices {
public:
    PixelSlices(TimestampMs from, TimestampMs to, int count);
    int count() const { return count_; }
    int sliceOf(TimestampMs ts) const;
    // The first time that falls in a later slice than `slice` (max for the last).
    TimestampMs endOf(int slice) const;

private:
    TimestampMs from_;
    double span_;
    int count_;
};

class SeriesDecimator {
public:
    // Splits [from, to] into `buckets` equal time slices (one per pixel) and keeps,
    // per slice, the point with the smallest and the one with the largest value, in
    // time order; the first and the last input point are always kept. The output is
    // a subsequence of `points` (which must be in time order) with at most
    // 2 * buckets + 2 points, so every spike and dip stays visible. Points outside
    // [from, to] fall into the first or last slice. NaN values never win a slice.
    // When the input is already small enough it is copied unchanged.
    static void reduce(std::span<const SeriesPoint> points, TimestampMs from, TimestampMs to,
                       int buckets, std::vector<SeriesPoint>& out);

    // Same, with the slices spanning the points' own time range.
    static std::vector<SeriesPoint> reduce(std::span<const SeriesPoint> points, int buckets);

    // Largest output reduce() can produce for `buckets` slices.
    static std::size_t maxOutput(int buckets) { return 2 * static_cast<std::size_t>(buckets < 1 ? 1 : buckets) + 2; }
};

}  // namespace vigil::ui
