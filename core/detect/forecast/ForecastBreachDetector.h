// Predicts a limit breach before it happens: for each watched series on each
// target (a pool's queue against its capacity, a hot wallet's balance against
// what its scheduled transactions need, a chain's gas price against the policy's
// maximum fee, an RPC node's lag behind the head), a robust linear trend over the
// last few minutes (TrendFit: Sen's slope, Mann-Kendall test) is projected to the
// limit. A prediction ("forecast.breach") is raised when
//   - the trend is significant (Mann-Kendall z beyond `trendZ`) towards the limit,
//   - even the slope's cautious confidence bound reaches the limit within `horizonS`,
//   - the recent half of the window still heads there (a step that has
//     levelled off is not a trend),
//   - and no sample in the window was already past the limit (a breach under
//     way, or hovering at the limit, is not announced again).
// Its explanation names the expected time to breach, and time_to_breach_ms holds it
// (the policy's breach_within reads it); observed is the fitted
// level now and expected_low/high the safe side of the limit. Re-raised at most
// once per `refireMs` while it holds. Time comes from record timestamps only.
#pragma once

#include "detect/events/EventCommon.h"
#include "detect/forecast/TrendFit.h"
#include "detect/forecast/TrendWindow.h"
#include "record/Stage.h"

#include <map>
#include <string>
#include <vector>

namespace vigil::forecast {

struct ForecastWatch {
    std::string series;       // e.g. "worker.queue_depth"
    std::string limitSeries;  // a series on the same target giving the limit (empty: use `limit`)
    double limit = 0;         // constant limit when limitSeries is empty
    bool rising = true;       // breach when the series climbs to the limit (false: falls to it)
    std::string what;         // words for the explanation: "queue", "hot wallet balance"
    std::string unit;         // "" or " ETH", " gwei"
};

struct ForecastConfig {
    std::vector<ForecastWatch> watches = {
        {"worker.queue_depth", "worker.queue_capacity", 0, true, "queue", ""},
        {"wallet.balance_eth", "wallet.reserve_eth", 0, false, "hot wallet balance", " ETH"},
        // The default policy's fees.max_fee_gwei: beyond it stuck transactions cannot be bumped.
        {"gas.price_gwei", "", 500, true, "gas price", " gwei"},
        {"rpc.block_lag", "", 20, true, "lag behind the chain head", " blocks"},
    };
    TimestampMs spacingMs = 5'000;  // window points at least this far apart
    std::size_t windowPoints = 36;  // 3 minutes of points
    std::size_t minPoints = 12;     // 1 minute before a series is judged
    double trendZ = 3.09;           // one-sided 0.1 % Mann-Kendall test
    double intervalZ = 1.96;        // 95 % interval of the slope
    double horizonS = 600;          // predictions reach at most 10 minutes ahead
    TimestampMs refireMs = 60'000;
    std::size_t maxKeys = 4096;
};

class ForecastBreachDetector final : public Stage {
public:
    explicit ForecastBreachDetector(ForecastConfig cfg = {});
    bool process(const Record& in, std::vector<Record>& out) override;
    const char* name() const override { return "event.forecast"; }
    std::uint32_t reads() const override { return kindBit(RecordKind::Metric); }
    bool readsSeries(std::string_view series) const override;  // a watch's series or its limit's
    std::unique_ptr<Stage> clone() const override { return std::make_unique<ForecastBreachDetector>(*this); }
    const events::RejectCounters& counters() const { return counters_; }
    std::string lastRejectReason() const override { return counters_.lastReason; }
    std::uint64_t evictions() const override { return table_.evicted() + limits_.evicted(); }
    const ForecastConfig& config() const { return cfg_; }

private:
    struct KeyState {
        TrendWindow win;  // t in seconds since `origin`; at most windowPoints, oldest first
        TrendWindow recent;  // the same points' newest minPoints: its line is the newest minute's
        TimestampMs origin = 0, newest = 0, lastPoint = 0;
        TimestampMs lastPast = -1;  // last sample at or past the limit
        bool seen = false;
        events::AlarmLatch alarm;
    };
    struct LimitState {
        double value = 0;
        bool seen = false;
    };
    // "<series>|<target>" in a reused buffer (valid until the next call): a watched
    // sample looks up its key and its limit's, and most keys outgrow the small-string buffer.
    const std::string& keyOf(const std::string& series, const std::string& target);
    // The watch of this series, or null; `limit`: the series is some watch's limit.
    const ForecastWatch* watchOf(std::string_view series, bool& limit) const;
    bool onLimit(const MetricSample& m);
    void judge(const ForecastWatch& w, const MetricSample& m, KeyState& s, std::vector<Record>& out);

    ForecastConfig cfg_;
    KeyedTable<KeyState> table_;
    KeyedTable<LimitState> limits_;  // "<limit series>|<target>"
    events::RejectCounters counters_;
    std::uint64_t seq_ = 0;
    std::string key_;  // keyOf's buffer
};

}  // namespace vigil::forecast
