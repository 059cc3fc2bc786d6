#include "ui/SeriesDecimator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil::ui {

PixelSlices::PixelSlices(TimestampMs from, TimestampMs to, int count)
    : from_(from), span_(to > from ? static_cast<double>(to - from) : 0.0), count_(std::max(count, 1)) {}

int PixelSlices::sliceOf(TimestampMs ts) const {
    if (span_ <= 0.0) return 0;
    const double b = std::floor(static_cast<double>(ts - from_) * count_ / span_);
    return static_cast<int>(std::clamp(b, 0.0, static_cast<double>(count_ - 1)));
}

// sliceOf's own rounding, so the slices are exactly those of sliceOf: a reducer
// then only compares timestamps, about a nanosecond a point.
TimestampMs PixelSlices::endOf(int b) const {
    if (b >= count_ - 1 || span_ <= 0.0) return std::numeric_limits<TimestampMs>::max();
    auto t = from_ + static_cast<TimestampMs>(std::ceil(static_cast<double>(b + 1) * span_ / count_));
    while (sliceOf(t - 1) > b) --t;
    while (sliceOf(t) <= b) ++t;
    return t;
}

void SeriesDecimator::reduce(std::span<const SeriesPoint> points, TimestampMs from, TimestampMs to,
                             int buckets, std::vector<SeriesPoint>& out) {
    out.clear();
    buckets = std::max(buckets, 1);
    if (points.size() <= maxOutput(buckets)) {
        out.assign(points.begin(), points.end());
        return;
    }
    const PixelSlices slices(from, to, buckets);

    const std::size_t last = points.size() - 1;
    std::size_t emitted = 0;  // index of the newest point written so far
    out.reserve(maxOutput(buckets));
    out.push_back(points[0]);
    auto emit = [&](std::size_t i) {
        if (i > emitted && i < last) {
            out.push_back(points[i]);
            emitted = i;
        }
    };

    // One pass: points arrive in time order, so slices arrive in order too. A point
    // whose timestamp went backwards stays in the current slice, which keeps the
    // size bound even for slightly disordered input.
    std::size_t i = 0;
    int b = 0;
    while (i <= last) {
        b = std::max(b, slices.sliceOf(points[i].ts));
        const TimestampMs end = slices.endOf(b);
        std::size_t lo = points.size(), hi = points.size();
        double loV = 0.0, hiV = 0.0;
        for (; i <= last && points[i].ts < end; ++i) {
            const double v = points[i].value;
            if (std::isnan(v)) continue;
            if (lo == points.size()) {
                lo = hi = i;
                loV = hiV = v;
            } else if (v < loV) {
                lo = i;
                loV = v;
            } else if (v > hiV) {
                hi = i;
                hiV = v;
            }
        }
        if (lo == points.size()) continue;  // an all-NaN slice
        emit(std::min(lo, hi));
        emit(std::max(lo, hi));
    }
    out.push_back(points[last]);
}

std::vector<SeriesPoint> SeriesDecimator::reduce(std::span<const SeriesPoint> points, int buckets) {
    std::vector<SeriesPoint> out;
    if (points.empty()) return out;
    reduce(points, points.front().ts, points.back().ts, buckets, out);
    return out;
}

}  // namespace vigil::ui
