// The rules that judge a worker agent's health, in one place so the console, the
// CLI and (later) the policy agree. Judged on the last minute of engine time, not
// on lifetime totals, so an agent that recovered turns healthy again:
//   Failing  — at least 3 failed tasks and ≥ 50 % of its finished tasks failed
//   Degraded — at least 1 failed task and ≥ 10 % failed
//   Silent   — for 30 s of engine time, no task event and no metric sample about
//              the agent (target "agent:<name>")
//   Healthy  — otherwise
//   Retired  — its last task event said it stopped on purpose (a scale-down drained
//              it) and no metric about it came a silence's length (30 s) or more
//              after that: not silent, not a fault (decided by FleetState)
#pragma once

#include "engine/Snapshot.h"

#include <string_view>

namespace vigil {

struct AgentHealthRules {
    TimestampMs recentWindowMs = 60'000;
    TimestampMs silentAfterMs = 30'000;
    double failingRatio = 0.5;
    double degradedRatio = 0.1;
    std::int64_t failingMinFailures = 3;
    // A retired agent is listed this long after it retired, then no more (workers
    // come and go with every scale cycle; the list is of the fleet as it is).
    TimestampMs listRetiredForMs = 3'600'000;
};

// `quietMs`: engine time since the agent last showed a sign of life.
AgentHealth classifyAgent(std::int64_t recentFailed, std::int64_t recentFinished, TimestampMs quietMs,
                          const AgentHealthRules& rules = {});

// "healthy", "degraded", "failing", "silent" (CLI, logs; the UI translates its own).
std::string_view healthName(AgentHealth h);

}  // namespace vigil
