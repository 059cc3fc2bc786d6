// Follows log files by name, as `tail -F` does, polling every `poll`:
// - growth: new complete lines are parsed (LogLineParser.h) and offered;
// - rotation by rename + new file: the old file (still open) is read to its
//   end, its unterminated last line included, then the new file from its start;
// - truncation (copytruncate): the file shrank below what was read, so it is
//   read again from its start;
// - a missing file is waited for (counted once in lastErrors()).
// A malformed line is counted and named "FILE:LINE: reason" (newest 100 kept);
// a line over maxLineBytes is skipped in constant memory, counted and named.
// While the sink refuses a batch nothing more is read (RecordSink.h).
#pragma once

#include "collect/LogFollowOptions.h"
#include "collect/RecordSink.h"
#include "collect/SourceCounters.h"
#include "record/Clock.h"

#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace vigil::collect {

struct FollowedFileStatus {
    std::string path;
    bool open = false;
    std::uint64_t lines = 0;        // lines read (all files the path has named)
    std::uint64_t rotations = 0;    // times the path named a new file
    std::uint64_t truncations = 0;  // times the file shrank under the reader
    std::uint64_t offset = 0;       // bytes of the current file consumed
};

class LogFollower {
public:
    // Throws std::invalid_argument with check()'s first problem.
    LogFollower(boost::asio::io_context& io, LogFollowOptions options, RecordSink& sink, const Clock& clock);
    ~LogFollower();
    LogFollower(const LogFollower&) = delete;
    LogFollower& operator=(const LogFollower&) = delete;

    void start();
    void stop();

    SourceCountersSnapshot counters() const;
    std::vector<FollowedFileStatus> files() const;
    std::vector<std::string> lastErrors() const;
    std::uint64_t polls() const;

    static std::vector<std::string> check(const LogFollowOptions& options);

private:
    class Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace vigil::collect
