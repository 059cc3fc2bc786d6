// Per-agent totals and health from task events. Counts are marked once per second
// of record time, so the recent window (AgentHealth.h) is judged the same however
// the input was batched and however often snapshots are asked for.
#pragma once

#include "engine/AgentHealth.h"
#include "engine/Snapshot.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace vigil {

class FleetState {
public:
    explicit FleetState(AgentHealthRules rules = {}) : rules_(rules) {}

    void add(const TaskEvent& t);
    // Sorted by agent name, health judged at `now`. `series` (the snapshot's tails)
    // tells which agents still report metrics about themselves: alive, not busy.
    std::vector<AgentStatus> agents(TimestampMs now, const std::vector<SeriesTail>& series = {}) const;

private:
    struct Mark {
        TimestampMs time;
        std::int64_t succeeded, failed;  // totals before `time`
    };
    struct Tracked {
        AgentStatus status;
        std::deque<Mark> marks;  // one per second of record time, the last window + 1
    };
    AgentHealthRules rules_;
    std::map<std::string, Tracked> agents_;
};

}  // namespace vigil
