// What a replay produced, kept so two runs can be compared byte for byte: the
// latest state of the incidents, the actions with their outcomes, and a digest
// of every output record in order. Copyable (part of every replay checkpoint),
// so bounded however long the recording: at most maxIncidents incidents (the
// oldest resolved leave first) and maxActions actions (the oldest leave first,
// with their outcomes), what left counted; the digest and the counts still cover
// everything.
#pragma once

#include "record/Record.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace vigil {

struct ReplayOutputs {
    std::map<std::string, Incident> incidents;  // by id, latest state
    std::deque<Action> actions;                 // in the order planned
    std::map<std::string, Outcome> outcomes;    // by action id
    std::int64_t anomalies = 0;
    std::int64_t incidentsOpened = 0;   // distinct incidents seen (kept or not)
    std::int64_t actionsPlanned = 0;    // action records seen (kept or not)
    std::int64_t incidentsDropped = 0, actionsDropped = 0;
    std::uint64_t digest = 14695981039346656037ull;  // FNV-1a over every output line, in order
    std::int64_t outputs = 0;
    std::size_t maxIncidents = 2'000, maxActions = 20'000;

    void add(const std::vector<Record>& out);
    // NDJSON: the incidents in id order, then the actions, each followed by its
    // outcome; when some were dropped, a last line says how many. Replay actions
    // are simulated: nothing was sent (docs/replay.md).
    std::string serialize() const;
};

}  // namespace vigil
