#include "collect/RpcProber.h"

#include "collect/PeriodicRounds.h"
#include "collect/RpcProbeRound.h"
#include "net/JsonRpcClient.h"

#include <boost/asio/post.hpp>

#include <atomic>
#include <mutex>
#include <stdexcept>

namespace vigil::collect {

namespace asio = boost::asio;

class RpcProber::Impl : public PeriodicRounds {
public:
    Impl(asio::io_context& io, RpcProbeOptions options, RecordSink& sink, const Clock& clock)
        : PeriodicRounds(io, options.interval, options.offerRetry, sink), options_(std::move(options)), clock_(clock) {
        for (const RpcChainOptions& c : options_.chains) {
            Chain chain{ChainProbeState(c, options_), {}};
            for (const RpcEndpointOptions& e : c.endpoints) {
                std::string error;
                auto target = net::HttpTarget::parse(e.url, error);
                chain.clients.push_back(std::make_unique<net::JsonRpcClient>(*target, options_.deadline));
            }
            chains_.push_back(std::move(chain));
        }
        health_ = collectHealth();
    }

    mutable std::mutex healthMutex_;
    std::vector<EndpointHealth> health_;

private:
    struct Chain {
        ChainProbeState state;
        std::vector<std::unique_ptr<net::JsonRpcClient>> clients;
    };
    struct Round {
        TimestampMs ts = 0;
        std::size_t outstanding = 0;
        std::vector<std::vector<EndpointAnswers>> answers;  // [chain][endpoint]
    };

    void startRound() override {
        round_ = std::make_unique<Round>();
        round_->ts = clock_.now();
        for (const Chain& c : chains_) round_->answers.emplace_back(c.clients.size());
        for (const Chain& c : chains_) round_->outstanding += c.clients.size() * kProbeCalls;
        if (round_->outstanding == 0) return finishRound();
        for (std::size_t ci = 0; ci < chains_.size(); ++ci)
            for (std::size_t ei = 0; ei < chains_[ci].clients.size(); ++ei)
                for (std::size_t k = 0; k < kProbeCalls; ++k) send(ci, ei, static_cast<ProbeCall>(k));
    }

    void send(std::size_t ci, std::size_t ei, ProbeCall call) {
        const auto began = std::chrono::steady_clock::now();
        Round* round = round_.get();
        chains_[ci].clients[ei]->callAsync(
            io_, probeMethod(call), probeParams(call, options_),
            [self = self<Impl>(), round, ci, ei, call, began](net::RpcResponse r) {
                const double ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
                asio::post(self->strand_, [self, round, ci, ei, call, ms, r = std::move(r)]() mutable {
                    if (self->round_.get() != round) return;  // cannot happen: a round waits for all its calls
                    round->answers[ci][ei][call] = ProbeAnswer{std::move(r), ms};
                    if (--round->outstanding == 0) self->finishRound();
                });
            });
    }

    void finishRound() {
        std::vector<Record> batch;
        for (std::size_t ci = 0; ci < chains_.size(); ++ci)
            chains_[ci].state.evaluate(round_->ts, round_->answers[ci], batch, counters_);
        round_.reset();
        {
            std::lock_guard lock(healthMutex_);
            health_ = collectHealth();
        }
        roundDone(std::move(batch));
    }

    std::vector<EndpointHealth> collectHealth() const {
        std::vector<EndpointHealth> all;
        for (const Chain& c : chains_) all.insert(all.end(), c.state.health().begin(), c.state.health().end());
        return all;
    }

    RpcProbeOptions options_;
    const Clock& clock_;
    std::vector<Chain> chains_;
    std::unique_ptr<Round> round_;
};

std::vector<std::string> RpcProber::check(const RpcProbeOptions& o) {
    std::vector<std::string> problems;
    if (o.interval.count() <= 0) problems.push_back("interval: must be positive");
    if (o.deadline.count() <= 0 || o.deadline >= o.interval)
        problems.push_back("deadline: must be positive and shorter than interval (" +
                           std::to_string(o.interval.count()) + " ms)");
    if (o.feeHistoryBlocks < 1 || o.feeHistoryBlocks > 1024) problems.push_back("fee_history_blocks: must be 1..1024");
    for (double p : o.rewardPercentiles)
        if (!(p >= 0 && p <= 100)) problems.push_back("reward_percentiles: each must be within 0..100");
    for (std::size_t c = 0; c < o.chains.size(); ++c) {
        const std::string at = "chains[" + std::to_string(c) + "]";
        if (o.chains[c].name.empty()) problems.push_back(at + ".name: missing");
        if (o.chains[c].endpoints.empty()) problems.push_back(at + ".endpoints: at least one is needed");
        for (std::size_t e = 0; e < o.chains[c].endpoints.size(); ++e) {
            const RpcEndpointOptions& ep = o.chains[c].endpoints[e];
            const std::string eat = at + ".endpoints[" + std::to_string(e) + "]";
            if (ep.name.empty()) problems.push_back(eat + ".name: missing");
            std::string error;
            if (!net::HttpTarget::parse(ep.url, error)) problems.push_back(eat + ".url: " + error);
        }
    }
    return problems;
}

RpcProber::RpcProber(asio::io_context& io, RpcProbeOptions options, RecordSink& sink, const Clock& clock) {
    if (auto problems = check(options); !problems.empty()) throw std::invalid_argument(problems.front());
    impl_ = std::make_shared<Impl>(io, std::move(options), sink, clock);
}

RpcProber::~RpcProber() { stop(); }
void RpcProber::start() { impl_->start(); }
void RpcProber::stop() { impl_->stop(); }
SourceCountersSnapshot RpcProber::counters() const { return impl_->counters_.snapshot(); }
std::uint64_t RpcProber::rounds() const { return impl_->rounds_.load(std::memory_order_relaxed); }
std::vector<EndpointHealth> RpcProber::health() const {
    std::lock_guard lock(impl_->healthMutex_);
    return impl_->health_;
}

}  // namespace vigil::collect
