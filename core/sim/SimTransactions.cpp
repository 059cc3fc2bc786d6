// The mempool: submission, replacement, block inclusion in nonce order with the
// fee rule of EIP-1559 (max fee ≥ base fee, tip ≥ the chain's minimum), and the
// agents' warnings about transactions pending for long.
#include "sim/SimText.h"
#include "sim/SimWorld.h"

#include <algorithm>

namespace vigil::sim {

void marketFees(const SimWorld& w, int chain, Rng& rng, double& maxFee, double& tip) {
    const SimChain& c = w.chains[static_cast<std::size_t>(chain)];
    const int decimals = c.name == "ethereum" ? 3 : 4;
    tip = c.marketTip > 0 ? rounded(c.marketTip * rng.lognormal(1.0, 0.15), 3) : 0.0;
    // Twice the base fee plus the tip: the usual wallet headroom for a few blocks of
    // rising fees.
    maxFee = rounded(2.0 * c.baseFee + tip, decimals);
}

SimTx& submitTx(SimWorld& w, int agent, TimestampMs ts, const std::string& idem, double valueEth, double maxFee,
                double tip, bool willRevert) {
    SimAgent& a = w.agents[static_cast<std::size_t>(agent)];
    SimTx tx;
    tx.hash = "0x" + a.rng.hex(64);
    tx.agent = agent;
    tx.chain = a.chain;
    tx.endpoint = a.endpoint;
    tx.nonce = a.nextNonce++;
    tx.maxFee = maxFee;
    tx.tip = tip;
    tx.valueEth = valueEth;
    tx.idem = idem;
    tx.submitted = tx.lastWarn = w.clampToTick(ts);
    tx.willRevert = willRevert;
    w.txEvent(ts, tx, TxState::Submitted);
    w.mempool.push_back(std::move(tx));
    return w.mempool.back();
}

int findPendingTx(const SimWorld& w, const std::string& hash) {
    for (std::size_t i = 0; i < w.mempool.size(); ++i)
        if (w.mempool[i].hash == hash) return static_cast<int>(i);
    return -1;
}

int findPendingTx(const SimWorld& w, int agent, std::int64_t nonce) {
    for (std::size_t i = 0; i < w.mempool.size(); ++i)
        if (w.mempool[i].agent == agent && w.mempool[i].nonce == nonce) return static_cast<int>(i);
    return -1;
}

std::string resubmitTx(SimWorld& w, int i, TxState oldState, TimestampMs ts, double maxFee, double tip) {
    SimTx tx = w.mempool[static_cast<std::size_t>(i)];
    w.txEvent(ts, tx, oldState);
    w.mempool.erase(w.mempool.begin() + i);
    SimAgent& a = w.agents[static_cast<std::size_t>(tx.agent)];
    const std::string oldHash = tx.hash;
    tx.hash = "0x" + a.rng.hex(64);
    tx.endpoint = a.endpoint;
    tx.maxFee = maxFee;
    tx.tip = tip;
    tx.submitted = tx.lastWarn = ts;
    w.txEvent(ts, tx, TxState::Submitted);
    if (a.txHash == oldHash) a.txHash = tx.hash;  // the waiting task follows its transfer
    w.mempool.push_back(tx);
    return tx.hash;
}

void mineBlock(SimWorld& w, int chain, TimestampMs ts, double includeChance) {
    SimChain& c = w.chains[static_cast<std::size_t>(chain)];
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < w.mempool.size(); ++i)
        if (w.mempool[i].chain == chain) order.push_back(i);
    if (order.empty()) return;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const SimTx& a = w.mempool[x];
        const SimTx& b = w.mempool[y];
        return a.agent != b.agent ? a.agent < b.agent : a.nonce < b.nonce;
    });
    std::vector<std::size_t> mined;
    int blockedAgent = -1;
    for (std::size_t i : order) {
        const SimTx& tx = w.mempool[i];
        if (tx.agent == blockedAgent) continue;
        SimAgent& a = w.agents[static_cast<std::size_t>(tx.agent)];
        // A nonce gap or an underpriced transaction blocks every later nonce of its sender.
        if (tx.nonce != a.chainNonce || tx.maxFee < c.baseFee || tx.tip < c.minTip || !c.rng.chance(includeChance)) {
            blockedAgent = tx.agent;
            continue;
        }
        ++a.chainNonce;
        mined.push_back(i);
    }
    for (std::size_t i : mined) {
        const SimTx& tx = w.mempool[i];
        SimAgent& a = w.agents[static_cast<std::size_t>(tx.agent)];
        w.txEvent(ts, tx, tx.willRevert ? TxState::Failed : TxState::Confirmed);
        chargeGas(w, a, tx);  // reverted transactions burn their gas too
        if (a.txHash == tx.hash && a.phase == AgentPhase::AwaitingReceipt) {
            a.phase = AgentPhase::ReceiptSeen;
            a.receiptOk = !tx.willRevert;
            a.wakeAt = ts + a.rng.between(300, 1500);
        } else {
            w.log(ts, a.id, LogLevel::Info,
                  "tx " + shortHash(tx.hash) + " nonce " + std::to_string(tx.nonce) + (tx.willRevert ? " failed" : " confirmed") +
                      " in block " + std::to_string(c.blockNumber) + " after " + std::to_string((ts - tx.submitted) / 1000) +
                      " s (no task waiting)");
        }
    }
    std::sort(mined.begin(), mined.end());
    for (auto it = mined.rbegin(); it != mined.rend(); ++it) w.mempool.erase(w.mempool.begin() + static_cast<std::ptrdiff_t>(*it));
}

void watchPending(SimWorld& w) {
    for (SimTx& tx : w.mempool) {
        if (w.tickEnd - tx.submitted < 120'000 || w.tickEnd - tx.lastWarn < 60'000) continue;
        tx.lastWarn = w.tickEnd;
        const SimChain& c = w.chains[static_cast<std::size_t>(tx.chain)];
        const int decimals = c.name == "ethereum" ? 3 : 4;
        w.log(w.tickEnd, w.agents[static_cast<std::size_t>(tx.agent)].id, LogLevel::Warn,
              "tx " + shortHash(tx.hash) + " nonce " + std::to_string(tx.nonce) + " pending for " +
                  std::to_string((w.tickEnd - tx.submitted) / 1000) + " s (max_fee " + fixed(tx.maxFee, decimals) +
                  " gwei, base fee " + fixed(c.baseFee, decimals) + " gwei)");
    }
}

}  // namespace vigil::sim
