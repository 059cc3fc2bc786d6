// Per-agent totals and health from task events. Counts are marked once per second
// of record time, so the recent window (AgentHealth.h) is judged the same however
// the input was batched and however often snapshots are asked for.
// At most `maxAgents` agents are kept: the one heard from least recently is
// forgotten first (counted).
#pragma once

#include "record/Recency.h"

#include "engine/AgentHealth.h"
#include "engine/Snapshot.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace vigil {

class FleetState {
public:
    // Copies point their entries at their own recency list (record/Recency.h); every member listed.
    FleetState(const FleetState& o)
        : rules_(o.rules_), max_(o.max_), agents_(o.agents_), recency_(o.recency_), evicted_(o.evicted_) {
        recency_.relink(agents_);
    }
    FleetState& operator=(const FleetState& o) { return *this = FleetState(o); }
    FleetState(FleetState&&) = default;
    FleetState& operator=(FleetState&&) = default;
    explicit FleetState(AgentHealthRules rules = {}, std::size_t maxAgents = 10'000)
        : rules_(rules), max_(maxAgents ? maxAgents : 1) {}

    void add(const TaskEvent& t);
    // Sorted by agent name, health judged at `now`. `series` (the snapshot's tails)
    // tells which agents still report metrics about themselves: alive, not busy.
    // Agents retired longer ago than AgentHealthRules::listRetiredForMs are left out;
    // a metric about an agent within silentAfterMs of its retirement is a straggler.
    std::vector<AgentStatus> agents(TimestampMs now, const std::vector<SeriesTail>& series = {}) const;
    std::size_t size() const { return agents_.size(); }
    std::uint64_t evicted() const { return evicted_; }

private:
    struct Mark {
        TimestampMs time;
        std::int64_t succeeded, failed;  // totals before `time`
    };
    struct Tracked {
        AgentStatus status;
        std::deque<Mark> marks;  // one per second of record time, the last window + 1
        Recency<std::string>::Mark recency;
    };
    AgentHealthRules rules_;
    std::size_t max_;
    std::map<std::string, Tracked> agents_;
    Recency<std::string> recency_;  // which agent was heard from least recently
    std::uint64_t evicted_ = 0;
};

}  // namespace vigil
