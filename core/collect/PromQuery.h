// Reads chosen series back from a Prometheus-compatible server (Prometheus,
// Thanos, Mimir) through GET /api/v1/query_range, every interval, and emits only
// samples not emitted before: per result series the newest timestamp handed on
// is kept, and each range starts one step before the previous end so samples
// that arrived late are still found. One console watches many agents this way
// without scraping each. A result series becomes series `<series>` (plus its
// other labels as {k="v"} when it has any besides the target label) on target
// `<targetKind>:<value of targetLabel>`. The server's error (status "error",
// errorType, error) is counted and kept in words.
#pragma once

#include "collect/PromQueryOptions.h"
#include "collect/RecordSink.h"
#include "collect/SourceCounters.h"
#include "record/Clock.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace vigil::collect {

struct PromRangeSeries {
    std::vector<std::pair<std::string, std::string>> labels;  // the result's "metric" object
    std::vector<std::pair<TimestampMs, double>> values;
};

// The "data.result" of a matrix answer, or why not (status "error": "errorType: error").
bool parseQueryRange(std::string_view json, std::vector<PromRangeSeries>& out, std::string& error);

// "a b&c" -> "a%20b%26c" (RFC 3986 unreserved characters kept).
std::string urlEncode(std::string_view text);

class PromQuery {
public:
    // Throws std::invalid_argument with check()'s first problem.
    PromQuery(boost::asio::io_context& io, PromQueryOptions options, RecordSink& sink, const Clock& clock);
    ~PromQuery();
    PromQuery(const PromQuery&) = delete;
    PromQuery& operator=(const PromQuery&) = delete;

    void start();
    void stop();

    SourceCountersSnapshot counters() const;
    std::uint64_t rounds() const;
    std::string lastError() const;  // "prom:<name> query[i]: why", empty when the last round was clean

    static std::vector<std::string> check(const PromQueryOptions& options);

private:
    class Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace vigil::collect
