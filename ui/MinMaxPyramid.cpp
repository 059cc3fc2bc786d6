#include "ui/MinMaxPyramid.h"

#include "ui/SeriesDecimator.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace vigil::ui {

namespace {
constexpr std::int64_t blockSize(int level) { return std::int64_t(1) << (MinMaxPyramid::kFanoutBits * (level + 1)); }

bool samePoint(const SeriesPoint& a, const SeriesPoint& b) {
    return a.ts == b.ts && std::bit_cast<std::uint64_t>(a.value) == std::bit_cast<std::uint64_t>(b.value);
}

// The first position in [i, n) whose time is at or after `end` (n when none): a
// guess from the average spacing, then a gallop and a binary search around it,
// so a slice costs a few probes near i rather than log2(n) across the whole line.
std::size_t firstAtOrAfter(std::span<const SeriesPoint> p, std::size_t i, std::size_t n, TimestampMs end) {
    if (i >= n || p[i].ts >= end) return i;
    if (p[n - 1].ts < end) return n;
    // p[i].ts < end <= p[n-1].ts: the answer is in (i, n-1].
    const double step = static_cast<double>(p[n - 1].ts - p[i].ts) / static_cast<double>(n - 1 - i);
    const double ahead = step > 0 ? static_cast<double>(end - p[i].ts) / step : 1.0;
    std::size_t g = i + static_cast<std::size_t>(std::clamp(ahead, 1.0, static_cast<double>(n - 1 - i)));
    std::size_t lo, hi;  // p[lo].ts < end <= p[hi].ts
    if (p[g].ts < end) {
        lo = g;
        std::size_t d = 1;
        while (lo + d < n - 1 && p[lo + d].ts < end) {
            lo += d;
            d *= 2;
        }
        hi = std::min(lo + d, n - 1);
    } else {
        hi = g;
        std::size_t d = 1;
        while (d < hi - i && p[hi - d].ts >= end) {
            hi -= d;
            d *= 2;
        }
        lo = d < hi - i ? hi - d : i;
    }
    auto it = std::lower_bound(p.begin() + std::ptrdiff_t(lo) + 1, p.begin() + std::ptrdiff_t(hi), end,
                               [](const SeriesPoint& q, TimestampMs t) { return q.ts < t; });
    return static_cast<std::size_t>(it - p.begin());
}

// Running first-smallest / first-largest, fed in position order.
struct Running {
    std::int64_t lo = -1, hi = -1;
    double loV = 0, hiV = 0;
    void add(std::int64_t loAt, double lv, std::int64_t hiAt, double hv) {
        if (loAt < 0) return;
        if (lo < 0 || lv < loV) {
            lo = loAt;
            loV = lv;
        }
        if (hi < 0 || hv > hiV) {
            hi = hiAt;
            hiV = hv;
        }
    }
};
}  // namespace

void MinMaxPyramid::sync(std::span<const SeriesPoint> points) {
    if (points.empty()) {
        *this = MinMaxPyramid();
        return;
    }
    if (count_ == base_ || !sorted_) return rebuild(points);
    // Where the last point seen is now: it fixes how many points left the front.
    // Points can share a millisecond (and a value), so it is found as the
    // lastRun_-th of the points on its millisecond; when nothing older is left
    // before that run, the front may have cut into it: rebuilt, not guessed.
    auto run = std::lower_bound(points.begin(), points.end(), last_.ts,
                                [](const SeriesPoint& q, TimestampMs t) { return q.ts < t; });
    if (run == points.begin()) return rebuild(points);
    const auto j = static_cast<std::size_t>(run - points.begin()) + lastRun_ - 1;
    if (j >= points.size() || !samePoint(points[j], last_)) return rebuild(points);
    const std::int64_t newBase = count_ - 1 - static_cast<std::int64_t>(j);
    if (newBase < base_ || (newBase == base_ && !samePoint(points[0], first_))) return rebuild(points);
    trimTo(newBase);
    first_ = points[0];
    append(points, j + 1);
}

void MinMaxPyramid::rebuild(std::span<const SeriesPoint> points) {
    levels_.clear();
    dropped_.clear();
    base_ = count_ = 0;
    sorted_ = true;
    first_ = points[0];
    append(points, 0);
}

void MinMaxPyramid::trimTo(std::int64_t base) {
    base_ = base;
    for (std::size_t k = 0; k < levels_.size(); ++k) {
        auto& level = levels_[k];
        // Nodes wholly before `base` are never read again; erased once they are
        // half the vector, so trimming costs O(1) a node.
        const std::int64_t gone = std::min<std::int64_t>((base >> (kFanoutBits * (int(k) + 1))) - dropped_[k],
                                                         std::int64_t(level.size()));
        if (gone > 0 && gone * 2 >= std::int64_t(level.size())) {
            level.erase(level.begin(), level.begin() + std::ptrdiff_t(gone));
            dropped_[k] += gone;
        }
    }
}

