// What the UI sees of the engine: an immutable, coalesced copy made on the engine
// thread when asked for (at most as often as the UI's repaint timer asks, ≤ 30/s).
// The UI never touches live engine state.
#pragma once

#include "record/Record.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
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
enum class AgentHealth { Healthy, Degraded, Failing, Silent, Retired };
inline constexpr int kAgentHealthCount = 5;

// One worker agent: lifetime totals, and its health over the engine's recent window.
struct AgentStatus {
    std::string agent;
    std::string workflow;   // last workflow seen
    std::string endpoint;   // last endpoint used
    std::int64_t succeeded = 0;
    std::int64_t failed = 0;
    std::string lastError;
    TimestampMs lastSeen = 0;
    TimestampMs retiredAt = 0;  // its `retired` task event, 0 while it works (a later event clears it)
    AgentHealth health = AgentHealth::Healthy;
    std::int64_t recentFailed = 0;    // failed tasks in the recent window
    std::int64_t recentFinished = 0;  // failed + succeeded in the recent window
};

struct EngineCounters {
    std::array<std::int64_t, kRecordKindCount> inputsPerKind{};
    std::array<std::int64_t, kRecordKindCount> outputsPerKind{};
    std::int64_t batches = 0;
    // Inputs refused, each counted once however many stages refused it (NaN, out of
    // order, ...), and those refused before any stage for their timestamp (a subset).
    std::int64_t rejected = 0;
    std::int64_t rejectedTime = 0;
    std::int64_t timeResyncs = 0;       // runs of later records that moved engine time on
    std::vector<std::string> rejectReasons;  // the first few, in input order
    // Per-key state forgotten to stay bounded under many distinct targets, by holder
    // (a stage's name, "series window", "fleet"), only those that forgot any.
    std::vector<std::pair<std::string, std::int64_t>> evictions;
    std::int64_t evicted() const {
        std::int64_t n = 0;
        for (const auto& [_, v] : evictions) n += v;
        return n;
    }
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
    std::int64_t silencedAnomalies = 0;    // since start, anomalies an active silence matched
};

}  // namespace vigil
