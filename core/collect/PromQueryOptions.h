// Series read back from a Prometheus-compatible server (Prometheus, Thanos,
// Mimir) through /api/v1/query_range (PromQuery). Plain values with defaults;
// the YAML loader fills them.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace vigil::collect {

struct PromQuerySeriesOptions {
    std::string query;                    // PromQL, e.g. "rate(node_cpu_seconds_total{mode=\"idle\"}[1m])"
    std::string series;                   // Vigil series name for the results, e.g. "host.cpu_idle_ratio"
    std::string targetLabel = "instance"; // result label whose value names the target
    std::string targetKind = "host";      // target is "<targetKind>:<label value>"
};

struct PromQueryOptions {
    std::string name;                          // e.g. "prom-main", for counters and reasons
    std::string url;                           // server base, "http://host:9090" (no /api suffix)
    std::vector<PromQuerySeriesOptions> queries;
    std::chrono::milliseconds interval{15000}; // one query_range per query per interval
    std::chrono::milliseconds step{15000};     // query_range step
    std::chrono::milliseconds lookback{300000};// first range reaches this far back; later ones from the last sample seen
    std::chrono::milliseconds deadline{10000}; // per request
    std::chrono::milliseconds offerRetry{50};  // re-offer a refused batch after this long
};

}  // namespace vigil::collect
