// Small pieces every event detector shares: target names, deterministic anomaly
// ids and records, the alarm re-fire latch, a key table with a hard size cap, and
// human-readable numbers/durations.
#pragma once

#include "detect/ExplanationText.h"
#include "record/Recency.h"
#include "record/Record.h"
#include "record/SeriesHintCache.h"
#include "record/Target.h"

#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace vigil::events {

// Targets use "<kind>:<name>" (record/Target.h): bare and typed names alike.
inline std::string endpointTarget(std::string_view ep) { return typedTarget("rpc", ep); }
inline std::string chainTarget(std::string_view c) { return typedTarget("chain", c); }
inline std::string agentTarget(std::string_view a) { return typedTarget("agent", a); }
inline std::string workflowTarget(std::string_view w) { return typedTarget("workflow", w); }
inline std::string poolTarget(std::string_view w) { return typedTarget("pool", w); }

// "<detector>/<target>@<ts>#<seq>": unique per stage run, same on every replay.
std::string anomalyId(std::string_view detector, std::string_view target, TimestampMs ts,
                      std::uint64_t seq);

// An anomaly with its identity filled in (ts, detector, series, target, id); the
// caller adds the measurement and the explanation. `idKey` names it in the id when
// that differs from the target (level.shift: "<series>|<target>").
Anomaly makeAnomaly(std::string_view detector, std::string_view series, std::string_view target,
                    TimestampMs ts, std::uint64_t seq, std::string_view idKey = {});

// 0.8 when `stat` just reaches `threshold`, approaching 1 as it climbs past it;
// `extra` (>= 0) pushes it further towards 1.
double scoreAbove(double stat, double threshold, double extra = 0.0);

// While a condition lasts, a detector reports it once and then at most every
// `refireMs`; the detector decides when the condition is over (clear()).
class AlarmLatch {
public:
    // True (and remembers `ts`) if an anomaly should be emitted now.
    bool shouldFire(TimestampMs ts, TimestampMs refireMs) {
        if (active_ && ts - lastFire_ < refireMs) return false;
        active_ = true;
        lastFire_ = ts;
        return true;
    }
    void clear() { active_ = false; }
    bool active() const { return active_; }

private:
    bool active_ = false;
    TimestampMs lastFire_ = 0;
};

std::string formatDuration(TimestampMs ms);  // "4m12s", "850ms", "2h03m"
std::string formatNumber(double v, int precision = 3);  // trims trailing zeros
std::string formatPercent(double ratio);                // 0.1234 -> "12.3%"

// Per-key state with a hard cap: when full, the key used least recently is evicted
// (counted), so a flood of distinct keys cannot grow memory. Eviction is O(1) once the
// table has filled (record/Recency.h keeps the order, lazily until then), so a million
// distinct keys cost what a thousand do.
template <class State>
class KeyedTable {
public:
    explicit KeyedTable(std::size_t cap) : cap_(cap ? cap : 1) {}
    // Copies point their entries at their own recency list; every member listed.
    // The hint cache is not copied: a copy starts it empty (record/SeriesHintCache.h).
    KeyedTable(const KeyedTable& o) : cap_(o.cap_), recency_(o.recency_), map_(o.map_), evicted_(o.evicted_) {
        recency_.relink(map_);
    }
    KeyedTable& operator=(const KeyedTable& o) { return *this = KeyedTable(o); }
    KeyedTable(KeyedTable&&) = default;
    KeyedTable& operator=(KeyedTable&&) = default;
    State& at(const std::string& key, TimestampMs /*seen*/) {
        auto it = map_.find(key);
        if (it == map_.end()) {
            if (map_.size() >= cap_) evictLeastRecent();
            it = map_.emplace(key, Entry{}).first;
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
    Recency<std::string> recency_;
    std::unordered_map<std::string, Entry> map_;
    SeriesHintCache<Entry> hints_;
    std::uint64_t evicted_ = 0;
};

// What a detector refused and why; the engine counts `false` returns, this keeps
// the reason so tests and the UI can show it.
struct RejectCounters {
    std::uint64_t accepted = 0;
    std::uint64_t nonFinite = 0;
    std::uint64_t outOfOrder = 0;
    std::uint64_t malformed = 0;
    std::string lastReason;
    std::uint64_t rejected() const { return nonFinite + outOfOrder + malformed; }
};

}  // namespace vigil::events
