// One line of a followed log file into a record. JSON lines: an NDJSON record
// (docs/telemetry.md; it has "v" and "kind") is decoded as such, any other JSON
// object gives a log record from its time/ts/timestamp, level/severity/lvl and
// message/msg fields. Regex: named groups `message` (required), `time` and
// `level` (optional), matched against the whole line (PCRE2 through
// QRegularExpression: std::regex has no named groups and recurses per character).
// A time is ISO 8601 (2026-01-02T03:04:05.678Z, a space for T, a +hh:mm offset,
// a ',' before the fraction) or epoch seconds or milliseconds (>= 1e11 read as
// ms); a line without one gets the source's clock time.
#pragma once

#include "collect/LogFollowOptions.h"
#include "record/Record.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::collect {

std::optional<TimestampMs> parseLogTime(std::string_view text);
// "warning" -> Warn; nullopt for a word that names no level.
std::optional<LogLevel> parseLogLevel(std::string_view text);

class LogLineParser {
public:
    explicit LogLineParser(const LogFileOptions& file);
    ~LogLineParser();
    LogLineParser(const LogLineParser&) = delete;
    LogLineParser& operator=(const LogLineParser&) = delete;

    // Why the file's pattern cannot be used ("pattern: ..."), empty when it can.
    static std::string checkPattern(const LogFileOptions& file);

    // False with the reason when the line is malformed (never throws).
    bool parse(std::string_view line, TimestampMs now, Record& out, std::string& error);

private:
    bool parseJson(std::string_view line, TimestampMs now, Record& out, std::string& error);
    bool parseRegex(std::string_view line, TimestampMs now, Record& out, std::string& error);

    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string source_;
};

}  // namespace vigil::collect
