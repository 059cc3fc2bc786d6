// How surprising the number of recent excursions is, given how often they usually come.
// A series whose spikes start coming more often (a flapping link, a retry storm) may show
// no single point larger than before; the count over a short window, against a Poisson
// law at the series' own long-run rate, sees it. O(1) per point, bounded memory.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace vigil::metric {

class EventRate {
public:
    // The window holds at most kMaxWindow points (the detector uses 64).
    static constexpr int kMaxWindow = 257;
    explicit EventRate(int window = 64, double forget = 1.0 / 4096, double prior_events = 0.5,
                       double prior_points = 128)
        : window_(std::clamp(window, 1, kMaxWindow)),
          keep_(1.0 - forget),
          events_(prior_events),
          points_(prior_points) {}

    // -log10 P(N >= k) for k = excursions in the window ending with this point, N Poisson at
    // the long-run rate; 0 while the count is not above what the rate predicts.
    double surprise(bool excursion) const {
        const int k = count_ + (excursion ? 1 : 0);
        const int n = held_ + 1;
        const double lambda = n * events_ / points_;
        if (!excursion || k <= lambda + 1.0) return 0.0;
        // Upper tail summed from pmf(k) upwards (terms shrink once j > lambda).
        double logTerm = k * std::log(lambda) - lambda - std::lgamma(k + 1.0);
        double sum = 0.0, term = 1.0;
        for (int j = k; j < k + 200 && term > 1e-12; ++j) {
            sum += term;
            term *= lambda / (j + 1);
        }
        return -(logTerm + std::log(sum)) / std::log(10.0);
    }
    // Excursions among the last window-1 points.
    int recent() const { return count_; }
    void learn(bool excursion) {
        events_ = keep_ * events_ + (excursion ? 1.0 : 0.0);
        points_ = keep_ * points_ + 1.0;
        // The last window-1 flags, oldest first from oldest_: once full, the newest
        // takes the oldest's place.
        const int capacity = window_ - 1;
        if (capacity == 0) return;
        count_ += excursion;
        int at = oldest_ + held_;
        if (held_ == capacity) {
            at = oldest_;
            count_ -= flag(at);
            if (++oldest_ == capacity) oldest_ = 0;
        } else {
            ++held_;
            if (at >= capacity) at -= capacity;
        }
        const std::uint64_t bit = std::uint64_t(1) << (at % 64);
        flags_[at / 64] = excursion ? (flags_[at / 64] | bit) : (flags_[at / 64] & ~bit);
    }

private:
    int flag(int at) const { return static_cast<int>((flags_[at / 64] >> (at % 64)) & 1u); }

    int window_;
    double keep_;
    double events_, points_;  // exponentially forgotten counts (with a weak prior)
    // The last window-1 points' excursion flags, a ring of bits kept in the object: a
    // deque's nodes were one more cache line to fetch per sample of every series.
    std::array<std::uint64_t, (kMaxWindow - 1 + 63) / 64> flags_{};
    int oldest_ = 0, held_ = 0;
    int count_ = 0;  // set flags among them
};

}  // namespace vigil::metric
