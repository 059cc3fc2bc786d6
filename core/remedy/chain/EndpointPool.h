// A chain's RPC endpoints, ranked by observed health, each behind a circuit
// breaker. call() tries the best-ranked endpoint whose breaker admits a call
// and moves on to the next on a transport failure (refused, deadline, HTTP
// error, malformed answer, rate limit): a dead or hung primary costs the call
// that finds it at most one deadline, and that call is still answered.
// Rank: endpoints whose breaker admits calls first, then by a score in ms:
// latency EWMA + error-rate EWMA x errorPenaltyMs + place in the configured
// order x preferencePenaltyMs. One failure (rate 0.2) puts a primary behind a
// healthy backup at once; the error rate fades with half-life errorHalfLifeMs,
// so a demoted endpoint is tried again later (and its breaker, opened after
// failureThreshold failures in a row, admits trial calls after openMs).
// Fail-back: when the trials pass the breaker closes and the endpoint's error
// history is cleared, so the configured order (primary first) wins again.
// A JSON-RPC error (a revert, a bad nonce) is the node's answer: it is returned
// to the caller and counts as a healthy call, never as a reason to fail over.
#pragma once

#include "net/RpcCaller.h"
#include "record/Clock.h"
#include "remedy/chain/CircuitBreaker.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::remedy {

struct PoolEndpoint {
    std::string name;                      // e.g. the URL, for reports
    std::unique_ptr<net::RpcCaller> caller;
};

struct PoolConfig {
    BreakerConfig breaker;
    double errorAlpha = 0.2;           // EWMA weight of the newest call's outcome
    double latencyAlpha = 0.3;         // EWMA weight of the newest answer's latency
    double errorPenaltyMs = 1000;      // rank cost of an error rate of 1.0, in ms
    double errorHalfLifeMs = 2000;     // an unobserved error rate halves this fast
    double preferencePenaltyMs = 50;   // rank cost per place in the configured order
};

struct EndpointStatus {
    std::string name;
    CircuitBreaker::State state = CircuitBreaker::State::Closed;
    std::uint64_t calls = 0;              // attempts sent to it
    std::uint64_t transportFailures = 0;  // refused, timeout, http, malformed, rate limit
    std::uint64_t answers = 0;            // attempts the endpoint answered
    std::uint64_t rpcErrors = 0;          // answered with a JSON-RPC error (healthy)
    double errorRate = 0;                 // EWMA of transport failures, as of errorAt
    TimestampMs errorAt = 0;
    double latencyMs = 0;                 // EWMA of answer latency
    int timesOpened = 0;
};

class EndpointPool final : public net::RpcCaller {
public:
    EndpointPool(std::string chain, std::vector<PoolEndpoint> endpoints, const Clock& clock,
                 PoolConfig config = {});

    net::RpcResponse call(std::string_view method, std::string_view paramsJson) override;

    const std::string& chain() const { return chain_; }
    std::vector<EndpointStatus> status() const;
    std::size_t preferred() const;         // the endpoint the next call goes to first
    std::size_t lastServedBy() const;      // the endpoint that answered the last call
    std::uint64_t failovers() const;       // calls answered after another endpoint failed
    std::uint64_t failedCalls() const;     // calls no endpoint answered

    // Transport failure, or a node saying it is overloaded (EIP-1474 -32005).
    static bool isEndpointFailure(const net::RpcResponse& r);

private:
    struct Slot {
        PoolEndpoint endpoint;
        CircuitBreaker breaker;
        EndpointStatus stats;
    };
    std::vector<std::size_t> rankLocked(TimestampMs now) const;
    double errorRateAt(const EndpointStatus& s, TimestampMs now) const;
    net::RpcResponse attempt(std::size_t i, std::string_view method, std::string_view params);

    std::string chain_;
    const Clock& clock_;
    PoolConfig config_;
    mutable std::mutex mutex_;
    std::vector<Slot> slots_;
    std::size_t lastServedBy_ = 0;
    std::uint64_t failovers_ = 0;
    std::uint64_t failedCalls_ = 0;
};

}  // namespace vigil::remedy
