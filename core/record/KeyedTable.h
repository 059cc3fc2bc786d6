// A bounded table of per-key state for the detection stages (the event, forecast and
// metric detectors keep one per series or target). See KeyedTable below.
#pragma once

#include "record/Recency.h"
#include "record/Record.h"
#include "record/SeriesHintCache.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

namespace vigil {

// A new key's state, value-initialised: KeyedTable's default maker. A stage whose
// state needs its configuration (a metric detector) passes a maker that holds it.
template <class State>
struct MakeValue {
    State operator()() const { return State{}; }
};

// Per-key state with a hard cap: when full, the key used least recently is evicted
// (counted), so a flood of distinct keys cannot grow memory. Eviction is O(1) once the
// table has filled (record/Recency.h keeps the order, lazily until then), so a million
// distinct keys cost what a thousand do.
template <class State, class Make = MakeValue<State>>
class KeyedTable {
public:
    explicit KeyedTable(std::size_t cap, Make make = {}) : cap_(cap ? cap : 1), make_(std::move(make)) {}
    // Copies point their entries at their own recency list; every member listed.
    // The hint cache is not copied: a copy starts it empty (record/SeriesHintCache.h).
    KeyedTable(const KeyedTable& o)
        : cap_(o.cap_), make_(o.make_), recency_(o.recency_), map_(o.map_), evicted_(o.evicted_) {
        recency_.relink(map_);
    }
    KeyedTable& operator=(const KeyedTable& o) { return *this = KeyedTable(o); }
    KeyedTable(KeyedTable&&) = default;
    KeyedTable& operator=(KeyedTable&&) = default;
    State& at(const std::string& key, TimestampMs /*seen*/) {
        auto it = map_.find(key);
        if (it == map_.end()) {
            if (map_.size() >= cap_) evictLeastRecent();
            it = map_.emplace(key, Entry{make_(), {}, {}}).first;
            recency_.added(it->first, it->second.recency);
        } else {
            recency_.touched(it->second.recency);
        }
        return it->second.state;
    }
    // at(), but an existing entry is first put to `accept` (a new one always counts as
    // accepted): when it says no, nullptr, and the table is as it was, recency included.
    // One lookup for "refuse what is out of order, else update", where find() then at()
    // took two on every sample.
    template <class Accept>
    State* atIf(const std::string& key, TimestampMs seen, Accept&& accept) {
        auto it = map_.find(key);
        if (it == map_.end()) return &at(key, seen);  // looks up again, for new keys only
        if (!accept(std::as_const(it->second.state))) return nullptr;
        recency_.touched(it->second.recency);
        return &it->second.state;
    }
    // atIf() for a metric sample's (series, target): its hint finds the entry without
    // the key, which `makeKey()` builds (a reused buffer) only when the hint does not.
    template <class MakeKey, class Accept>
    State* atIf(const SeriesHint& hint, MakeKey&& makeKey, TimestampMs seen, Accept&& accept) {
        if (Entry* e = hints_.find(hint)) {
            if (!accept(std::as_const(e->state))) return nullptr;
            recency_.touched(e->recency);
            return &e->state;
        }
        const std::string& key = makeKey();
        State* s = atIf(key, seen, std::forward<Accept>(accept));
        if (s && hint.table != 0) {  // an entry and its slot name each other
            Entry& e = map_.find(key)->second;
            e.hint = hint;
            hints_.remember(hint, &e);
        }
        return s;
    }
    State* find(const std::string& key) {
        auto it = map_.find(key);
        return it == map_.end() ? nullptr : &it->second.state;
    }
    const State* find(const std::string& key) const {
        auto it = map_.find(key);
        return it == map_.end() ? nullptr : &it->second.state;
    }
    std::size_t size() const { return map_.size(); }
    std::uint64_t evicted() const { return evicted_; }

private:
    struct Entry {
        State state{};
        Recency<std::string>::Mark recency;
        SeriesHint hint{};  // the last one it was remembered under, forgotten when evicted
    };
    void evictLeastRecent() {
        const auto victim = map_.find(recency_.leastRecent(map_));
        hints_.forget(victim->second.hint);
        recency_.forgetLeastRecent();
        map_.erase(victim);
        ++evicted_;
    }
    std::size_t cap_;
    Make make_;
    Recency<std::string> recency_;
    std::unordered_map<std::string, Entry> map_;
    SeriesHintCache<Entry> hints_;
    std::uint64_t evicted_ = 0;
};

}  // namespace vigil
