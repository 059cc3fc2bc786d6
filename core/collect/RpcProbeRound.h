// One probe round of one chain turned into records: pure (no I/O), so the
// figures are unit-tested without nodes and come out byte-identical for the
// same answers. RpcProber does the I/O and hands the answers here.
//
// Per endpoint (target rpc:<name>): rpc.up, rpc.latency_ms (mean of the answered
// calls), rpc.error_rate (share of the round's 4 calls that failed in transport
// or named the wrong chain), rpc.errors.<kind> (refused, timeout, network, http,
// malformed, rpc, wrong_chain: calls this round), rpc.block_height,
// rpc.block_lag, rpc.gas_price_gwei. Per chain (target chain:<name>):
// chain.block_height (best), gas.price_gwei, gas.base_fee_gwei and
// gas.priority_fee_p<N>_gwei from the best endpoint's answers. Events as log
// records: an endpoint's head going backwards (a restarted node without its
// state), and an endpoint starting to name another chain id.
#pragma once

#include "collect/EndpointHealth.h"
#include "collect/RpcProbeOptions.h"
#include "collect/SourceCounters.h"
#include "net/RpcCaller.h"

#include <array>
#include <optional>
#include <vector>

namespace vigil::collect {

enum ProbeCall : std::size_t { CallChainId, CallBlockNumber, CallGasPrice, CallFeeHistory, kProbeCalls };

struct ProbeAnswer {
    net::RpcResponse response;
    double latencyMs = 0;
};

using EndpointAnswers = std::array<ProbeAnswer, kProbeCalls>;

// The params of each probe call, e.g. eth_feeHistory's ["0x5","latest",[10,50,90]].
std::string probeMethod(ProbeCall c);
std::string probeParams(ProbeCall c, const RpcProbeOptions& options);

class ChainProbeState {
public:
    ChainProbeState(const RpcChainOptions& chain, const RpcProbeOptions& options);

    // answers[i] belongs to chain.endpoints[i]. Appends records stamped `ts`,
    // updates health() and counts errors and events in `counters`.
    void evaluate(TimestampMs ts, const std::vector<EndpointAnswers>& answers, std::vector<Record>& out,
                  SourceCounters& counters);

    const std::vector<EndpointHealth>& health() const { return health_; }
    std::uint64_t expectedChainId() const { return chainId_; }

private:
    struct Parsed {
        std::optional<std::uint64_t> chainId, height, gasPriceWei, baseFeeWei;
        std::vector<std::optional<double>> rewardsWei;  // per configured percentile
    };
    Parsed parse(const EndpointAnswers& a) const;

    RpcChainOptions chain_;
    std::vector<double> percentiles_;
    std::uint64_t chainId_ = 0;
    std::vector<EndpointHealth> health_;
    std::vector<std::optional<std::uint64_t>> lastHeight_;
};

}  // namespace vigil::collect
