// Prometheus /metrics targets the scraper (PrometheusScraper) reads, text
// exposition format 0.0.4. Plain values with defaults; the YAML loader fills them.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace vigil::collect {

struct ScrapeTargetOptions {
    std::string name;  // e.g. "node-1"; records target "scrape:<name>"
    std::string url;   // "http://host:port/metrics"
};

struct ScrapeOptions {
    std::vector<ScrapeTargetOptions> targets;
    std::chrono::milliseconds interval{15000};  // one scrape of every target per interval
    std::chrono::milliseconds deadline{10000};  // per scrape; must be < interval
    // Metric family names to keep (exact, or a prefix ending in '*': "node_cpu_*");
    // empty keeps every family. The synthetic up/scrape_* series are always kept.
    std::vector<std::string> keep;
    std::size_t maxBodyBytes = 16u << 20;       // a larger answer fails the scrape (counted)
    std::size_t maxSamplesPerScrape = 50000;    // samples beyond it are dropped and counted
    std::chrono::milliseconds offerRetry{50};   // re-offer a refused batch after this long
};

}  // namespace vigil::collect
