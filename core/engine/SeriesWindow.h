// Rolling per-series state for charts: the last `capacity` points of every
// (series, target) pair, in ring buffers so memory is bounded however long it runs;
// and at most `maxSeries` pairs, so it is bounded however many targets there are
// (the pair updated least recently is forgotten first, counted).
#pragma once

#include "engine/Snapshot.h"

#include <cstdint>
#include <functional>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigil {

class SeriesWindow {
public:
    // Copies point their recency list at their own keys; every member listed.
    SeriesWindow(const SeriesWindow& o);
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
        std::list<const Key*>::iterator pos;  // in order_
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
    std::list<const Key*> order_;  // keys of rings_ (stable node addresses), most recently updated first
    std::uint64_t evicted_ = 0;
};

}  // namespace vigil
