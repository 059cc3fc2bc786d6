#include "collect/RpcProbeRound.h"

#include "net/Json.h"

#include <simdjson.h>

#include <cmath>
#include <cstdio>

namespace vigil::collect {
namespace {

constexpr double kErrorAlpha = 0.2;    // PoolConfig::errorAlpha
constexpr double kLatencyAlpha = 0.3;  // PoolConfig::latencyAlpha
constexpr double kWeiPerGwei = 1e9;

// "p50", "p12_5": a percentile as a series-name part.
std::string percentileName(double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", p);
    std::string s = buf;
    for (char& c : s)
        if (c == '.') c = '_';
    return "p" + s;
}

std::string_view errorSeries(net::NetError e) {
    switch (e) {
    case net::NetError::Refused: return "rpc.errors.refused";
    case net::NetError::Timeout: return "rpc.errors.timeout";
    case net::NetError::Network: return "rpc.errors.network";
    case net::NetError::Http: return "rpc.errors.http";
    case net::NetError::Malformed: return "rpc.errors.malformed";
    case net::NetError::RpcError: return "rpc.errors.rpc";
    case net::NetError::None: break;
    }
    return "";
}

void metric(std::vector<Record>& out, TimestampMs ts, std::string_view series, const std::string& target, double v) {
    out.push_back(MetricSample{ts, std::string(series), target, v});
}

std::atomic<std::uint64_t>* counterFor(SourceCounters& c, net::NetError e) {
    switch (e) {
    case net::NetError::Refused: return &c.refused;
    case net::NetError::Timeout: return &c.timeouts;
    case net::NetError::Network: return &c.network;
    case net::NetError::Http: return &c.httpErrors;
    case net::NetError::Malformed: return &c.malformed;
    case net::NetError::RpcError: return &c.rpcErrors;
    case net::NetError::None: break;
    }
    return nullptr;
}

}  // namespace

std::string probeMethod(ProbeCall c) {
    switch (c) {
    case CallChainId: return "eth_chainId";
    case CallBlockNumber: return "eth_blockNumber";
    case CallGasPrice: return "eth_gasPrice";
    case CallFeeHistory: return "eth_feeHistory";
    case kProbeCalls: break;
    }
    return "";
}

std::string probeParams(ProbeCall c, const RpcProbeOptions& options) {
    if (c != CallFeeHistory) return "[]";
    std::string p = "[" + net::jsonQuote(net::toQuantity(static_cast<std::uint64_t>(std::max(1, options.feeHistoryBlocks)))) +
                    ",\"latest\",[";
    for (std::size_t i = 0; i < options.rewardPercentiles.size(); ++i) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", options.rewardPercentiles[i]);
        p += (i ? "," : "") + std::string(buf);
    }
    return p + "]]";
}

ChainProbeState::ChainProbeState(const RpcChainOptions& chain, const RpcProbeOptions& options)
    : chain_(chain), percentiles_(options.rewardPercentiles), chainId_(chain.chainId),
      lastHeight_(chain.endpoints.size()) {
    for (std::size_t i = 0; i < chain.endpoints.size(); ++i) {
        EndpointHealth h;
        h.chain = chain.name;
        h.name = chain.endpoints[i].name;
        h.place = i;
        health_.push_back(std::move(h));
    }
}

ChainProbeState::Parsed ChainProbeState::parse(const EndpointAnswers& a) const {
    Parsed p;
    auto quantity = [&](ProbeCall c) -> std::optional<std::uint64_t> {
        const auto& r = a[c].response;
        return r.ok() ? net::jsonQuantity(r.result) : std::nullopt;
    };
    p.chainId = quantity(CallChainId);
    p.height = quantity(CallBlockNumber);
    p.gasPriceWei = quantity(CallGasPrice);
    p.rewardsWei.assign(percentiles_.size(), std::nullopt);
    const auto& fee = a[CallFeeHistory].response;
    if (!fee.ok()) return p;
    simdjson::dom::parser parser;
    simdjson::dom::object root;
    if (parser.parse(simdjson::padded_string(fee.result)).get(root)) return p;
    simdjson::dom::array baseFees, rewards;
    // The last baseFeePerGas entry is the next block's base fee: what a sender pays now.
    if (!root["baseFeePerGas"].get_array().get(baseFees) && baseFees.size() > 0) {
        std::string_view hex;
        if (!baseFees.at(baseFees.size() - 1).get_string().get(hex)) p.baseFeeWei = net::parseQuantity(hex);
    }
    // Priority fees from the newest block of the range.
    if (!root["reward"].get_array().get(rewards) && rewards.size() > 0) {
        simdjson::dom::array newest;
        if (!rewards.at(rewards.size() - 1).get_array().get(newest)) {
            for (std::size_t i = 0; i < percentiles_.size() && i < newest.size(); ++i) {
                std::string_view hex;
                if (newest.at(i).get_string().get(hex)) continue;
                if (auto v = net::parseQuantity(hex)) p.rewardsWei[i] = static_cast<double>(*v);
            }
        }
    }
    return p;
}

