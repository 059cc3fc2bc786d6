#include "collect/PrometheusScraper.h"

#include "collect/PeriodicRounds.h"
#include "collect/PromTextParser.h"
#include "net/HttpClient.h"

#include <boost/asio/post.hpp>

#include <deque>
#include <mutex>
#include <stdexcept>

namespace vigil::collect {

namespace asio = boost::asio;

namespace {

constexpr std::size_t kMaxSeriesBytes = 1024;      // the record codec's limit for `series`
constexpr std::size_t kErrorLogsPerScrape = 10;    // warn records per scrape; the rest only counted
constexpr std::size_t kKeptErrors = 100;
constexpr const char* kAccept = "text/plain;version=0.0.4;q=1,*/*;q=0.1";

bool kept(std::string_view family, const std::vector<std::string>& keep) {
    if (keep.empty()) return true;
    for (const std::string& k : keep) {
        if (!k.empty() && k.back() == '*') {
            if (family.substr(0, k.size() - 1) == std::string_view(k).substr(0, k.size() - 1)) return true;
        } else if (family == k) {
            return true;
        }
    }
    return false;
}

}  // namespace

class PrometheusScraper::Impl : public PeriodicRounds {
public:
    Impl(asio::io_context& io, ScrapeOptions options, RecordSink& sink, const Clock& clock)
        : PeriodicRounds(io, options.interval, options.offerRetry, sink), options_(std::move(options)), clock_(clock) {
        for (const ScrapeTargetOptions& t : options_.targets) {
            std::string error;
            http_.push_back(*net::HttpTarget::parse(t.url, error));
            ScrapeTargetStatus st;
            st.name = t.name;
            st.url = t.url;
            status_.push_back(std::move(st));
        }
    }

    mutable std::mutex statusMutex_;
    std::vector<ScrapeTargetStatus> status_;
    std::deque<std::string> errors_;

private:
    struct Round {
        TimestampMs ts = 0;
        std::size_t outstanding = 0;
        std::vector<std::vector<Record>> perTarget;  // kept in configured order: deterministic batches
    };

    void startRound() override {
        round_ = std::make_unique<Round>();
        round_->ts = clock_.now();
        round_->outstanding = http_.size();
        round_->perTarget.resize(http_.size());
        if (http_.empty()) return finishRound();
        for (std::size_t i = 0; i < http_.size(); ++i) {
            SourceCounters::bump(counters_.requests);
            const auto began = std::chrono::steady_clock::now();
            net::HttpClient::getAsync(
                io_, http_[i], kAccept, options_.maxBodyBytes, options_.deadline,
                [self = self<Impl>(), i, began](net::HttpResponse r) {
                    const double s =
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
                    asio::post(self->strand_, [self, i, s, r = std::move(r)]() mutable {
                        self->onScraped(i, std::move(r), s);
                    });
                });
        }
    }

