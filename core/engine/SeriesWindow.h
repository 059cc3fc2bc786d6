// Rolling per-series state for charts: the last `capacity` points of every
// (series, target) pair, in ring buffers so memory is bounded however long it runs.
#pragma once

#include "engine/Snapshot.h"

#include <map>
#include <string>
#include <string_view>
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
    using Key = std::pair<std::string, std::string>;       // (series, target)
    using KeyView = std::pair<std::string_view, std::string_view>;
    // Transparent, so add() finds an existing series from a view of the sample's
    // strings: one lookup per sample on the engine's hot path, no copies.
    // Same order as Key's own operator<.
    struct KeyLess {
        using is_transparent = void;
        static KeyView view(const Key& k) { return {k.first, k.second}; }
        static KeyView view(const KeyView& k) { return k; }
        template <class A, class B>
        bool operator()(const A& a, const B& b) const { return view(a) < view(b); }
    };
    std::size_t cap_;
    std::map<Key, Ring, KeyLess> rings_;
};

}  // namespace vigil
