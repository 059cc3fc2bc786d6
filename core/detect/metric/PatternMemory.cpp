#include "detect/metric/PatternMemory.h"

#include <algorithm>

#include <cmath>
#include <limits>

namespace vigil::metric {

PatternMemory::PatternMemory(int width, int capacity, double vigilance)
    : width_(width), capacity_(capacity), vigilance_(vigilance) {
    centres_.reserve(static_cast<std::size_t>(width) * capacity);
}

int PatternMemory::closest(const double* shape, double& dist) const {
    int best = -1;
    double bestSq = std::numeric_limits<double>::infinity();
    for (int p = 0; p < size(); ++p) {
        const double* c = &centres_[static_cast<std::size_t>(p) * width_];
        double sq = 0.0;
        for (int i = 0; i < width_ && sq < bestSq; ++i) sq += (shape[i] - c[i]) * (shape[i] - c[i]);
        if (sq < bestSq) {
            bestSq = sq;
            best = p;
        }
    }
    dist = best < 0 ? 1.0 : std::sqrt(bestSq / width_);
    return best;
}

double PatternMemory::nearest(const double* shape) const {
    // Remember the answer: learn() is usually asked about the same shape next.
    lastShape_.assign(shape, shape + width_);
    lastBest_ = closest(shape, lastDist_);
    lastValid_ = true;
    return lastDist_;
}

void PatternMemory::learn(const double* shape) {
    ++step_;
    double d;
    int p;
    if (lastValid_ && std::equal(shape, shape + width_, lastShape_.begin())) {
        p = lastBest_;  // same shape as the last nearest(), and nothing learnt since
        d = lastDist_;
    } else {
        p = closest(shape, d);
    }
    lastValid_ = false;
    if (p >= 0 && d <= vigilance_) {
        // Running mean with a floor on the rate so a prototype keeps following slow drift.
        const double rate = 1.0 / std::min<double>(count_[p] + 1.0, 32.0);
        double* c = &centres_[static_cast<std::size_t>(p) * width_];
        for (int i = 0; i < width_; ++i) c[i] += rate * (shape[i] - c[i]);
        ++count_[p];
        used_[p] = step_;
        return;
    }
    if (size() < capacity_) {
        centres_.insert(centres_.end(), shape, shape + width_);
        count_.push_back(1);
        used_.push_back(step_);
        return;
    }
    int oldest = 0;
    for (int q = 1; q < size(); ++q)
        if (used_[q] < used_[oldest]) oldest = q;
    std::copy(shape, shape + width_, &centres_[static_cast<std::size_t>(oldest) * width_]);
    count_[oldest] = 1;
    used_[oldest] = step_;
}

}  // namespace vigil::metric
