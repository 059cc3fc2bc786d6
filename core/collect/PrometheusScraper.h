// Scrapes Prometheus /metrics targets (text format 0.0.4, PromTextParser.h)
// every interval, all targets at once, each GET with its own deadline, and hands
// the round's records to the sink. Per target (records target "scrape:<name>"):
// every kept sample as a metric whose series is the sample's identity
// (`node_cpu_seconds_total{cpu="0",mode="idle"}`), its own timestamp or the
// scrape's, plus the synthetic `up`, `scrape_duration_seconds`,
// `scrape_samples_scraped` and `scrape_parse_errors`. A bad line is counted, named
// (target, url, line, reason) in lastErrors() and in a warn log record, and the
// rest of the scrape is kept.
#pragma once

#include "collect/RecordSink.h"
#include "collect/ScrapeOptions.h"
#include "collect/SourceCounters.h"
#include "record/Clock.h"

#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace vigil::collect {

struct ScrapeTargetStatus {
    std::string name;
    std::string url;
    bool up = false;               // the last scrape got a 2xx answer
    double durationSeconds = 0;    // of the last scrape
    std::size_t samples = 0;       // samples parsed in the last scrape
    std::size_t parseErrors = 0;   // bad lines in the last scrape
    std::string lastError;         // the last failure or first parse error, in words
};

class PrometheusScraper {
public:
    // Throws std::invalid_argument with check()'s first problem.
    PrometheusScraper(boost::asio::io_context& io, ScrapeOptions options, RecordSink& sink, const Clock& clock);
    ~PrometheusScraper();
    PrometheusScraper(const PrometheusScraper&) = delete;
    PrometheusScraper& operator=(const PrometheusScraper&) = delete;

    void start();  // first scrape at once, then every interval
    void stop();

    SourceCountersSnapshot counters() const;
    std::vector<ScrapeTargetStatus> targets() const;
    std::uint64_t rounds() const;
    // "scrape:NAME (URL): line N: reason", the newest last (at most 100 kept).
    std::vector<std::string> lastErrors() const;

    static std::vector<std::string> check(const ScrapeOptions& options);

private:
    class Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace vigil::collect
