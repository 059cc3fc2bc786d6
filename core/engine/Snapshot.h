// What the UI sees of the engine: an immutable, coalesced copy made on the engine
// thread when asked for (at most as often as the UI's repaint timer asks, ≤ 30/s).
// The UI never touches live engine state.
#pragma once

#include "record/Record.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace vigil {

struct SeriesPoint {
    TimestampMs ts;
    double value;
};

// The most recent points of one series on one target, oldest first.
struct SeriesTail {
    std::string series;
    std::string target;
    std::vector<SeriesPoint> points;
};

// How a worker agent is doing over the last minute of engine time (rules in
// engine/AgentHealth.h). The order is the display order of the counts.
enum class AgentHealth { Healthy, Degraded, Failing, Silent };
inline constexpr int kAgentHealthCount = 4;

// One worker agent: lifetime totals, and its health over the engine's recent window.
struct AgentStatus {
    std::string agent;
    std::string workflow;   // last workflow seen
    std::string endpoint;   // last endpoint used
    std::int64_t succeeded = 0;
    std::int64_t failed = 0;
    std::string lastError;
    TimestampMs lastSeen = 0;
    AgentHealth health = AgentHealth::Healthy;
    std::int64_t recentFailed = 0;    // failed tasks in the recent window
    std::int64_t recentFinished = 0;  // failed + succeeded in the recent window
};

struct EngineCounters {
    std::array<std::int64_t, kRecordKindCount> inputsPerKind{};
    std::array<std::int64_t, kRecordKindCount> outputsPerKind{};
    std::int64_t batches = 0;
    std::int64_t rejected = 0;  // inputs refused by a stage (NaN, out of order, ...), counted
    std::int64_t inputs() const {
        std::int64_t n = 0;
        for (auto v : inputsPerKind) n += v;
        return n;
    }
};

struct Snapshot {
    std::uint64_t sequence = 0;  // increases with every snapshot made
    TimestampMs engineTime = 0;  // the engine clock when it was made
    EngineCounters counters;
    std::size_t queueDepth = 0;
    std::size_t queueCapacity = 0;
    std::vector<SeriesTail> series;
    std::vector<AgentStatus> agents;       // sorted by agent name
    std::vector<Anomaly> recentAnomalies;  // newest last, bounded
    std::vector<Incident> incidents;       // latest state of each known incident
};

}  // namespace vigil
