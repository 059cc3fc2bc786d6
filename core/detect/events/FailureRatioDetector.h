// Repeated task/API failures: for each endpoint, workflow and agent, a Bernoulli
// CUSUM of task outcomes against that key's own learned failure rate. A single
// unlucky failure only moves the statistic part of the way; a burst crosses the
// threshold within a few events. Detector name "task.failure_ratio". The same test
// on each agent's transaction outcomes (confirmed vs failed on chain) is
// "tx.failure_ratio": retries can hide reverts from task outcomes for minutes.
#pragma once

#include "detect/events/EventCommon.h"
#include "record/Stage.h"

#include <array>

namespace vigil::events {

struct FailureRatioConfig {
    double priorFailureRate = 0.02;   // before a key has history
    double priorWeight = 50.0;        // pseudo-events behind the prior
    double baselineHalfLife = 400.0;  // events: how fast the learned rate forgets
    double minBaseline = 0.01;        // floor: keeps the log-likelihood ratio finite
    double alternativeFactor = 5.0;   // the alarm hypothesis: p1 = max(p0*factor, p0+shift)
    double alternativeShift = 0.25;
    double threshold = 10.0;          // CUSUM decision level (log-likelihood units)
    int minEvents = 10;               // per key, before it may fire (the prior already steadies p0)
    TimestampMs refireMs = 30'000;    // while still failing, re-emit at most this often
    TimestampMs reorderSlackMs = 2'000;  // older than the key's newest by more: refused
    std::size_t maxKeys = 4096;
    bool perEndpoint = true, perWorkflow = true, perAgent = true, txPerAgent = true;
};

class FailureRatioDetector final : public Stage {
public:
    explicit FailureRatioDetector(FailureRatioConfig cfg = {});
    bool process(const Record& in, std::vector<Record>& out) override;
    const char* name() const override { return "event.failure_ratio"; }
    std::uint32_t reads() const override { return kindBit(RecordKind::Task) | kindBit(RecordKind::Tx); }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<FailureRatioDetector>(*this); }

    const RejectCounters& counters() const { return counters_; }
    std::string lastRejectReason() const override { return counters_.lastReason; }
    std::uint64_t evictions() const override { return table_.evicted(); }
    std::size_t keys() const { return table_.size(); }

private:
    static constexpr std::size_t kRecent = 32;
    struct Outcome {
        bool failed = false;
        std::string error;
    };
    struct KeyState {
        double wFail = 0, wTotal = 0;  // exponentially forgotten counts
        double cusum = 0;
        std::int64_t events = 0;
        TimestampMs newest = 0, burstStart = 0;
        AlarmLatch alarm;
        std::array<Outcome, kRecent> recent{};
        std::size_t recentNext = 0, recentCount = 0;
    };
    struct Outcomes {
        const char* detector;  // "task.failure_ratio" | "tx.failure_ratio"
        bool transactions;     // which explanation messages: tasks' or transactions'
        TimestampMs ts;
        bool failed;
        const std::string& error;
    };
    bool processTx(const TxEvent& t, std::vector<Record>& out);
    bool tooOld(const std::string& key, TimestampMs ts) const;
    void observe(const std::string& key, const std::string& target, const Outcomes& o, std::vector<Record>& out);
    double baseline(const KeyState& s) const;
    Anomaly describe(const std::string& target, const KeyState& s, const Outcomes& o, double p0);

    FailureRatioConfig cfg_;
    double decay_;
    KeyedTable<KeyState> table_;
    RejectCounters counters_;
    std::uint64_t seq_ = 0;
};

}  // namespace vigil::events
