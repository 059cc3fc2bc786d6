// Hot wallets: every agent that sends transactions pays their gas from its own
// wallet. A treasury keeper tops each wallet up towards its target, at most
// kKeeperStepEth per 5 minutes (a rate-limited treasury signer), which covers calm
// spending many times over. A wallet-drain fault adds an outflow the keeper cannot
// match; below what the next kReserveTxs transactions need, the scheduler warns.
#include "sim/SimText.h"
#include "sim/SimWorld.h"

#include <algorithm>

namespace vigil::sim {
namespace {

constexpr double kKeeperStepEth = 0.1;
constexpr std::int64_t kKeeperEveryTicks = 300;

}  // namespace

double gasLimitOf(const std::string& workflow) {
    if (workflow == "airdrop_claim") return 120'000;
    if (workflow == "rebalance") return 250'000;
    return 60'000;
}

double walletReserveEth(const SimWorld& w, const SimAgent& a) {
    const SimChain& c = w.chains[static_cast<std::size_t>(a.chain)];
    // Priced as the agents price a transaction (marketFees: twice the base fee plus the tip).
    return kReserveTxs * gasLimitOf(a.workflow) * (2.0 * c.baseFee + c.marketTip) * 1e-9;
}

void chargeGas(SimWorld& w, SimAgent& a, const SimTx& tx) {
    if (!a.hasWallet) return;
    const SimChain& c = w.chains[static_cast<std::size_t>(tx.chain)];
    const double price = std::min(tx.maxFee, c.baseFee + tx.tip);
    a.balanceEth = std::max(0.0, a.balanceEth - 0.8 * gasLimitOf(a.workflow) * price * 1e-9);
}

void stepWallets(SimWorld& w) {
    const TimestampMs t = w.tickEnd;
    for (std::size_t i = 0; i < w.agents.size(); ++i) {
        SimAgent& a = w.agents[i];
        if (!a.hasWallet || a.removed) continue;
        a.balanceEth = std::max(0.0, a.balanceEth - a.drainEthPerS * static_cast<double>(kTickMs) / 1000.0);
        if ((w.tickIndex + 37 * static_cast<std::int64_t>(i)) % kKeeperEveryTicks == 0 && a.balanceEth < a.walletTargetEth)
            a.balanceEth += std::min(kKeeperStepEth, a.walletTargetEth - a.balanceEth);
        const double reserve = walletReserveEth(w, a);
        if (a.balanceEth < reserve && t - a.lowWarnAt >= 60'000) {
            a.lowWarnAt = t;
            w.log(t, "scheduler", LogLevel::Warn,
                  a.id + " hot wallet holds " + fixed(a.balanceEth, 6) + " ETH, less than the " + fixed(reserve, 6) +
                      " ETH its next " + std::to_string(kReserveTxs) + " transactions need");
        }
        if ((w.tickIndex + static_cast<std::int64_t>(i) + 3) % 5 == 0) {
            w.metric(t, "wallet.balance_eth", a.target, rounded(a.balanceEth, 6));
            w.metric(t, "wallet.reserve_eth", a.target, rounded(reserve, 6));
        }
    }
}

}  // namespace vigil::sim
