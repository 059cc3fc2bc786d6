#include "collect/PromQuery.h"

#include "collect/PeriodicRounds.h"
#include "collect/PromTextParser.h"
#include "net/HttpClient.h"

#include <boost/asio/post.hpp>
#include <simdjson.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace vigil::collect {

namespace asio = boost::asio;

namespace {

constexpr std::size_t kMaxTrackedSeries = 100000;  // per query; beyond it new series are dropped (counted)
constexpr std::size_t kMaxAnswerBytes = 64u << 20;

std::string seconds(TimestampMs ms) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(ms / 1000),
                  static_cast<long long>(std::abs(ms % 1000)));
    return buf;
}

std::optional<double> sampleValue(std::string_view t) {
    if (t == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (t == "+Inf" || t == "Inf") return std::numeric_limits<double>::infinity();
    if (t == "-Inf") return -std::numeric_limits<double>::infinity();
    double v = 0;
    const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
    return v;
}

}  // namespace

std::string urlEncode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

bool parseQueryRange(std::string_view json, std::vector<PromRangeSeries>& out, std::string& error) {
    simdjson::dom::parser parser;
    simdjson::dom::object root;
    if (auto err = parser.parse(simdjson::padded_string(json)).get(root)) {
        error = std::string("answer is not JSON: ") + simdjson::error_message(err);
        return false;
    }
    std::string_view status;
    if (root["status"].get_string().get(status)) {
        error = "answer has no status";
        return false;
    }
    if (status != "success") {
        std::string_view type, text;
        if (root["errorType"].get_string().get(type)) type = "";
        if (root["error"].get_string().get(text)) text = "";
        error = std::string(type) + ": " + std::string(text);
        return false;
    }
    std::string_view resultType;
    simdjson::dom::array result;
    if (root.at_pointer("/data/resultType").get_string().get(resultType) || resultType != "matrix" ||
        root.at_pointer("/data/result").get_array().get(result)) {
        error = "answer's data is not a matrix";
        return false;
    }
    for (simdjson::dom::element item : result) {
        PromRangeSeries s;
        simdjson::dom::object metric;
        simdjson::dom::array values;
        if (item["metric"].get_object().get(metric) || item["values"].get_array().get(values)) {
            error = "a result without metric and values";
            return false;
        }
        for (auto field : metric) {
            std::string_view v;
            if (field.value.get_string().get(v)) continue;
            s.labels.emplace_back(std::string(field.key), std::string(v));
        }
        for (simdjson::dom::element pair : values) {
            simdjson::dom::array pv;
            double t = 0;
            std::string_view text;
            if (pair.get_array().get(pv) || pv.size() != 2 || pv.at(0).get_double().get(t) ||
                pv.at(1).get_string().get(text)) {
                error = "a value that is not [time, \"number\"]";
                return false;
            }
            const auto v = sampleValue(text);
            if (!v) {
                error = "sample value '" + std::string(text) + "' is not a number";
                return false;
            }
            s.values.emplace_back(static_cast<TimestampMs>(std::llround(t * 1000.0)), *v);
        }
        out.push_back(std::move(s));
    }
    return true;
}

class PromQuery::Impl : public PeriodicRounds {
public:
    Impl(asio::io_context& io, PromQueryOptions options, RecordSink& sink, const Clock& clock)
        : PeriodicRounds(io, options.interval, options.offerRetry, sink), options_(std::move(options)), clock_(clock),
          queries_(options_.queries.size()) {
        std::string error;
        base_ = *net::HttpTarget::parse(options_.url, error);
        while (!base_.path.empty() && base_.path.back() == '/') base_.path.pop_back();
    }

    mutable std::mutex errorMutex_;
    std::string lastError_;

private:
    struct QueryState {
        TimestampMs lastEnd = 0;                              // 0: never asked
        std::unordered_map<std::string, TimestampMs> newest;  // result series -> newest timestamp emitted
    };
    struct Round {
        std::size_t outstanding = 0;
        std::vector<std::vector<Record>> perQuery;
        std::string error;
    };

    void startRound() override {
        round_ = std::make_unique<Round>();
        round_->outstanding = options_.queries.size();
        round_->perQuery.resize(options_.queries.size());
        if (options_.queries.empty()) return finishRound();
        const TimestampMs now = clock_.now();
        const TimestampMs step = options_.step.count();
        for (std::size_t i = 0; i < options_.queries.size(); ++i) {
            QueryState& q = queries_[i];
            TimestampMs start = q.lastEnd ? q.lastEnd - step : now - options_.lookback.count();
            start -= ((start % step) + step) % step;  // on the step grid: the same points come back, deduplicated
            net::HttpTarget t = base_;
            t.path += "/api/v1/query_range?query=" + urlEncode(options_.queries[i].query) + "&start=" + seconds(start) +
                      "&end=" + seconds(now) + "&step=" + seconds(step);
            SourceCounters::bump(counters_.requests);
            net::HttpClient::getAsync(io_, t, "application/json", kMaxAnswerBytes, options_.deadline,
                                      [self = self<Impl>(), i, now](net::HttpResponse r) {
                                          asio::post(self->strand_, [self, i, now, r = std::move(r)]() mutable {
                                              self->onAnswer(i, now, std::move(r));
                                          });
                                      });
        }
    }