    void onScraped(std::size_t i, net::HttpResponse r, double seconds) {
        const ScrapeTargetOptions& t = options_.targets[i];
        const std::string target = "scrape:" + t.name;
        const TimestampMs ts = round_->ts;
        std::vector<Record>& out = round_->perTarget[i];
        ScrapeTargetStatus st;
        st.name = t.name;
        st.url = t.url;
        st.durationSeconds = seconds;
        st.up = r.error == net::NetError::None;
        std::vector<std::string> newErrors;
        std::size_t samples = 0;
        if (st.up) {
            PromParseLimits limits;
            limits.maxSamples = options_.maxSamplesPerScrape;
            limits.maxErrors = kErrorLogsPerScrape;
            const PromParseResult parsed = parsePromText(r.body, limits);
            samples = parsed.samples.size();
            st.samples = samples;
            st.parseErrors = parsed.errorCount;
            SourceCounters::bump(counters_.malformed, parsed.errorCount);
            SourceCounters::bump(counters_.dropped, parsed.samplesDropped);
            for (const PromSample& s : parsed.samples) {
                if (!kept(promFamilyOf(s.name, parsed.types), options_.keep)) continue;
                std::string series = promSeriesKey(s);
                if (series.size() > kMaxSeriesBytes) {
                    SourceCounters::bump(counters_.dropped);
                    newErrors.push_back(target + " (" + t.url + "): line " + std::to_string(s.line) + ": series is " +
                                        std::to_string(series.size()) + " bytes, over the 1024-byte limit, dropped");
                    continue;
                }
                out.push_back(MetricSample{s.timestampMs.value_or(ts), std::move(series), target, s.value});
            }
            for (const PromParseError& e : parsed.errors)
                newErrors.push_back(target + " (" + t.url + "): line " + std::to_string(e.line) + ": " + e.reason);
            if (parsed.errorCount > parsed.errors.size())
                newErrors.push_back(target + " (" + t.url + "): " + std::to_string(parsed.errorCount - parsed.errors.size()) +
                                    " more bad lines not listed");
            if (!newErrors.empty()) st.lastError = newErrors.front();
        } else {
            if (auto* c = failureCounter(r.error)) SourceCounters::bump(*c);
            st.lastError = target + " (" + t.url + "): " + r.detail;
            if (status_[i].up || rounds_.load() == 0) newErrors.push_back(st.lastError);  // on going down, not every round
        }
        out.push_back(MetricSample{ts, "up", target, st.up ? 1.0 : 0.0});
        out.push_back(MetricSample{ts, "scrape_duration_seconds", target, seconds});
        out.push_back(MetricSample{ts, "scrape_samples_scraped", target, static_cast<double>(samples)});
        out.push_back(MetricSample{ts, "scrape_parse_errors", target, static_cast<double>(st.parseErrors)});
        for (const std::string& e : newErrors) out.push_back(LogLine{ts, target, LogLevel::Warn, e});
        {
            std::lock_guard lock(statusMutex_);
            status_[i] = std::move(st);
            for (std::string& e : newErrors) {
                errors_.push_back(std::move(e));
                if (errors_.size() > kKeptErrors) errors_.pop_front();
            }
        }
        if (--round_->outstanding == 0) finishRound();
    }

    std::atomic<std::uint64_t>* failureCounter(net::NetError e) {
        switch (e) {
        case net::NetError::Refused: return &counters_.refused;
        case net::NetError::Timeout: return &counters_.timeouts;
        case net::NetError::Network: return &counters_.network;
        case net::NetError::Http: return &counters_.httpErrors;
        case net::NetError::Malformed: return &counters_.malformed;
        default: return nullptr;
        }
    }

    void finishRound() {
        std::vector<Record> batch;
        for (auto& part : round_->perTarget)
            for (Record& r : part) batch.push_back(std::move(r));
        round_.reset();
        roundDone(std::move(batch));
    }

    ScrapeOptions options_;
    const Clock& clock_;
    std::vector<net::HttpTarget> http_;
    std::unique_ptr<Round> round_;
};

std::vector<std::string> PrometheusScraper::check(const ScrapeOptions& o) {
    std::vector<std::string> problems;
    if (o.interval.count() <= 0) problems.push_back("interval: must be positive");
    if (o.deadline.count() <= 0 || o.deadline >= o.interval)
        problems.push_back("deadline: must be positive and shorter than interval (" +
                           std::to_string(o.interval.count()) + " ms)");
    if (o.maxBodyBytes == 0) problems.push_back("max_body_bytes: must be positive");
    for (std::size_t i = 0; i < o.targets.size(); ++i) {
        const std::string at = "targets[" + std::to_string(i) + "]";
        if (o.targets[i].name.empty()) problems.push_back(at + ".name: missing");
        std::string error;
        if (!net::HttpTarget::parse(o.targets[i].url, error)) problems.push_back(at + ".url: " + error);
    }
    return problems;
}

PrometheusScraper::PrometheusScraper(asio::io_context& io, ScrapeOptions options, RecordSink& sink,
                                     const Clock& clock) {
    if (auto problems = check(options); !problems.empty()) throw std::invalid_argument(problems.front());
    impl_ = std::make_shared<Impl>(io, std::move(options), sink, clock);
}

PrometheusScraper::~PrometheusScraper() { stop(); }
void PrometheusScraper::start() { impl_->start(); }
void PrometheusScraper::stop() { impl_->stop(); }
SourceCountersSnapshot PrometheusScraper::counters() const { return impl_->counters_.snapshot(); }
std::uint64_t PrometheusScraper::rounds() const { return impl_->rounds_.load(std::memory_order_relaxed); }
std::vector<ScrapeTargetStatus> PrometheusScraper::targets() const {
    std::lock_guard lock(impl_->statusMutex_);
    return impl_->status_;
}
std::vector<std::string> PrometheusScraper::lastErrors() const {
    std::lock_guard lock(impl_->statusMutex_);
    return {impl_->errors_.begin(), impl_->errors_.end()};
}

}  // namespace vigil::collect
