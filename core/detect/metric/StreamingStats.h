// Small O(1) streaming estimators the metric detector is built from. Each keeps a
// constant amount of state however long the series runs.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace vigil::metric {

// Exponentially weighted mean and mean absolute deviation, with the residual
// clipped before it updates the state so a single outlier cannot drag the estimate.
class RobustLevel {
public:
    explicit RobustLevel(double alpha = 0.02) : alpha_(alpha) {}
    bool ready() const { return n_ > 0; }
    double mean() const { return mean_; }
    double spread() const { return dev_; }  // mean absolute deviation
    void update(double x) {
        if (n_++ == 0) {
            mean_ = x;
            return;
        }
        const double a = std::max(alpha_, 1.0 / static_cast<double>(n_));
        const double limit = dev_ > 0 ? 4.0 * dev_ : std::abs(x - mean_);
        const double r = std::clamp(x - mean_, -limit, limit);
        mean_ += a * r;
        dev_ += a * (std::abs(x - mean_) - dev_);
    }

private:
    double alpha_;
    double mean_ = 0.0, dev_ = 0.0;
    long n_ = 0;
};

// The largest value of each of N signals over roughly the last `blocks * block`
// points, kept as one maximum per block of points (constant memory, O(blocks) per
// block closed). A raw signal divided by its record is its surprise relative to the
// series' own recent history: > 1 means nothing as large happened in that span, so an
// event that recurs (a daily jump, a noisy series' usual excursions) stays below 1.
// The N signals advance together (every point updates all of them), so they share
// the block count, and a block's N maxima sit side by side: one cache line per point
// for all of them, where N separate records were N objects and N arrays to fetch.
template <int N>
class WindowRecords {
public:
    explicit WindowRecords(int block = 256, int blocks = 16)
        : block_(block), maxima_(blocks, std::array<double, N>{}) {}
    // Signal i's record before the block being filled: a slow ramp is measured against
    // the history before it began, not against its own latest values. Until the first
    // block is full, that block is all the history there is.
    double value(int i) const { return filledOnce_ ? past_[i] : maxima_[0][i]; }
    void update(const std::array<double, N>& r) {
        if (fill_ == block_) {
            head_ = (head_ + 1) % static_cast<int>(maxima_.size());
            filledOnce_ = true;
            maxima_[head_].fill(0.0);
            fill_ = 0;
            // The full blocks only change here: the maximum over them is kept, not
            // rescanned on every query.
            past_.fill(0.0);
            for (int b = 0; b < static_cast<int>(maxima_.size()); ++b)
                if (b != head_)
                    for (int i = 0; i < N; ++i) past_[i] = std::max(past_[i], maxima_[b][i]);
        }
        for (int i = 0; i < N; ++i) maxima_[head_][i] = std::max(maxima_[head_][i], r[i]);
        ++fill_;
        ++seen_;
    }
    // How many points value() is the maximum of.
    long covered() const { return filledOnce_ ? std::min<long>(seen_ - fill_, span()) : seen_; }
    // The number of points value() covers once the series is long enough.
    long span() const { return static_cast<long>(block_) * (static_cast<long>(maxima_.size()) - 1); }
    // How far to raise value() while it covers fewer points than its span: the largest
    // of n draws grows like log n, so a young record is a low bar; the factor is
    // (log span / log covered)^growth. Cached: it changes only when a block closes (or on
    // every point of the first block).
    double youngFactor(double growth) const {
        const long n = std::max(covered(), 2L);
        if (n >= span()) return 1.0;
        if (n != factorFor_ || growth != factorGrowth_) {
            factorFor_ = n;
            factorGrowth_ = growth;
            factor_ = std::pow(std::log(static_cast<double>(span())) / std::log(static_cast<double>(n)), growth);
        }
        return factor_;
    }

private:
    int block_;
    std::vector<std::array<double, N>> maxima_;  // per block, the N signals' maxima
    int head_ = 0, fill_ = 0;
    long seen_ = 0;
    bool filledOnce_ = false;
    std::array<double, N> past_{};  // max over the full blocks other than head_, once filledOnce_
    mutable long factorFor_ = -1;
    mutable double factorGrowth_ = 0.0, factor_ = 1.0;
};

}  // namespace vigil::metric
