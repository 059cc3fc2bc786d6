// Small O(1) streaming estimators the metric detector is built from. Each keeps a
// constant amount of state however long the series runs.
#pragma once

#include <algorithm>
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

// The largest value of a signal over roughly the last `blocks * block` points, kept
// as one maximum per block of points (constant memory, O(blocks) per query). A raw
// signal divided by this record is its surprise relative to the series' own recent
// history: > 1 means nothing as large happened in that span, so an event that
// recurs (a daily jump, a noisy series' usual excursions) stays below 1.
class WindowRecord {
public:
    explicit WindowRecord(int block = 256, int blocks = 16) : block_(block), maxima_(blocks, 0.0) {}
    // The record before the block being filled: a slow ramp is measured against the
    // history before it began, not against its own latest values.
    double value() const {
        double m = 0.0;
        for (int i = 0; i < static_cast<int>(maxima_.size()); ++i)
            if (i != head_ || filledOnce_ == false) m = std::max(m, maxima_[i]);
        return m;
    }
    void update(double r) {
        if (fill_ == block_) {
            head_ = (head_ + 1) % static_cast<int>(maxima_.size());
            filledOnce_ = true;
            maxima_[head_] = 0.0;
            fill_ = 0;
        }
        maxima_[head_] = std::max(maxima_[head_], r);
        ++fill_;
        ++seen_;
    }
    // How many points value() is the maximum of.
    long covered() const {
        if (!filledOnce_) return seen_;
        const long full = static_cast<long>(block_) * (static_cast<long>(maxima_.size()) - 1);
        return std::min<long>(seen_ - fill_, full);
    }
    // The number of points value() covers once the series is long enough.
    long span() const { return static_cast<long>(block_) * (static_cast<long>(maxima_.size()) - 1); }

private:
    int block_;
    std::vector<double> maxima_;
    int head_ = 0, fill_ = 0;
    long seen_ = 0;
    bool filledOnce_ = false;  // until the first block is full, it is all the history there is
};

}  // namespace vigil::metric