    void onAnswer(std::size_t i, TimestampMs end, net::HttpResponse r) {
        const PromQuerySeriesOptions& o = options_.queries[i];
        const std::string where = "prom:" + options_.name + " queries[" + std::to_string(i) + "]";
        std::vector<PromRangeSeries> result;
        std::string why;
        // A 4xx/5xx from Prometheus carries its reason in the JSON body.
        const bool answered = r.error == net::NetError::None || (r.error == net::NetError::Http && !r.body.empty());
        if (!answered || !parseQueryRange(r.body, result, why)) {
            if (r.error == net::NetError::Refused) SourceCounters::bump(counters_.refused);
            else if (r.error == net::NetError::Timeout) SourceCounters::bump(counters_.timeouts);
            else if (r.error == net::NetError::Network) SourceCounters::bump(counters_.network);
            else if (r.error == net::NetError::Http) SourceCounters::bump(counters_.httpErrors);
            else SourceCounters::bump(counters_.malformed);
            round_->error = where + ": " + (answered ? why : r.detail);
        } else {
            QueryState& q = queries_[i];
            q.lastEnd = end;
            for (const PromRangeSeries& s : result) emit(o, q, s, round_->perQuery[i]);
        }
        if (--round_->outstanding == 0) finishRound();
    }

    void emit(const PromQuerySeriesOptions& o, QueryState& q, const PromRangeSeries& s, std::vector<Record>& out) {
        PromSample identity;
        identity.name = o.series;
        std::string targetValue;
        for (const auto& [k, v] : s.labels) {
            if (k == o.targetLabel) targetValue = v;
            else if (k != "__name__") identity.labels.emplace_back(k, v);
        }
        const std::string series = promSeriesKey(identity);
        const std::string target = o.targetKind + ":" + (targetValue.empty() ? options_.name : targetValue);
        const std::string key = series + "\n" + target;
        auto it = q.newest.find(key);
        if (it == q.newest.end()) {
            if (q.newest.size() >= kMaxTrackedSeries) {
                SourceCounters::bump(counters_.dropped, s.values.size());
                return;
            }
            it = q.newest.emplace(key, std::numeric_limits<TimestampMs>::min()).first;
        }
        for (const auto& [ts, v] : s.values) {
            if (ts <= it->second) continue;
            out.push_back(MetricSample{ts, series, target, v});
            it->second = ts;
        }
    }

    void finishRound() {
        std::vector<Record> batch;
        for (auto& part : round_->perQuery)
            for (Record& r : part) batch.push_back(std::move(r));
        {
            std::lock_guard lock(errorMutex_);
            lastError_ = round_->error;
        }
        round_.reset();
        roundDone(std::move(batch));
    }

    PromQueryOptions options_;
    const Clock& clock_;
    net::HttpTarget base_;
    std::vector<QueryState> queries_;
    std::unique_ptr<Round> round_;
};

std::vector<std::string> PromQuery::check(const PromQueryOptions& o) {
    std::vector<std::string> problems;
    if (o.name.empty()) problems.push_back("name: missing");
    std::string error;
    if (!net::HttpTarget::parse(o.url, error)) problems.push_back("url: " + error);
    if (o.interval.count() <= 0) problems.push_back("interval: must be positive");
    if (o.step.count() <= 0) problems.push_back("step: must be positive");
    if (o.lookback.count() < 0) problems.push_back("lookback: must not be negative");
    if (o.deadline.count() <= 0 || o.deadline >= o.interval)
        problems.push_back("deadline: must be positive and shorter than interval (" +
                           std::to_string(o.interval.count()) + " ms)");
    for (std::size_t i = 0; i < o.queries.size(); ++i) {
        const std::string at = "queries[" + std::to_string(i) + "]";
        if (o.queries[i].query.empty()) problems.push_back(at + ".query: missing");
        if (o.queries[i].series.empty()) problems.push_back(at + ".series: missing");
        if (o.queries[i].targetKind.empty()) problems.push_back(at + ".target_kind: missing");
    }
    return problems;
}

PromQuery::PromQuery(asio::io_context& io, PromQueryOptions options, RecordSink& sink, const Clock& clock) {
    if (auto problems = check(options); !problems.empty()) throw std::invalid_argument(problems.front());
    impl_ = std::make_shared<Impl>(io, std::move(options), sink, clock);
}

PromQuery::~PromQuery() { stop(); }
void PromQuery::start() { impl_->start(); }
void PromQuery::stop() { impl_->stop(); }
SourceCountersSnapshot PromQuery::counters() const { return impl_->counters_.snapshot(); }
std::uint64_t PromQuery::rounds() const { return impl_->rounds_.load(std::memory_order_relaxed); }
std::string PromQuery::lastError() const {
    std::lock_guard lock(impl_->errorMutex_);
    return impl_->lastError_;
}

}  // namespace vigil::collect
