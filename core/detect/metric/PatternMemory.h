// Contextual novelty: a bounded memory of the short shapes a series has drawn
// (windows of recent values scaled to the series' own range), grouped by leader
// clustering in the spirit of ART. A window far from every remembered shape is
// novel. Memory is at most `capacity` prototypes; the least recently matched one
// is forgotten first, so cost per point is O(capacity * width), a constant.
#pragma once

#include <cstdint>
#include <vector>

namespace vigil::metric {

class PatternMemory {
public:
    PatternMemory(int width, int capacity, double vigilance);
    int width() const { return width_; }
    // Distance (RMS, in range units) from `shape` to the nearest remembered prototype;
    // 1 when nothing is remembered yet.
    double nearest(const double* shape) const;
    // Learns `shape`: moves the nearest prototype towards it, or remembers it as a
    // new prototype when it is farther than the vigilance.
    void learn(const double* shape);
    int size() const { return static_cast<int>(used_.size()); }

private:
    int closest(const double* shape, double& dist) const;
    int width_, capacity_;
    double vigilance_;
    std::vector<double> centres_;      // size() * width_
    std::vector<std::uint32_t> count_;
    std::vector<std::uint64_t> used_;  // step of last match
    // Memo of the last nearest() query, valid until the next learn().
    mutable std::vector<double> lastShape_;
    mutable double lastDist_ = 1.0;
    mutable int lastBest_ = -1;
    mutable bool lastValid_ = false;
    std::uint64_t step_ = 0;
};

}  // namespace vigil::metric