void MinMaxPyramid::append(std::span<const SeriesPoint> points, std::size_t from) {
    for (std::size_t r = from; r < points.size(); ++r) {
        if (r > 0 && points[r].ts < points[r - 1].ts) sorted_ = false;
        const std::int64_t at = base_ + std::int64_t(r);
        // Every block that ends with this point is complete now, from level 0 up.
        for (int k = 0;; ++k) {
            const std::int64_t size = blockSize(k);
            if (((at + 1) & (size - 1)) != 0) break;
            if (levels_.size() <= std::size_t(k)) {
                levels_.emplace_back();
                dropped_.push_back(0);
            }
            const std::int64_t start = at + 1 - size;
            Node n;
            // A block partly trimmed away is never read whole again: left empty.
            if (start >= base_) {
                Running run;
                if (k == 0) {
                    for (std::int64_t q = start; q <= at; ++q) {
                        const double v = points[std::size_t(q - base_)].value;
                        if (!std::isnan(v)) run.add(q, v, q, v);
                    }
                } else {
                    const auto& below = levels_[std::size_t(k - 1)];
                    const std::int64_t child = (start >> (kFanoutBits * k)) - dropped_[std::size_t(k - 1)];
                    for (std::int64_t c = child; c < child + (std::int64_t(1) << kFanoutBits); ++c) {
                        const Node& m = below[std::size_t(c)];
                        run.add(m.lo, m.loV, m.hi, m.hiV);
                    }
                }
                n = {run.lo, run.hi, run.loV, run.hiV};
            }
            levels_[std::size_t(k)].push_back(n);
        }
    }
    count_ = base_ + std::int64_t(points.size());
    last_ = points.back();
    lastRun_ = 1;
    while (lastRun_ < points.size() && points[points.size() - 1 - lastRun_].ts == last_.ts) ++lastRun_;
}

void MinMaxPyramid::prefetchAround(std::span<const SeriesPoint> points, std::size_t at) const {
    __builtin_prefetch(&points[at]);
    const std::int64_t abs = base_ + std::int64_t(at);
    for (std::size_t k = 0; k < levels_.size() && k < 2; ++k) {
        const std::int64_t node = (abs >> (kFanoutBits * (int(k) + 1))) - dropped_[k];
        if (node >= 0 && std::size_t(node) < levels_[k].size()) __builtin_prefetch(&levels_[k][std::size_t(node)]);
    }
}

MinMaxPyramid::Extremes MinMaxPyramid::extremes(std::span<const SeriesPoint> points, std::size_t first,
                                                std::size_t last) const {
    Running run;
    std::int64_t i = base_ + std::int64_t(first);
    const std::int64_t end = base_ + std::int64_t(last);
    const int top = int(levels_.size()) - 1;
    while (i < end) {
        // The largest block that starts at i (its size divides i: shifts and masks,
        // no division) and ends by `end`; else the points up to the next block edge.
        const int aligned = i == 0 ? 63 : std::countr_zero(static_cast<std::uint64_t>(i));
        int k = std::min(top, aligned / kFanoutBits - 1);
        while (k >= 0 && i + blockSize(k) > end) --k;
        if (k < 0) {
            const std::int64_t stop = std::min(end, (i | (blockSize(0) - 1)) + 1);
            for (; i < stop; ++i) {
                const double v = points[std::size_t(i - base_)].value;
                if (!std::isnan(v)) run.add(i, v, i, v);
            }
            continue;
        }
        const int bits = kFanoutBits * (k + 1);
        const Node& n = levels_[std::size_t(k)][std::size_t((i >> bits) - dropped_[std::size_t(k)])];
        run.add(n.lo, n.loV, n.hi, n.hiV);
        i += std::int64_t(1) << bits;
    }
    if (run.lo < 0) return {};
    return {std::size_t(run.lo - base_), std::size_t(run.hi - base_)};
}

void MinMaxPyramid::reduce(std::span<const SeriesPoint> points, std::size_t first, std::size_t last, TimestampMs from,
                           TimestampMs to, int buckets, std::vector<SeriesPoint>& out) const {
    out.clear();
    buckets = std::max(buckets, 1);
    if (last <= first) return;
    if (last - first <= SeriesDecimator::maxOutput(buckets)) {
        out.assign(points.begin() + std::ptrdiff_t(first), points.begin() + std::ptrdiff_t(last));
        return;
    }
    // SeriesDecimator::reduce's loop, with each slice's extremes from the pyramid.
    const PixelSlices slices(from, to, buckets);
    const std::size_t final = last - 1;
    std::size_t emitted = first;
    out.reserve(SeriesDecimator::maxOutput(buckets));
    out.push_back(points[first]);
    auto emit = [&](std::size_t i) {
        if (i > emitted && i < final) {
            out.push_back(points[i]);
            emitted = i;
        }
    };
    // A slice's work is a handful of cache misses (the points and nodes at its two
    // edges), one after the other; asking for those of a slice further on while
    // this one is worked out overlaps them.
    const double perSlice = double(last - first) / buckets;
    std::size_t i = first;
    int b = 0;
    while (i < last) {
        prefetchAround(points, std::min(last - 1, i + std::size_t(perSlice * 3)));
        b = std::max(b, slices.sliceOf(points[i].ts));
        const std::size_t j = firstAtOrAfter(points, i, last, slices.endOf(b));
        const Extremes e = extremes(points, i, j);
        i = j;
        if (e.lo == npos) continue;  // an all-NaN slice
        emit(std::min(e.lo, e.hi));
        emit(std::max(e.lo, e.hi));
    }
    out.push_back(points[final]);
}

}  // namespace vigil::ui
