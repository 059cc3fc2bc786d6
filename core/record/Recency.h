// Least-recently-used order for a bounded table: a map from Key to entries that each
// hold a `Recency<Key>::Mark recency`. Kept lazily: while the table is below its cap
// nothing can be evicted, so a touch only stamps the entry (a counter); the first
// eviction sorts the entries by stamp into a recency list, which is kept up to date
// from then on. The order is exact either way (stamps are unique), but a table that
// never fills, which is every table in a normal run, never moves list nodes: splicing
// the list on every sample was two cache misses a sample per table, with a few dozen
// series taking turns.
// Copies (replay checkpoints, Stage::clone()) copy the table and this, then call
// relink() so every entry points into its own copy's list.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <list>
#include <utility>
#include <vector>

namespace vigil {

template <class Key>
class Recency {
public:
    struct Mark {
        std::uint64_t used = 0;                   // the stamp of its last touch
        typename std::list<Key>::iterator pos{};  // its node, once the list is kept
    };

    // A new entry under `key` (the table's own copy of it).
    void added(const Key& key, Mark& m) {
        m.used = ++clock_;
        if (ordered_) {
            order_.push_front(key);
            m.pos = order_.begin();
        }
    }
    void touched(Mark& m) {
        m.used = ++clock_;
        if (ordered_ && m.pos != order_.begin()) order_.splice(order_.begin(), order_, m.pos);
    }
    // The key of the entry touched least recently (the table must not be empty).
    template <class Map>
    const Key& leastRecent(Map& map) {
        if (!ordered_) order(map);
        return order_.back();
    }
    // After the table dropped that entry.
    void forgetLeastRecent() { order_.pop_back(); }
    template <class Map>
    void relink(Map& map) {
        for (auto it = order_.begin(); it != order_.end(); ++it) map.find(*it)->second.recency.pos = it;
    }
    bool ordered() const { return ordered_; }

private:
    template <class Map>
    void order(Map& map) {
        std::vector<std::pair<std::uint64_t, typename Map::value_type*>> byUse;
        byUse.reserve(map.size());
        for (auto& kv : map) byUse.emplace_back(kv.second.recency.used, &kv);
        std::sort(byUse.begin(), byUse.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [used, kv] : byUse) {
            order_.push_back(kv->first);
            kv->second.recency.pos = std::prev(order_.end());
        }
        ordered_ = true;
    }

    std::list<Key> order_;  // most recently touched first, once ordered_
    std::uint64_t clock_ = 0;
    bool ordered_ = false;
};

}  // namespace vigil
