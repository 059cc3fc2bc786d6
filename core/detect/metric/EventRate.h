// How surprising the number of recent excursions is, given how often they usually come.
// A series whose spikes start coming more often (a flapping link, a retry storm) may show
// no single point larger than before; the count over a short window, against a Poisson
// law at the series' own long-run rate, sees it. O(1) per point, bounded memory.
#pragma once

#include <cmath>
#include <deque>

namespace vigil::metric {

class EventRate {
public:
    explicit EventRate(int window = 64, double forget = 1.0 / 4096, double prior_events = 0.5,
                       double prior_points = 128)
        : window_(window), keep_(1.0 - forget), events_(prior_events), points_(prior_points) {}

    // -log10 P(N >= k) for k = excursions in the window ending with this point, N Poisson at
    // the long-run rate; 0 while the count is not above what the rate predicts.
    double surprise(bool excursion) const {
        const int k = count_ + (excursion ? 1 : 0);
        const int n = static_cast<int>(flags_.size()) + 1;
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
    void learn(bool excursion) {
        events_ = keep_ * events_ + (excursion ? 1.0 : 0.0);
        points_ = keep_ * points_ + 1.0;
        flags_.push_back(excursion);
        count_ += excursion;
        if (static_cast<int>(flags_.size()) >= window_) {
            count_ -= flags_.front();
            flags_.pop_front();
        }
    }

private:
    int window_;
    double keep_;
    double events_, points_;  // exponentially forgotten counts (with a weak prior)
    std::deque<bool> flags_;  // the last window-1 points
    int count_ = 0;
};

}  // namespace vigil::metric
