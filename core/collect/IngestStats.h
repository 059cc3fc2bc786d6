// What the ingest server counts: records in by source, everything refused and
// why. Written by the server's thread, read by anyone (atomics); the first
// errors are kept in words for the CLI and /metrics' neighbours.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::collect {

enum class IngestSource : int { Tcp, Http, Otlp };
inline constexpr int kIngestSourceCount = 3;
inline const char* ingestSourceName(IngestSource s) {
    return s == IngestSource::Tcp ? "tcp" : s == IngestSource::Http ? "http" : "otlp";
}

struct IngestCounts {
    std::int64_t records[kIngestSourceCount] = {};  // handed to the sink
    std::int64_t malformed = 0;       // lines / OTLP items refused, each with a reason
    std::int64_t oversizedLines = 0;  // of those, lines over max_line_bytes
    std::int64_t cutLines = 0;        // a client closed in the middle of a line: that line lost
    std::int64_t authFailures = 0;    // 401 / TCP token refused
    std::int64_t bodyTooLarge = 0;    // 413
    std::int64_t badRequests = 0;     // unreadable HTTP, unknown path or media type
    std::int64_t idleDrops = 0;       // slow or silent clients closed
    std::int64_t connectionsRefused = 0;  // over max_connections
    std::int64_t connectionsTotal = 0;
    std::int64_t connectionsOpen = 0;
    std::int64_t sinkRefusals = 0;    // offers the sink refused (back-pressure)
    std::int64_t recordsTotal() const { return records[0] + records[1] + records[2]; }
};

class IngestStats {
public:
    static constexpr std::size_t kKeptErrors = 100;

    void addRecords(IngestSource s, std::int64_t n) { records_[int(s)].fetch_add(n, std::memory_order_relaxed); }
    void add(std::atomic<std::int64_t>& c, std::int64_t n = 1) { c.fetch_add(n, std::memory_order_relaxed); }
    void noteError(std::string what);  // kept while fewer than kKeptErrors

    IngestCounts counts() const;
    std::vector<std::string> errors() const;

    std::atomic<std::int64_t> malformed{0}, oversizedLines{0}, cutLines{0}, authFailures{0}, bodyTooLarge{0},
        badRequests{0}, idleDrops{0}, connectionsRefused{0}, connectionsTotal{0}, connectionsOpen{0}, sinkRefusals{0};

private:
    std::atomic<std::int64_t> records_[kIngestSourceCount] = {};
    mutable std::mutex m_;
    std::vector<std::string> errors_;
};

}  // namespace vigil::collect
