// Transactions: (1) "tx.stuck" — a submitted transaction neither confirmed nor
// replaced long after the chain's usual confirmation delay; the explanation
// compares its fee with the current fee market. (2) "tx.confirmation_delay" —
// confirmation delays of a chain rising above their own baseline (one-sided
// CUSUM on the standardised log delay, robust to a single slow block).
#pragma once

#include "detect/events/EventCommon.h"
#include "detect/events/LogNormalBaseline.h"
#include "record/Stage.h"

#include <deque>
#include <map>
#include <optional>
#include <unordered_set>

namespace vigil::events {

struct TxDelayConfig {
    double priorDelayMs = 15'000;     // before a chain has confirmations
    double priorSigma = 0.6;          // of log delay
    double minSigma = 0.25;
    double halfLife = 200;            // confirmations
    double stuckSigmas = 4.0;         // pending past exp(mu + k sigma) is stuck
    TimestampMs minStuckMs = 60'000;  // never call a tx stuck sooner ...
    // ... unless its max fee is below the current gas price: no block can take it,
    // so it is stuck once it has missed this long (and 1.5 usual delays).
    TimestampMs underpricedStuckMs = 15'000;
    TimestampMs maxPendingMs = 6 * 3'600'000;  // then forget it (counted as abandoned)
    std::size_t maxPending = 50'000;
    double delayK = 1.0, delayThreshold = 8.0;  // CUSUM reference and decision level (sigmas)
    double maxStepSigmas = 4.0;       // one confirmation moves the CUSUM at most this much
    int minConfirmations = 20;        // per chain, before delay alarms
    TimestampMs refireMs = 60'000;
    TimestampMs checkEveryMs = 1'000; // stuck scan cadence in record time
    TimestampMs reorderSlackMs = 2'000;
    std::size_t maxChains = 256;
    double gasPriceHalfLife = 100;    // samples of gas.price_gwei / submitted fees
};

class TxDelayDetector final : public Stage {
public:
    explicit TxDelayDetector(TxDelayConfig cfg = {});
    bool process(const Record& in, std::vector<Record>& out) override;
    void tick(TimestampMs now, std::vector<Record>& out) override;
    const char* name() const override { return "event.tx_delay"; }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<TxDelayDetector>(*this); }

    const RejectCounters& counters() const { return counters_; }
    std::string lastRejectReason() const override { return counters_.lastReason; }
    // Chains forgotten, and pending transactions dropped by the pending cap or age.
    std::uint64_t evictions() const override { return chains_.evicted() + abandoned_; }
    std::size_t pending() const { return pending_.size(); }
    std::uint64_t abandoned() const { return abandoned_; }
    // Submissions that superseded a pending one of the same sender, chain and nonce.
    std::uint64_t replacements() const { return replacements_; }
    // `submitted` lines for a hash already pending: ignored, counted.
    std::uint64_t duplicates() const { return duplicates_; }

private:
    struct Pending {
        TxEvent tx;              // the newest submission of this nonce
        TimestampMs since = 0;   // the first submission of this nonce still pending: the stuck clock
        bool flagged = false;
    };
    struct ChainState {
        LogNormalBaseline delay;
        std::optional<double> gasNow;  // latest gas.price_gwei
        double feeEw = 0;              // recent submitted max fees (EW mean)
        long long fees = 0;
        double cusum = 0;
        TimestampMs newest = 0, riseStart = 0;
        AlarmLatch alarm;
        ChainState() : delay(15'000, 0.6, 200, 0.25) {}
    };
    ChainState& chain(const std::string& name, TimestampMs ts);
    void onConfirmed(ChainState& c, const std::string& chainName, const Pending& p, TimestampMs ts,
                     std::vector<Record>& out);
    void scan(TimestampMs now, std::vector<Record>& out);
    void submit(ChainState& c, const TxEvent& t);
    // Takes the hash by value: callers pass strings that live in the maps it erases from.
    void erase(std::string hash);

    TxDelayConfig cfg_;
    KeyedTable<ChainState> chains_;
    // Pending transactions by (first submission of the nonce, hash) so the scan starts
    // at the oldest.
    std::map<std::pair<TimestampMs, std::string>, Pending> pending_;
    std::unordered_map<std::string, TimestampMs> byHash_;  // hash -> its key's time in pending_
    std::unordered_map<std::string, std::string> byNonce_;  // chain/agent/nonce -> hash
    // Hashes that left pending_ lately (confirmed, failed, replaced, ...), so that a
    // duplicated `submitted` line arriving after them does not start a new wait.
    // Kept as 64-bit digests (FNV-1a), not strings: up to maxPending of them live in
    // every replay checkpoint, and as strings they were half of a long replay's
    // peak memory (≈ 260 bytes each; now ≈ 50). Two hashes sharing a digest
    // (odds ≈ 1e-10 at the cap) would make one's duplicate line look seen.
    std::unordered_set<std::uint64_t> finished_;
    std::deque<std::uint64_t> finishedOrder_;
    RejectCounters counters_;
    std::uint64_t seq_ = 0, abandoned_ = 0, unmatched_ = 0, replacements_ = 0, duplicates_ = 0;
    TimestampMs lastScan_ = 0, newest_ = 0;
};

}  // namespace vigil::events
