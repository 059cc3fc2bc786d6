// Rolling per-series state for charts: the last `capacity` points of every
// (series, target) pair, in ring buffers so memory is bounded however long it runs;
// and at most `maxSeries` pairs, so it is bounded however many targets there are
// (the pair updated least recently is forgotten first, counted).
#pragma once

#include "engine/Snapshot.h"
#include "record/Recency.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigil {

class SeriesWindow {
public:
    // Copies point their entries at their own recency list (record/Recency.h); every member listed.
    SeriesWindow(const SeriesWindow& o)
        : cap_(o.cap_), maxSeries_(o.maxSeries_), rings_(o.rings_), recency_(o.recency_), evicted_(o.evicted_) {
        recency_.relink(rings_);
    }
    SeriesWindow& operator=(const SeriesWindow& o) { return *this = SeriesWindow(o); }
    SeriesWindow(SeriesWindow&&) = default;
    SeriesWindow& operator=(SeriesWindow&&) = default;
    explicit SeriesWindow(std::size_t capacity = 4096, std::size_t maxSeries = 10'000)
        : cap_(capacity ? capacity : 1), maxSeries_(maxSeries ? maxSeries : 1) {}

    void add(const MetricSample& m);
    std::vector<SeriesTail> tails() const;  // sorted by series, then target
    std::size_t seriesCount() const { return rings_.size(); }
    std::uint64_t evicted() const { return evicted_; }

private:
    using Key = std::pair<std::string, std::string>;  // (series, target)
    struct Ring {
        std::vector<SeriesPoint> pts;
        std::size_t head = 0;  // next write position once full
        Recency<Key>::Mark recency;
    };
    using KeyView = std::pair<std::string_view, std::string_view>;
    // Hashed and transparent, so add() finds an existing series from a view of the
    // sample's strings: one hash per sample on the engine's hot path, no copies, no
    // string comparisons down a tree. tails() sorts (it runs at most at the UI's rate).
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(const KeyView& k) const {
            const std::size_t a = std::hash<std::string_view>{}(k.first);
            return a ^ (std::hash<std::string_view>{}(k.second) + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
        }
        std::size_t operator()(const Key& k) const { return (*this)(KeyView{k.first, k.second}); }
    };
    struct KeyEqual {
        using is_transparent = void;
        static KeyView view(const Key& k) { return {k.first, k.second}; }
        static KeyView view(const KeyView& k) { return k; }
        template <class A, class B>
        bool operator()(const A& a, const B& b) const { return view(a) == view(b); }
    };
    std::size_t cap_, maxSeries_;
    std::unordered_map<Key, Ring, KeyHash, KeyEqual> rings_;
    Recency<Key> recency_;  // which pair was updated least recently
    std::uint64_t evicted_ = 0;
};

}  // namespace vigil
