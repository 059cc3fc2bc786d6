// Loads a Loghub `<System>_2k.log_structured.csv` (LineId, header fields, Content,
// EventId, EventTemplate) and scores a parser's grouping against its EventId.
#pragma once

#include "detect/logs/LogTemplateMiner.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::logs {

struct LoghubSample {
    std::vector<std::string> content;  // the message after the system's header
    std::vector<std::string> eventId;  // ground-truth group of each line
};

// Returns false with `error` = "<file>:<line>: <reason>" on unreadable input.
bool loadLoghubSample(const std::string& path, LoghubSample& out, std::string& error);

// Runs a fresh miner over `messages` in order; returns each line's final template id
// (merges resolved), i.e. the grouping the miner ends with.
std::vector<std::uint64_t> mineGroups(const std::vector<std::string>& messages, const LogMinerConfig& cfg,
                                      std::size_t* templates = nullptr);

// Grouping accuracy: a line is correct when the set of lines its parsed group holds
// equals exactly the set of lines of its ground-truth group; GA = correct / all.
double groupingAccuracy(const std::vector<std::uint64_t>& parsed, const std::vector<std::string>& truth);

}  // namespace vigil::logs
