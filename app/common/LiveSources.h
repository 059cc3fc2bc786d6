// The live sources of a configuration (core/collect/CollectConfig.h), wired to
// one engine: the ingest server, the pull sources (RPC prober, Prometheus
// scraper, query_range reader, log follower) on an io_context and thread of
// their own, and Vigil's own /metrics.
// start() starts all of them or none (nothing half-configured); stop() stops
// them before the engine stops. Shared by `vigilctl run --config` and the console.
#pragma once

#include "common/EngineRecordSink.h"
#include "common/SelfMetrics.h"
#include "collect/CollectConfig.h"
#include "collect/IngestServer.h"
#include "collect/MetricsEndpoint.h"
#include "collect/LogFollower.h"
#include "collect/PromQuery.h"
#include "collect/PrometheusScraper.h"
#include "collect/RpcProber.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>

namespace vigil::app {

class LiveSources {
public:
    LiveSources(collect::CollectConfig config, Engine& engine, const Clock& clock)
        : config_(std::move(config)), engine_(engine), clock_(clock), sink_(engine) {}
    ~LiveSources() { stop(); }
    LiveSources(const LiveSources&) = delete;
    LiveSources& operator=(const LiveSources&) = delete;

    // "" when every configured source runs; else why, with nothing left running.
    std::string start() {
        std::string why = startAll();
        if (!why.empty()) stop();
        return why;
    }

    void stop() {
        if (metrics_) metrics_->stop();
        if (ingest_) ingest_->stop();
        if (prober_) prober_->stop();
        if (scraper_) scraper_->stop();
        for (auto& q : queries_) q->stop();
        if (logs_) logs_->stop();
        work_.reset();
        io_.stop();
        if (thread_.joinable()) thread_.join();
    }

    // One line per running source, for the status output.
    std::vector<std::string> describe() const {
        std::vector<std::string> out;
        if (ingest_) {
            std::string s = "ingest on " + config_.ingest->address + ":";
            if (ingest_->httpPort() >= 0) s += " http " + std::to_string(ingest_->httpPort());
            if (ingest_->tcpPort() >= 0) s += " tcp " + std::to_string(ingest_->tcpPort());
            out.push_back(s);
        }
        if (prober_) out.push_back("rpc prober: " + std::to_string(config_.rpc.chains.size()) + " chain(s)");
        if (scraper_) out.push_back("scraper: " + std::to_string(config_.scrape.targets.size()) + " target(s)");
        for (const auto& q : config_.queries) out.push_back("query_range: " + q.name + " (" + q.url + ")");
        if (logs_) out.push_back("log follower: " + std::to_string(config_.logs.files.size()) + " file(s)");
        if (metrics_) out.push_back("metrics on http://" + config_.metrics->address + ":" + std::to_string(metrics_->port()) + "/metrics");
        return out;
    }

    std::string metricsText() const { return renderSelfMetrics(engine_, clock_, parts()); }
    const collect::IngestServer* ingest() const { return ingest_.get(); }

private:
    SelfMetricsParts parts() const {
        SelfMetricsParts p;
        if (ingest_) p.ingest = ingest_->stats().counts();
        if (prober_) p.pulled.emplace_back("rpc", prober_->counters());
        if (scraper_) p.pulled.emplace_back("scrape", scraper_->counters());
        for (std::size_t i = 0; i < queries_.size(); ++i) p.pulled.emplace_back("query:" + config_.queries[i].name, queries_[i]->counters());
        if (logs_) p.pulled.emplace_back("logs", logs_->counters());
        return p;
    }

    std::string startAll() {
        try {
            if (!config_.rpc.chains.empty())
                prober_ = std::make_unique<collect::RpcProber>(io_, config_.rpc, sink_, clock_);
            if (!config_.scrape.targets.empty())
                scraper_ = std::make_unique<collect::PrometheusScraper>(io_, config_.scrape, sink_, clock_);
            for (const auto& q : config_.queries) queries_.push_back(std::make_unique<collect::PromQuery>(io_, q, sink_, clock_));
            if (!config_.logs.files.empty())
                logs_ = std::make_unique<collect::LogFollower>(io_, config_.logs, sink_, clock_);
        } catch (const std::invalid_argument& e) {
            return e.what();
        }
        if (config_.ingest) {
            ingest_ = std::make_unique<collect::IngestServer>(*config_.ingest, sink_);
            if (auto why = ingest_->start(); !why.empty()) return "ingest: " + why;
        }
        if (config_.metrics) {
            metrics_ = std::make_unique<collect::MetricsEndpoint>(config_.metrics->address, config_.metrics->port,
                                                                  [this] { return metricsText(); });
            if (auto why = metrics_->start(); !why.empty()) return why;
        }
        if (prober_) prober_->start();
        if (scraper_) scraper_->start();
        for (auto& q : queries_) q->start();
        if (logs_) logs_->start();
        work_.emplace(io_.get_executor());
        thread_ = std::thread([this] { io_.run(); });
        return {};
    }

    collect::CollectConfig config_;
    Engine& engine_;
    const Clock& clock_;
    EngineRecordSink sink_;
    boost::asio::io_context io_;  // the pull sources'
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
    std::thread thread_;
    std::unique_ptr<collect::IngestServer> ingest_;
    std::unique_ptr<collect::RpcProber> prober_;
    std::unique_ptr<collect::PrometheusScraper> scraper_;
    std::vector<std::unique_ptr<collect::PromQuery>> queries_;
    std::unique_ptr<collect::LogFollower> logs_;
    std::unique_ptr<collect::MetricsEndpoint> metrics_;
};

}  // namespace vigil::app