void ChainProbeState::evaluate(TimestampMs ts, const std::vector<EndpointAnswers>& answers,
                               std::vector<Record>& out, SourceCounters& counters) {
    const std::size_t n = std::min(answers.size(), health_.size());
    std::vector<Parsed> parsed;
    parsed.reserve(n);
    for (std::size_t i = 0; i < n; ++i) parsed.push_back(parse(answers[i]));

    // The chain's id: configured, else the first answer's (in configured order).
    if (chainId_ == 0)
        for (const Parsed& p : parsed)
            if (p.chainId) {
                chainId_ = *p.chainId;
                break;
            }

    std::vector<bool> wrong(n, false);
    std::optional<std::size_t> best;  // highest head on the right chain; ties go to the earlier place
    for (std::size_t i = 0; i < n; ++i) {
        wrong[i] = parsed[i].chainId && *parsed[i].chainId != chainId_;
        if (wrong[i] || !parsed[i].height) continue;
        if (!best || *parsed[i].height > *parsed[*best].height) best = i;
    }

    std::vector<Record> events;
    for (std::size_t i = 0; i < n; ++i) {
        EndpointHealth& h = health_[i];
        const Parsed& p = parsed[i];
        const std::string target = "rpc:" + h.name;
        std::array<int, 7> byKind{};  // indexed by NetError
        int failed = 0, answered = 0;
        double latencySum = 0;
        h.lastError = net::NetError::None;
        h.lastDetail.clear();
        for (std::size_t c = 0; c < kProbeCalls; ++c) {
            const auto& r = answers[i][c].response;
            ++h.calls;
            SourceCounters::bump(counters.requests);
            if (r.error != net::NetError::None) {
                ++byKind[static_cast<std::size_t>(r.error)];
                if (auto* counter = counterFor(counters, r.error)) SourceCounters::bump(*counter);
            }
            const bool transport = net::isTransportFailure(r.error);
            const bool wrongHere = c == CallChainId && wrong[i];
            if (transport || wrongHere) {
                ++failed;
                ++h.transportFailures;
                if (h.lastError == net::NetError::None && transport) {
                    h.lastError = r.error;
                    h.lastDetail = r.message;
                }
            } else {
                ++answered;
                ++h.answers;
                latencySum += answers[i][c].latencyMs;
                h.latencyMs = h.answers == 1
                                  ? answers[i][c].latencyMs
                                  : kLatencyAlpha * answers[i][c].latencyMs + (1 - kLatencyAlpha) * h.latencyMs;
            }
            if (r.error == net::NetError::RpcError) ++h.rpcErrors;
            h.errorRate = kErrorAlpha * ((transport || wrongHere) ? 1.0 : 0.0) + (1 - kErrorAlpha) * h.errorRate;
        }
        if (wrong[i]) {
            SourceCounters::bump(counters.wrongChain);
            if (h.lastDetail.empty())
                h.lastDetail = target + ": eth_chainId " + std::to_string(*p.chainId) + ", expected " +
                               std::to_string(chainId_);
            if (!h.wrongChain)
                events.push_back(LogLine{ts, target, LogLevel::Error,
                                         target + " answers for chain id " + std::to_string(*p.chainId) + ", not " +
                                             chain_.name + "'s " + std::to_string(chainId_)});
        }
        h.wrongChain = wrong[i];
        h.up = answered > 0;
        h.at = ts;

        metric(out, ts, "rpc.up", target, h.up ? 1 : 0);
        if (answered > 0) metric(out, ts, "rpc.latency_ms", target, std::round(latencySum / answered * 10) / 10);
        metric(out, ts, "rpc.error_rate", target, static_cast<double>(failed) / static_cast<double>(kProbeCalls));
        for (std::size_t k = 1; k < byKind.size(); ++k)
            metric(out, ts, errorSeries(static_cast<net::NetError>(k)), target, byKind[k]);
        metric(out, ts, "rpc.errors.wrong_chain", target, wrong[i] ? 1 : 0);

        if (p.height && !wrong[i]) {
            if (lastHeight_[i] && *p.height < *lastHeight_[i]) {
                SourceCounters::bump(counters.backwards);
                events.push_back(LogLine{ts, target, LogLevel::Warn,
                                         target + " went backwards from block " + std::to_string(*lastHeight_[i]) +
                                             " to " + std::to_string(*p.height) + " (a restarted node without its state?)"});
            }
            lastHeight_[i] = p.height;
            h.blockHeight = *p.height;
            h.lag = best ? *parsed[*best].height - *p.height : 0;
            metric(out, ts, "rpc.block_height", target, static_cast<double>(*p.height));
            metric(out, ts, "rpc.block_lag", target, static_cast<double>(h.lag));
        }
        if (p.gasPriceWei && !wrong[i])
            metric(out, ts, "rpc.gas_price_gwei", target, static_cast<double>(*p.gasPriceWei) / kWeiPerGwei);
    }

    if (best) {
        const Parsed& p = parsed[*best];
        const std::string target = "chain:" + chain_.name;
        metric(out, ts, "chain.block_height", target, static_cast<double>(*p.height));
        if (p.gasPriceWei) metric(out, ts, "gas.price_gwei", target, static_cast<double>(*p.gasPriceWei) / kWeiPerGwei);
        if (p.baseFeeWei) metric(out, ts, "gas.base_fee_gwei", target, static_cast<double>(*p.baseFeeWei) / kWeiPerGwei);
        for (std::size_t k = 0; k < percentiles_.size(); ++k)
            if (p.rewardsWei[k])
                metric(out, ts, "gas.priority_fee_" + percentileName(percentiles_[k]) + "_gwei", target,
                       *p.rewardsWei[k] / kWeiPerGwei);
    }
    for (Record& e : events) out.push_back(std::move(e));
}

}  // namespace vigil::collect
