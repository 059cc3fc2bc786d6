// Worker agents: tasks arrive in their pool's queue; an idle agent takes the next
// one, makes its RPC calls (slow, failing or refused according to its endpoint
// and host), and for claims and rebalances submits a transaction and waits for
// the receipt. Every step is a task event, tx event or log line.
#include "sim/SimText.h"
#include "sim/SimWorld.h"

#include <algorithm>
#include <limits>

namespace vigil::sim {
namespace {

constexpr TimestampMs kNever = std::numeric_limits<TimestampMs>::max();

struct RpcWork {
    double durationMs = 0;
    std::string error;  // empty: the calls succeeded
};

// The RPC part of a task as the agent's endpoint and host are right now.
RpcWork rpcWork(SimWorld& w, SimAgent& a, const WorkflowModel& m) {
    const SimEndpoint& e = w.endpoints[static_cast<std::size_t>(a.endpoint)];
    const SimHost& h = w.hosts[static_cast<std::size_t>(a.host)];
    Rng& r = a.rng;
    const double overhead = r.lognormal(m.overheadMedianMs, 0.35);
    RpcWork work;
    if (e.down && r.chance(0.95)) {
        // Refused calls fail fast after three tries with backoff; hanging ones
        // after two 5 s timeouts.
        const bool refused = r.chance(0.7);
        work.error = refused ? "rpc_unavailable" : "timeout";
        work.durationMs = overhead * r.uniform(0.0, 0.3) + (refused ? r.uniform(1750, 2250) : r.uniform(10'000, 10'400));
        return work;
    }
    double pTimeout = 0.003;
    if (e.latencyMult > 1.5) pTimeout += 0.15 * std::min(1.0, (e.latencyMult - 1.0) / 10.0);
    if (h.latencyMult > 1.5) pTimeout += 0.08 * std::min(1.0, (h.latencyMult - 1.0) / 20.0);
    if (r.chance(pTimeout)) {
        work.error = "timeout";
        work.durationMs = overhead * r.uniform(0.2, 1.0) + r.uniform(10'000, 10'400);
        return work;
    }
    if (r.chance(0.002)) {
        work.error = "rate_limited";
        work.durationMs = overhead * r.uniform(0.0, 0.5) + r.uniform(800, 2000);
        return work;
    }
    double calls = 0;
    for (int i = 0; i < m.rpcCalls; ++i) calls += e.latencyMs * r.lognormal(1.0, 0.25) + h.latencyMs;
    work.durationMs = overhead + calls;
    return work;
}

std::string failureText(const SimWorld& w, const SimAgent& a, const std::string& error) {
    const std::string& ep = w.endpoints[static_cast<std::size_t>(a.taskEndpoint)].name;
    if (error == "rpc_unavailable") return "rpc_unavailable (" + ep + ": 503 Service Unavailable)";
    if (error == "timeout") return a.txHash.empty() ? "timeout calling eth_call on " + ep
                                                    : "timeout waiting for receipt of tx " + shortHash(a.txHash);
    if (error == "rate_limited") return "rate_limited (" + ep + " returned 429 Too Many Requests)";
    if (error == "nonce_too_low") return "nonce_too_low (nonce " + std::to_string(a.nextNonce - 1) + " already used, resyncing)";
    if (error == "insufficient_funds") return "insufficient_funds for gas * price + value";
    if (error == "reverted") return "reverted after " + std::to_string(a.attempt) + " attempts (last tx " + shortHash(a.txHash) + ")";
    return error;
}

std::string successText(const SimWorld& w, SimAgent& a, double durationMs) {
    const std::string& wallet = a.wallets[a.rng.below(a.wallets.size())];
    const std::string took = " in " + fixed(durationMs, 0) + " ms";
    if (a.workflow == "wallet_monitor")
        return "checked wallet " + shortHash(wallet) + " balance " + fixed(a.rng.lognormal(2.0, 1.2), 4) + " ETH, " +
               std::to_string(a.rng.between(0, 9)) + " token positions" + took + " via " +
               w.endpoints[static_cast<std::size_t>(a.taskEndpoint)].name;
    const std::string block = std::to_string(w.chains[static_cast<std::size_t>(a.chain)].blockNumber);
    if (a.workflow == "airdrop_claim")
        return "claimed airdrop for wallet " + shortHash(wallet) + " in tx " + shortHash(a.txHash) + " (block " + block + ")" + took;
    return "rebalanced portfolio of wallet " + shortHash(wallet) + " in tx " + shortHash(a.txHash) + " (block " + block + ")" + took;
}

// A worker told to leave (FleetSimulator::scaleWorkers) leaves: its last word, a
// 'retired' event, and the scheduler's line saying how it went (`how`).
void retire(SimWorld& w, SimAgent& a, TimestampMs ts, const char* how) {
    a.removed = true;
    w.retiredEvent(ts, a);
    w.log(ts, "scheduler", LogLevel::Info, "worker " + a.id + " " + how + " (pool " + a.workflow + ")");
}

void finish(SimWorld& w, SimAgent& a, TimestampMs ts, const std::string& error) {
    const double duration = static_cast<double>(ts - a.taskStart);
    SimPool& pool = w.pools[static_cast<std::size_t>(a.pool)];
    if (error.empty()) {
        w.taskEvent(ts, a, TaskState::Succeeded, {}, duration);
        w.log(ts, a.id, LogLevel::Info, successText(w, a, duration));
        ++pool.doneInWindow;
    } else {
        w.taskEvent(ts, a, TaskState::Failed, error, duration);
        const LogLevel level = error == "rate_limited" ? LogLevel::Warn : LogLevel::Error;
        w.log(ts, a.id, level, "task " + a.taskId + " failed: " + failureText(w, a, error) + " after " + fixed(duration, 0) + " ms");
        ++pool.failedInWindow;
    }
    a.phase = AgentPhase::Idle;
    a.freeAt = ts;
    a.idem.clear();
    a.txHash.clear();
    if (a.retiring) retire(w, a, ts, "drained and stopped");
}

void startTask(SimWorld& w, SimAgent& a, TimestampMs ts) {
    SimPool& pool = w.pools[static_cast<std::size_t>(a.pool)];
    a.taskId = pool.queue.front().id;
    pool.queue.pop_front();
    a.taskStart = ts;
    a.taskEndpoint = a.endpoint;
    a.attempt = 0;
    a.idem.clear();
    a.txHash.clear();
    w.taskEvent(ts, a, TaskState::Started, {}, 0);
    const RpcWork work = rpcWork(w, a, *pool.model);
    const bool sends = a.workflow != "wallet_monitor";
    a.phase = (sends && work.error.empty()) ? AgentPhase::Submitting : AgentPhase::Working;
    a.taskError = work.error;
    a.wakeAt = ts + static_cast<TimestampMs>(work.durationMs);
}

void submit(SimWorld& w, SimAgent& a, int index, TimestampMs ts) {
    const SimEndpoint& e = w.endpoints[static_cast<std::size_t>(a.endpoint)];
    const SimChain& c = w.chains[static_cast<std::size_t>(a.chain)];
    const WorkflowModel& m = *w.pools[static_cast<std::size_t>(a.pool)].model;
    // Refused submissions end the task once the client has given up.
    auto failIn = [&](TimestampMs delay, const char* error) {
        a.phase = AgentPhase::Working;
        a.taskError = error;
        a.wakeAt = ts + delay;
    };
    if (e.down) return failIn(a.rng.between(1500, 2200), "rpc_unavailable");
    // A drained hot wallet cannot pay for gas (checked before any draw, so a funded
    // wallet changes nothing about what the agent does).
    if (a.hasWallet && a.balanceEth < gasLimitOf(a.workflow) * (2.0 * c.baseFee + c.marketTip) * 1e-9)
        return failIn(40, "insufficient_funds");
    if (a.rng.chance(0.002)) return failIn(a.rng.between(40, 200), "nonce_too_low");
    if (a.rng.chance(c.gasMult > 2.0 ? 0.012 : 0.002)) return failIn(a.rng.between(40, 200), "insufficient_funds");
    if (a.idem.empty()) a.idem = "idem-" + a.taskId;
    double value = 0.0;
    if (a.workflow == "rebalance") {  // same transfer, same amount on every attempt
        Rng amount(fnv1a64(a.idem));
        value = rounded(amount.lognormal(1.2, 0.8), 4);
    }
    double maxFee = 0, tip = 0;
    marketFees(w, a.chain, a.rng, maxFee, tip);
    const bool revert = a.rng.chance(a.badDeploy ? 0.85 : m.baseRevert);
    SimTx& tx = submitTx(w, index, ts, a.idem, value, maxFee, tip, revert);
    a.txHash = tx.hash;
    ++a.attempt;
    a.phase = AgentPhase::AwaitingReceipt;
    a.wakeAt = ts + kReceiptTimeoutMs;
    const int decimals = c.name == "ethereum" ? 3 : 4;
    w.log(ts, a.id, LogLevel::Info,
          "submitted tx " + shortHash(tx.hash) + " nonce " + std::to_string(tx.nonce) + " for " + a.taskId +
              " max_fee " + fixed(maxFee, decimals) + " gwei tip " + fixed(tip, 3) + " gwei via " + e.name);
}

void receipt(SimWorld& w, SimAgent& a, TimestampMs ts) {
    const WorkflowModel& m = *w.pools[static_cast<std::size_t>(a.pool)].model;
    if (a.receiptOk) return finish(w, a, ts, {});
    // The bad build retries harder than the good one: part of why its failures come in bursts.
    if (a.attempt >= (a.badDeploy ? 3 : m.maxTxAttempts)) return finish(w, a, ts, "reverted");
    const char* reason = a.badDeploy ? "InvalidProof()"
                         : a.workflow == "airdrop_claim" ? "MerkleDistributor: Drop already claimed"
                                                         : "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT";
    w.log(ts, a.id, LogLevel::Warn,
          "tx " + shortHash(a.txHash) + " reverted: execution reverted: " + reason + "; retrying " + a.taskId +
              " (attempt " + std::to_string(a.attempt + 1) + "/" + std::to_string(a.badDeploy ? 3 : m.maxTxAttempts) + ")");
    a.phase = AgentPhase::Submitting;
    a.wakeAt = ts + a.rng.between(800, 2500);
}

TimestampMs nextActionAt(const SimWorld& w, const SimAgent& a) {
    if (a.removed) return kNever;
    if (a.phase != AgentPhase::Idle) return a.wakeAt;
    const SimPool& pool = w.pools[static_cast<std::size_t>(a.pool)];
    if (a.retiring || pool.queue.empty()) return kNever;
    return std::max(a.freeAt, pool.queue.front().arrival);
}

void step(SimWorld& w, int index, TimestampMs t) {
    SimAgent& a = w.agents[static_cast<std::size_t>(index)];
    switch (a.phase) {
    case AgentPhase::Idle: startTask(w, a, std::min(t + a.rng.between(3, 40), w.tickEnd)); break;
    case AgentPhase::Working: finish(w, a, t, a.taskError); break;
    case AgentPhase::Submitting: submit(w, a, index, t); break;
    case AgentPhase::AwaitingReceipt: finish(w, a, t, "timeout"); break;  // the tx stays pending
    case AgentPhase::ReceiptSeen: receipt(w, a, t); break;
    }
}

}  // namespace

void stepAgents(SimWorld& w) {
    // Workers told to leave while idle (FleetSimulator::scaleWorkers) leave here, at the
    // start of the next tick: the simulator has already made the tick they were told
    // in, so their last word must come after it.
    for (SimAgent& a : w.agents)
        if (a.retiring && !a.removed && a.phase == AgentPhase::Idle) retire(w, a, w.tickStart + 1, "stopped");
    for (SimPool& pool : w.pools) {
        const double rate = pool.overloadRate > 0 ? pool.overloadRate : pool.model->arrivalPerS * diurnal(w.tickStart, 0.15);
        const int n = pool.rng.poisson(rate);
        std::vector<TimestampMs> at;
        for (int i = 0; i < n; ++i) at.push_back(w.tickStart + pool.rng.between(1, kTickMs));
        std::sort(at.begin(), at.end());
        for (TimestampMs t : at) {
            if (pool.capacity > 0 && static_cast<int>(pool.queue.size()) >= pool.capacity) {
                ++pool.refusedInWindow;  // the scheduler's queue is full
                continue;
            }
            std::string seq = std::to_string(++pool.taskSeq);
            if (seq.size() < 6) seq.insert(0, 6 - seq.size(), '0');
            pool.queue.push_back({std::string(pool.model->prefix) + "-" + seq, t});
        }
    }
    // Agents act in time order (ties by index) until nobody has anything left to
    // do in this tick; steps that finish later wait for a following tick.
    for (;;) {
        // Ties (idle agents waiting for the same arrival) go to the agent idle the
        // longest, as a least-recently-used dispatcher would do.
        int best = -1;
        TimestampMs bestAt = kNever;
        for (std::size_t i = 0; i < w.agents.size(); ++i) {
            const TimestampMs t = nextActionAt(w, w.agents[i]);
            if (t < bestAt || (t == bestAt && t != kNever && w.agents[i].phase == AgentPhase::Idle &&
                               w.agents[static_cast<std::size_t>(best)].phase == AgentPhase::Idle &&
                               w.agents[i].freeAt < w.agents[static_cast<std::size_t>(best)].freeAt)) {
                bestAt = t;
                best = static_cast<int>(i);
            }
        }
        if (best < 0 || bestAt > w.tickEnd) break;
        step(w, best, bestAt);
    }
}

}  // namespace vigil::sim
