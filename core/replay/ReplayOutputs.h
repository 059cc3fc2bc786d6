// What a replay produced, kept so two runs can be compared byte for byte: every
// incident in its latest state, every action with its outcome, and a digest of
// every output record in order. Copyable (part of a replay checkpoint).
#pragma once

#include "record/Record.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace vigil {

struct ReplayOutputs {
    std::map<std::string, Incident> incidents;  // by id, latest state
    std::vector<Action> actions;                // in the order planned
    std::map<std::string, Outcome> outcomes;    // by action id
    std::int64_t anomalies = 0;
    std::uint64_t digest = 14695981039346656037ull;  // FNV-1a over every output line, in order
    std::int64_t outputs = 0;

    void add(const std::vector<Record>& out);
    // NDJSON: the incidents in id order, then the actions, each followed by its
    // outcome. Replay actions are simulated: nothing was sent (docs/replay.md).
    std::string serialize() const;
};

}  // namespace vigil
