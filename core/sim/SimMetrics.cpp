// Samples at the end of each tick, the way a scraper would see the fleet:
// per-second gauges for endpoints, chains and pools; every 5 s (staggered) for
// agents, hosts and pool sizes. Plus the scheduler's periodic log lines.
#include "sim/SimText.h"
#include "sim/SimWorld.h"

namespace vigil::sim {
namespace {

bool dueEvery5s(const SimWorld& w, std::size_t index) { return (w.tickIndex + static_cast<std::int64_t>(index)) % 5 == 0; }

}  // namespace

void stepMetrics(SimWorld& w) {
    const TimestampMs t = w.tickEnd;
    for (const SimEndpoint& e : w.endpoints) {
        w.metric(t, "rpc.latency_ms", e.target, e.latencyMs);
        w.metric(t, "rpc.error_rate", e.target, e.errorRate);
    }
    for (const SimChain& c : w.chains) {
        w.metric(t, "gas.price_gwei", c.target, rounded(c.baseFee + c.marketTip, c.name == "ethereum" ? 3 : 4));
        int pending = 0;
        for (const SimTx& tx : w.mempool) pending += &w.chains[static_cast<std::size_t>(tx.chain)] == &c ? 1 : 0;
        w.metric(t, "tx.pending", c.target, pending);
    }
    for (const SimPool& p : w.pools) w.metric(t, "worker.queue_depth", p.target, static_cast<double>(p.queue.size()));
    for (std::size_t i = 0; i < w.pools.size(); ++i)
        if (dueEvery5s(w, i + 2)) {
            w.metric(t, "worker.count", w.pools[i].target, w.workersIn(static_cast<int>(i)));
            w.metric(t, "worker.queue_capacity", w.pools[i].target, w.pools[i].capacity);
        }
    for (std::size_t i = 0; i < w.hosts.size(); ++i)
        if (dueEvery5s(w, i)) w.metric(t, "net.latency_ms", w.hosts[i].target, w.hosts[i].latencyMs);
    for (std::size_t i = 0; i < w.agents.size(); ++i) {
        SimAgent& a = w.agents[i];
        if (a.removed || !dueEvery5s(w, i)) continue;
        // The agent's view of its upstream: own overhead, its endpoint, its host's network.
        const double api = a.rng.lognormal(18.0, 0.2) +
                           w.endpoints[static_cast<std::size_t>(a.endpoint)].latencyMs * a.rng.lognormal(1.0, 0.1) +
                           w.hosts[static_cast<std::size_t>(a.host)].latencyMs;
        w.metric(t, "api.latency_ms", a.target, rounded(api, 1));
    }

    for (SimPool& p : w.pools) {
        if (p.refusedInWindow > 0 && t - p.lastFullWarn >= 10'000) {
            p.lastFullWarn = t;
            w.log(t, "scheduler", LogLevel::Error,
                  "pool " + p.workflow + " queue full at " + std::to_string(p.capacity) + " tasks: refused " +
                      std::to_string(p.refusedInWindow) + " new tasks");
            p.refusedInWindow = 0;
        }
        if (p.queue.size() > 20 && t - p.lastBacklogWarn >= 30'000) {
            p.lastBacklogWarn = t;
            w.log(t, "scheduler", LogLevel::Warn,
                  "pool " + p.workflow + " backlog: " + std::to_string(p.queue.size()) + " tasks queued, oldest waiting " +
                      fixed(static_cast<double>(t - p.queue.front().arrival) / 1000.0, 1) + " s");
        }
    }
    if (w.tickIndex % 60 == 0) {
        for (std::size_t i = 0; i < w.pools.size(); ++i) {
            SimPool& p = w.pools[i];
            w.log(t, "scheduler", LogLevel::Info,
                  "pool " + p.workflow + ": " + std::to_string(w.workersIn(static_cast<int>(i))) + " workers, " +
                      std::to_string(p.queue.size()) + " queued, " + std::to_string(p.doneInWindow) + " done, " +
                      std::to_string(p.failedInWindow) + " failed in the last 60 s");
            p.doneInWindow = p.failedInWindow = 0;
        }
    }
}

}  // namespace vigil::sim
