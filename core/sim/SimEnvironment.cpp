// Everything agents depend on but do not control: RPC endpoints (latency, error
// rate, health checks), host network latency, the fee market and block production.
#include "sim/SimText.h"
#include "sim/SimWorld.h"

#include <cmath>

namespace vigil::sim {
namespace {

constexpr std::size_t kErrorWindowS = 30;

void stepEndpoint(SimWorld& w, int index) {
    SimEndpoint& e = w.endpoints[static_cast<std::size_t>(index)];
    e.wander = e.wander * 0.995 + e.rng.normal(0.0, 0.01);
    const int users = w.usersOf(index);
    double latency = e.baseLatencyMs * std::exp(e.wander) * diurnal(w.tickStart, 0.08) * (1.0 + 0.015 * users) *
                     e.rng.lognormal(1.0, 0.12) * e.latencyMult;
    // Health checks (10/s) plus each agent's calls (5/s).
    const int calls = e.rng.poisson(10.0 + 5.0 * users);
    double p = e.baseErrorRate;
    if (e.latencyMult > 1.5) p += 0.02 + 0.12 * std::min(1.0, (e.latencyMult - 1.0) / 10.0);
    if (e.down) {
        // Some calls are refused at once, the rest hang until the 5 s client timeout.
        const double hanging = e.rng.uniform(0.25, 0.45);
        latency = hanging * 5000.0 + (1.0 - hanging) * e.rng.uniform(3.0, 15.0);
        p = e.rng.uniform(0.93, 1.0);
    }
    const int errors = e.rng.binomial(calls, p);
    e.window.emplace_back(calls, errors);
    e.windowCalls += calls;
    e.windowErrors += errors;
    if (e.window.size() > kErrorWindowS) {
        e.windowCalls -= e.window.front().first;
        e.windowErrors -= e.window.front().second;
        e.window.pop_front();
    }
    e.latencyMs = rounded(latency, 1);
    e.errorRate = e.windowCalls ? rounded(static_cast<double>(e.windowErrors) / e.windowCalls, 4) : 0.0;

    const TimestampMs ts = w.tickStart + e.rng.between(1, 1000);
    if (e.down) {
        if (e.downSince < 0) e.downSince = w.tickStart;
        if (w.tickEnd - e.lastHealthLog >= 10'000) {
            e.lastHealthLog = w.tickEnd;
            const bool refused = e.rng.chance(0.5);
            w.log(ts, "rpc-health", LogLevel::Error,
                  "health check " + e.name + " failed: " +
                      (refused ? "dial tcp " + e.address + ": connect: connection refused"
                               : "HTTP 503 Service Unavailable after " + std::to_string(e.rng.between(2, 40)) + " ms"));
        }
    } else if (e.downSince >= 0) {
        w.log(ts, "rpc-health", LogLevel::Info,
              "endpoint " + e.name + " healthy again after " + std::to_string((w.tickStart - e.downSince) / 1000) + " s");
        e.downSince = -1;
    } else if (e.latencyMs > 5.0 * e.baseLatencyMs && w.tickEnd - e.lastHealthLog >= 15'000) {
        e.lastHealthLog = w.tickEnd;
        w.log(ts, "rpc-health", LogLevel::Warn,
              "endpoint " + e.name + " slow: " + fixed(e.latencyMs, 1) + " ms per call (baseline " +
                  fixed(e.baseLatencyMs, 1) + " ms)");
    }
}

void stepHost(SimWorld& w, SimHost& h) {
    h.wander = h.wander * 0.99 + h.rng.normal(0.0, 0.01);
    h.latencyMs = rounded(h.baseMs * std::exp(h.wander) * h.rng.lognormal(1.0, 0.1) * h.latencyMult, 1);
    if (h.latencyMs > 5.0 * h.baseMs && w.tickEnd - h.lastLog >= 20'000) {
        h.lastLog = w.tickEnd;
        w.log(w.tickStart + h.rng.between(1, 1000), h.name, LogLevel::Warn,
              "network RTT to upstream gateway " + fixed(h.latencyMs, 1) + " ms (normal " + fixed(h.baseMs, 1) + " ms)");
    }
}

void stepChain(SimWorld& w, int index) {
    SimChain& c = w.chains[static_cast<std::size_t>(index)];
    const bool eth = c.name == "ethereum";
    const int decimals = eth ? 3 : 4;
    while (c.nextBlockAt <= w.tickEnd) {
        const TimestampMs at = c.nextBlockAt;
        // Base fee follows the block: slow wander around a daily cycle, times a spike.
        c.wander = c.wander * (eth ? 0.985 : 0.99) + c.rng.normal(0.0, eth ? 0.035 : 0.02);
        c.baseFee = rounded(std::max(c.floorFee, c.typicalBaseFee * diurnal(at, eth ? 0.25 : 0.1) *
                                                     std::exp(c.wander) * c.gasMult),
                            decimals);
        ++c.blockNumber;
        mineBlock(w, index, at, eth ? 0.92 : 0.97);
        c.nextBlockAt += c.blockMs;
        if (eth && c.rng.chance(0.02)) c.nextBlockAt += c.blockMs;  // a missed slot
    }
    c.feeAverage += (c.baseFee - c.feeAverage) / 1800.0;  // ~30 min memory
    if (c.baseFee > 2.5 * c.feeAverage && w.tickEnd - c.lastGasWarn >= 30'000) {
        c.lastGasWarn = w.tickEnd;
        w.log(w.tickStart + c.rng.between(1, 1000), "gas-oracle", LogLevel::Warn,
              c.name + " base fee " + fixed(c.baseFee, decimals) + " gwei is " + fixed(c.baseFee / c.feeAverage, 1) +
                  "x its 30-min average");
    }
}

}  // namespace

double diurnal(TimestampMs t, double amplitude) {
    constexpr double kDayMs = 86'400'000.0;
    constexpr double kTwoPi = 6.283185307179586;
    const double day = std::fmod(static_cast<double>(t), kDayMs) / kDayMs;
    return 1.0 + amplitude * std::sin(kTwoPi * (day - 0.375));  // peak at 15:00 UTC
}

void stepEnvironment(SimWorld& w) {
    for (std::size_t i = 0; i < w.endpoints.size(); ++i) stepEndpoint(w, static_cast<int>(i));
    for (auto& h : w.hosts) stepHost(w, h);
    for (std::size_t i = 0; i < w.chains.size(); ++i) stepChain(w, static_cast<int>(i));
    watchPending(w);
}

}  // namespace vigil::sim
