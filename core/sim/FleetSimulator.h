// The demo fleet: worker agents watching wallets, claiming airdrops and
// rebalancing portfolios on two chains, each chain with a primary and a backup
// RPC endpoint. Deterministic from a seed and run on virtual time: the same
// scenario, seed, start and sequence of calls give the same records, byte for
// byte. Faults of the scenario are injected on a schedule derived from the seed
// (labels()), and they respond to remediation (failover, scaleWorkers, replaceTx,
// rollbackWorkflow), which makes the simulator the closed-loop test bed of the
// engine. Not thread-safe; DemoFeed serialises access for live use.
// Series, targets and scenarios are described in docs/simulator.md.
#pragma once

#include "record/Record.h"
#include "sim/LabelsJson.h"
#include "sim/Scenario.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vigil {

namespace sim {
struct SimWorld;
}

class FleetSimulator {
public:
    static constexpr TimestampMs kDefaultStart = 1767225600000;  // 2026-01-01T00:00:00Z

    // Throws std::invalid_argument with validateScenario()'s reason for a bad spec.
    FleetSimulator(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start = kDefaultStart);
    // A scenario over the default 3600 s.
    FleetSimulator(const std::string& scenario, std::uint64_t seed, TimestampMs start = kDefaultStart);
    ~FleetSimulator();
    FleetSimulator(const FleetSimulator&) = delete;
    FleetSimulator& operator=(const FleetSimulator&) = delete;

    // Appends every record with ts in (now(), until], sorted by ts (records of
    // equal ts in a fixed order), and moves now() to until. Records go on past
    // the scenario's duration (calm, or the next cycle when repeating).
    void advance(TimestampMs until, std::vector<Record>& out);
    TimestampMs now() const { return now_; }
    TimestampMs start() const { return start_; }
    TimestampMs end() const { return start_ + spec_.durationS * 1000; }
    const ScenarioSpec& scenario() const { return spec_; }
    std::uint64_t seed() const { return seed_; }

    // Ground truth: the injected faults (so far, when repeating), sorted by start.
    const std::vector<FaultLabel>& labels() const;
    LabelsFile labelsFile() const;

    static const std::vector<std::string>& scenarioNames();

    // Whether labels()[i] still hurts the fleet now: its window is open (or, for
    // an overload, its backlog is not drained) and remediation has not ended it
    // (agents moved off the endpoint, stuck tx replaced, bad deploy rolled back,
    // queue drained). Faults nothing can fix (gas, a slow host) follow their window.
    bool faultEffective(std::size_t i) const;

    // ---- Remediation. Effects start with the next records generated; the
    // simulator logs what was done. Names may be bare ("agent-07", "eth-main-b",
    // "airdrop_claim") or typed targets ("agent:agent-07", "rpc:eth-main-b",
    // "pool:airdrop_claim"). False for unknown targets or impossible requests.

    // Moves one agent, or every agent currently on an endpoint, to toEndpoint
    // (which must serve the same chain). Failed-over agents stop seeing an
    // outage or latency spike of the endpoint they left.
    bool failover(const std::string& agentOrEndpoint, const std::string& toEndpoint);
    // Adds (delta > 0) workers to a pool, or retires the newest (delta < 0) once
    // they are idle; a pool keeps at least 1 and at most 64 workers. More workers
    // drain an overload backlog.
    bool scaleWorkers(const std::string& pool, int delta);
    // Replaces the agent's pending transaction with this nonce: same nonce and
    // idempotency key, both fee fields max(old × factor, current market fee).
    // False when no such pending tx or factor < 1.1 (a node would refuse the
    // replacement as underpriced). A replaced stuck tx confirms.
    bool replaceTx(const std::string& agent, std::int64_t nonce, double feeBumpFactor);
    // Rolls the agent's workflow back to the previous version, which ends a
    // failed-tx burst caused by a bad deploy. False for an unknown agent.
    bool rollbackWorkflow(const std::string& agent);

    // ---- The fleet as it is now (typed targets, as metric samples name them).
    std::vector<std::string> agents() const;     // "agent:agent-01", ...
    std::vector<std::string> endpoints() const;  // "rpc:eth-main-a", ...
    std::vector<std::string> pools() const;      // "pool:wallet_monitor", ...

    struct AgentInfo {
        std::string id, workflow, chain, endpoint, host;  // bare names, as in events
    };
    std::vector<AgentInfo> agentInfo() const;
    struct PendingTx {
        std::string hash, agent, chain, endpoint, idempotencyKey;
        std::int64_t nonce = 0;
        double maxFeeGwei = 0, priorityFeeGwei = 0;
        double valueEth = 0;
        TimestampMs submitted = 0;
    };
    std::vector<PendingTx> pendingTxs() const;  // the fleet's unmined transactions
    int workerCount(const std::string& pool) const;          // -1 for an unknown pool
    std::int64_t queueDepth(const std::string& pool) const;  // -1 for an unknown pool

private:
    void runTick();
    void insertNow(std::vector<Record>& records);  // remediation output at now()+1
    template <class F>
    bool remediate(F&& f);

    ScenarioSpec spec_;
    std::uint64_t seed_;
    TimestampMs start_;
    TimestampMs now_;
    std::unique_ptr<sim::SimWorld> world_;
    std::vector<Record> pending_;  // generated, ts > now_, sorted
    std::vector<Record> tick_;
};

}  // namespace vigil
