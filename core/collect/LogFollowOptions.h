// Log files the follower (LogFollower) tails across rotation and truncation.
// Plain values with defaults; the YAML loader fills them.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace vigil::collect {

enum class LogFileFormat {
    JsonLines,  // NDJSON records (docs/telemetry.md), or plain JSON objects with time/level/message
    Regex,      // `pattern` with named groups (?<time>...) (?<level>...) (?<message>...)
};

struct LogFileOptions {
    std::string path;                           // followed by name: a rotated-away file is finished, then the new one read
    std::string source;                         // LogLine.source; empty = the file's base name
    LogFileFormat format = LogFileFormat::JsonLines;
    std::string pattern;                        // Regex only; `message` group required, `time`/`level` optional
    bool fromStart = false;                     // read what is already there, or only lines written after start
};

struct LogFollowOptions {
    std::vector<LogFileOptions> files;
    std::chrono::milliseconds poll{250};        // how often files are checked for growth, rotation, truncation
    std::size_t maxLineBytes = 1u << 20;        // a longer line is skipped (counted, reason kept)
    std::size_t maxBatch = 1000;                // records per offer
    std::chrono::milliseconds offerRetry{50};   // re-offer a refused batch after this long
};

}  // namespace vigil::collect
