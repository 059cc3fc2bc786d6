// One RPC endpoint's health as the prober saw it, in the terms remedy's
// EndpointPool ranks endpoints by (EndpointStatus: calls, transport failures,
// answers, JSON-RPC errors, error-rate EWMA, latency EWMA, same default weights),
// plus what only a prober knows: head height, lag and chain id. So a pool (or a
// console) can rank endpoints from probes before any real call is made.
#pragma once

#include "net/NetError.h"
#include "record/Record.h"

#include <cstdint>
#include <string>

namespace vigil::collect {

struct EndpointHealth {
    std::string chain;                    // chain name from the options
    std::string name;                     // endpoint name; records target "rpc:<name>"
    std::size_t place = 0;                // index in the configured order (0 = primary)
    std::uint64_t calls = 0;              // probe calls sent
    std::uint64_t transportFailures = 0;  // refused, timeout, network, http, malformed, wrong chain
    std::uint64_t answers = 0;            // calls the endpoint answered (a JSON-RPC error included)
    std::uint64_t rpcErrors = 0;          // answered with a JSON-RPC error (healthy, as in the pool)
    double errorRate = 0;                 // EWMA (alpha 0.2 per call) of transport failures
    double latencyMs = 0;                 // EWMA (alpha 0.3) of answered calls' latency
    TimestampMs at = 0;                   // when the last round ended (the source's clock)
    bool up = false;                      // answered at least one call in the last round
    bool wrongChain = false;              // last eth_chainId differed from the chain's
    net::NetError lastError = net::NetError::None;  // the last round's first failure kind
    std::string lastDetail;               // ... in words
    std::uint64_t blockHeight = 0;        // last eth_blockNumber answer
    std::uint64_t lag = 0;                // blocks behind the best endpoint of its chain in the last round

    // EndpointPool's rank score in ms (lower is better): latency EWMA + error
    // rate x errorPenaltyMs + place x preferencePenaltyMs (PoolConfig defaults).
    double rankScoreMs(double errorPenaltyMs = 1000, double preferencePenaltyMs = 50) const {
        return latencyMs + errorRate * errorPenaltyMs + static_cast<double>(place) * preferencePenaltyMs;
    }
};

}  // namespace vigil::collect
