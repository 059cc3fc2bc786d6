// Rolling per-series state for charts: the last `capacity` points of every
// (series, target) pair, in ring buffers so memory is bounded however long it runs.
#pragma once

#include "engine/Snapshot.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace vigil {

class SeriesWindow {
public:
    explicit SeriesWindow(std::size_t capacity = 4096) : cap_(capacity) {}

    void add(const MetricSample& m);
    std::vector<SeriesTail> tails() const;  // sorted by series, then target
    std::size_t seriesCount() const { return rings_.size(); }

private:
    struct Ring {
        std::vector<SeriesPoint> pts;
        std::size_t head = 0;  // next write position once full
    };
    std::size_t cap_;
    std::map<std::pair<std::string, std::string>, Ring> rings_;
};

}  // namespace vigil
