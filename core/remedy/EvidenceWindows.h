// The recent points of every series, kept as evidence for approval requests: a
// person deciding on a fee-bump replacement sees how long the agent's oldest
// transaction has been pending, on a failover the endpoint's error rate.
// Fed with the engine's input records in order, on engine time (the records'
// own timestamps). window() cuts at the decision's time, so the same records
// give the same window however they were batched. Bounded: kKeep points per
// series (kPoints shown, the rest slack for records of the deciding batch that
// come after the decision) and kMaxSeries series (the least recently fed go first).
#pragma once

#include "record/Record.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace vigil::remedy {

class EvidenceWindows {
public:
    static constexpr std::size_t kPoints = 120;
    static constexpr std::size_t kKeep = 2 * kPoints;
    static constexpr std::size_t kMaxSeries = 4096;
    static constexpr std::size_t kMaxPendingPerAgent = 256;
    // The series derived from transactions: per "agent:NAME", the age in ms of
    // its oldest unconfirmed transaction at each of its transaction events and,
    // while one is pending, once per kTxSampleMs of record time (the series
    // the tx.stuck detector reports on).
    static constexpr const char* kTxPendingSeries = "tx.pending_ms";
    static constexpr TimestampMs kTxSampleMs = 1000;

    using Point = std::pair<TimestampMs, double>;

    // Metrics are kept as they come; transaction events feed kTxPendingSeries.
    void observe(const Record& r);
    // The newest kPoints points of (series, target) at or before upTo, oldest first.
    std::vector<Point> points(const std::string& series, const std::string& target, TimestampMs upTo) const;
    // The request's metric window: the anomaly that gave the fault away
    // (detector, series, target, observed, expected range, score, ts) and
    // "points":[[ts,value],...] of its series up to `upTo`. Compact JSON, as
    // the console's evidence chart reads it.
    std::string window(const Anomaly& evidence, TimestampMs upTo) const;
    std::size_t seriesCount() const { return series_.size(); }

private:
    struct Buffer {
        std::deque<Point> points;
        std::uint64_t fed = 0;  // feed counter when last fed, for eviction
    };
    void push(const std::string& series, const std::string& target, TimestampMs ts, double v);
    void observeTx(const TxEvent& tx);
    void samplePending(TimestampMs t);

    std::map<std::pair<std::string, std::string>, Buffer> series_;  // (series, target)
    std::map<std::string, std::map<std::string, TimestampMs>> pending_;  // agent target -> tx hash -> submitted
    std::uint64_t fed_ = 0;
    TimestampMs nextSample_ = 0;  // record time of the next pending-age sample
};

}  // namespace vigil::remedy
