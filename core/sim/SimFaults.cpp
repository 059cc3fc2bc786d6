// Fault injection: turns the planned labels into world state each tick, and runs
// the one-off effects at a fault's start and end.
#include "sim/SimText.h"
#include "sim/SimWorld.h"

#include <algorithm>

namespace vigil::sim {
namespace {

// 0 → 1 over `rise` after start, back to 0 over `fall` before end.
double envelope(TimestampMs t, const FaultLabel& f, double rise, double fall) {
    const double up = static_cast<double>(t - f.start + kTickMs) / std::max(1.0, rise);
    const double down = static_cast<double>(f.end - t) / std::max(1.0, fall);
    return std::clamp(std::min(up, down), 0.0, 1.0);
}

ActiveFault resolve(SimWorld& w, const FaultLabel& l) {
    ActiveFault f;
    f.label = l;
    Rng rng(streamSeed(w.seed, "fault:" + l.kind + "@" + l.target + "@" + std::to_string(l.start)));
    if (l.kind == kRpcOutage) {
        f.target = w.findEndpoint(l.target);
    } else if (l.kind == kLatencySpike) {
        f.hostTarget = l.target.rfind("host:", 0) == 0;
        f.target = f.hostTarget ? w.findHost(l.target) : w.findEndpoint(l.target);
        f.magnitude = f.hostTarget ? rng.uniform(10, 25) : rng.uniform(6, 12);
    } else if (l.kind == kGasSpike) {
        f.target = w.findChain(l.target);
        f.magnitude = rng.uniform(4, 8);
    } else if (l.kind == kWorkerOverload) {
        f.target = w.findPool(l.target);
        if (f.target >= 0) {
            // Arrivals above what the pool can serve: its queue grows until the
            // load ends or the pool is scaled up.
            const SimPool& p = w.pools[static_cast<std::size_t>(f.target)];
            const double capacity = w.workersIn(f.target) / p.model->nominalServiceS;
            f.magnitude = rng.uniform(1.5, 1.8) * capacity;
        }
    } else if (l.kind == kWalletDrain) {
        f.target = w.findAgent(l.target);
        // Where in the window the balance reaches the reserve; the outflow rate
        // follows from it when the fault begins (beginFault).
        f.magnitude = rng.uniform(0.45, 0.7);
    } else {  // stuck-tx, failed-tx-burst
        f.target = w.findAgent(l.target);
    }
    return f;
}

void beginFault(SimWorld& w, ActiveFault& f) {
    const std::string& kind = f.label.kind;
    if (kind == kWalletDrain) {
        // A runaway token allowance pulls ETH out of the agent's hot wallet faster
        // than the treasury keeper refills it (0.1 ETH per 5 min): the balance falls
        // to what the next scheduled transactions need at `magnitude` of the window.
        const SimAgent& a = w.agents[static_cast<std::size_t>(f.target)];
        const double seconds = static_cast<double>(f.label.end - f.label.start) / 1000.0;
        const double gap = std::max(0.0, a.balanceEth - walletReserveEth(w, a));
        f.magnitude = gap / std::max(1.0, f.magnitude * seconds) + 0.1 / 300.0;
    } else if (kind == kFailedTxBurst) {
        SimAgent& a = w.agents[static_cast<std::size_t>(f.target)];
        a.badDeploy = true;
        const std::string old = a.version;
        a.version = "v2.4.0";
        w.log(w.tickStart + 1, a.id, LogLevel::Info, "deployed workflow " + a.workflow + " " + a.version + " (was " + old + ")");
    } else if (kind == kStuckTx || kind == kStuckTransfer) {
        // The agent's fee estimator returns a stale, far too low value for one
        // transfer: below the base fee and without a tip, so no block takes it, and
        // every later nonce of the agent queues behind it.
        SimAgent& a = w.agents[static_cast<std::size_t>(f.target)];
        const SimChain& c = w.chains[static_cast<std::size_t>(a.chain)];
        const TimestampMs ts = w.tickStart + a.rng.between(50, 950);
        const int decimals = c.name == "ethereum" ? 3 : 4;
        const double maxFee = rounded(std::min(c.baseFee * a.rng.uniform(0.2, 0.3), c.floorFee * a.rng.uniform(0.3, 0.6)), decimals);
        // A treasury sweep of the agent's proceeds, above the shipped policy's
        // two_person_limit (10 ETH): two people approve its replacement.
        const bool large = kind == kStuckTransfer;
        const double value = rounded(large ? a.rng.uniform(12.0, 18.0) : a.rng.uniform(0.05, 0.5), 4);
        const std::string idem = "sweep-" + a.id + "-" + std::to_string(++a.sweepSeq);
        SimTx& tx = submitTx(w, f.target, ts, idem, value, maxFee, 0.0, false);
        f.stuckHash = tx.hash;
        w.log(ts, a.id, LogLevel::Info,
              "sweeping " + fixed(value, 4) + " ETH to treasury: submitted tx " + shortHash(tx.hash) + " nonce " +
                  std::to_string(tx.nonce) + " max_fee " + fixed(maxFee, decimals) + " gwei tip 0 gwei via " +
                  w.endpoints[static_cast<std::size_t>(tx.endpoint)].name);
    }
}

void endFault(SimWorld& w, ActiveFault& f) {
    const std::string& kind = f.label.kind;
    if (kind == kWalletDrain) {
        // The allowance is revoked and the treasury refills the wallet in one transfer.
        SimAgent& a = w.agents[static_cast<std::size_t>(f.target)];
        const double topUp = std::max(0.0, a.walletTargetEth - a.balanceEth);
        a.balanceEth += topUp;
        w.log(w.tickStart + 1, "treasury-keeper", LogLevel::Info,
              "refilled " + a.id + " hot wallet with " + fixed(topUp, 4) + " ETH after revoking allowance");
    } else if (kind == kFailedTxBurst) {
        SimAgent& a = w.agents[static_cast<std::size_t>(f.target)];
        if (!a.badDeploy) return;  // already rolled back by remediation
        a.badDeploy = false;
        w.log(w.tickStart + 1, a.id, LogLevel::Warn,
              "canary check failed for " + a.workflow + " " + a.version + ", automatically rolled back to v2.3.9");
        a.version = "v2.3.9";
    } else if (kind == kStuckTx || kind == kStuckTransfer) {
        const int i = findPendingTx(w, f.stuckHash);
        if (i < 0) return;  // replaced (remediated) or mined meanwhile
        const SimTx old = w.mempool[static_cast<std::size_t>(i)];
        SimAgent& a = w.agents[static_cast<std::size_t>(old.agent)];
        double maxFee = 0, tip = 0;
        marketFees(w, old.chain, a.rng, maxFee, tip);
        const TimestampMs ts = w.tickStart + 1;
        const std::string hash = resubmitTx(w, i, TxState::Dropped, ts, maxFee, tip);
        w.log(ts, a.id, LogLevel::Warn,
              "tx " + shortHash(old.hash) + " nonce " + std::to_string(old.nonce) + " dropped from mempool after " +
                  std::to_string((ts - old.submitted) / 1000) + " s; resubmitted as " + shortHash(hash) +
                  " with max_fee " + fixed(maxFee, old.chain == 0 ? 3 : 4) + " gwei");
        f.stuckHash = hash;
    }
}

void apply(SimWorld& w, const ActiveFault& f) {
    const FaultLabel& l = f.label;
    const double len = static_cast<double>(l.end - l.start);
    const auto t = static_cast<std::size_t>(f.target);
    if (l.kind == kRpcOutage) {
        w.endpoints[t].down = true;
    } else if (l.kind == kLatencySpike) {
        const double m = 1.0 + (f.magnitude - 1.0) * envelope(w.tickStart, l, 10'000, 10'000);
        double& mult = f.hostTarget ? w.hosts[t].latencyMult : w.endpoints[t].latencyMult;
        mult = std::max(mult, m);
    } else if (l.kind == kGasSpike) {
        const double m = 1.0 + (f.magnitude - 1.0) * envelope(w.tickStart, l, std::min(30'000.0, len / 4), len / 4);
        w.chains[t].gasMult = std::max(w.chains[t].gasMult, m);
    } else if (l.kind == kWorkerOverload) {
        w.pools[t].overloadRate = std::max(w.pools[t].overloadRate, f.magnitude);
    } else if (l.kind == kWalletDrain && f.begun) {
        w.agents[t].drainEthPerS += f.magnitude;
    }
}

}  // namespace

void planCycles(SimWorld& w) {
    const TimestampMs cycleMs = w.spec.durationS * kTickMs;
    for (;;) {
        const int c = w.plannedCycles;
        if (c > 0 && (!w.spec.repeat || w.tickStart < w.start + c * cycleMs)) return;
        for (const FaultLabel& l : planFaults(w.spec, w.seed, w.start + c * cycleMs, c)) {
            ActiveFault f = resolve(w, l);
            if (f.target < 0) continue;  // cannot happen with the standard layout
            w.labels.push_back(l);
            w.faults.push_back(std::move(f));
        }
        ++w.plannedCycles;
    }
}

void stepFaults(SimWorld& w) {
    for (auto& e : w.endpoints) {
        e.down = false;
        e.latencyMult = 1.0;
    }
    for (auto& h : w.hosts) h.latencyMult = 1.0;
    for (auto& c : w.chains) c.gasMult = 1.0;
    for (auto& p : w.pools) p.overloadRate = 0.0;
    for (auto& a : w.agents) a.drainEthPerS = 0.0;
    for (auto& f : w.faults) {
        const bool active = f.label.start <= w.tickStart && w.tickStart < f.label.end;
        if (active && !f.begun) {
            f.begun = true;
            beginFault(w, f);
        }
        if (!active && f.begun && !f.ended) {
            f.ended = true;
            endFault(w, f);
        }
        if (active) apply(w, f);
    }
}

}  // namespace vigil::sim
