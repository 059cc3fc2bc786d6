// What the chain RPC prober (RpcProber) watches and how often. Plain values with
// defaults; the YAML loader fills them (docs/configuration.md, "chains").
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace vigil::collect {

struct RpcEndpointOptions {
    std::string name;  // bare endpoint name, e.g. "eth-main-a"; records target "rpc:<name>"
    std::string url;   // "http://host:port/path" (https is refused by net::HttpTarget)
};

struct RpcChainOptions {
    std::string name;              // e.g. "ethereum"; chain-wide records target "chain:<name>"
    std::uint64_t chainId = 0;     // expected eth_chainId; 0 = take the first answer's as expected
    std::vector<RpcEndpointOptions> endpoints;  // primary first, then backups (the pool's order)
};

struct RpcProbeOptions {
    std::vector<RpcChainOptions> chains;
    std::chrono::milliseconds interval{5000};  // one probe round (4 calls per endpoint) per interval
    std::chrono::milliseconds deadline{2000};  // per request (connect + write + read); must be < interval
    int feeHistoryBlocks = 5;                  // eth_feeHistory block count
    std::vector<double> rewardPercentiles{10, 50, 90};  // priority-fee percentiles asked of eth_feeHistory
    std::chrono::milliseconds offerRetry{50};  // re-offer a refused batch after this long (RecordSink.h)
};

}  // namespace vigil::collect
