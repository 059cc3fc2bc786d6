// Worker queue growth: a pool's worker.queue_depth rising steadily, not just
// high for a moment. At two time scales (points ~2 s and ~10 s apart, so a fast
// pile-up and a slow creep are both seen) the Mann-Kendall trend test must be
// significant and the fitted slope positive, and the depth must be well above
// its own learned normal band. Detector name "worker.queue_growth".
#pragma once

#include "detect/events/EventCommon.h"
#include "record/SameText.h"
#include "record/Stage.h"

#include <array>

namespace vigil::events {

struct QueueGrowthConfig {
    std::string series = "worker.queue_depth";
    static constexpr std::size_t kWindow = 12;  // points per trend window
    std::array<TimestampMs, 2> spacingMs = {2'000, 10'000};  // window points at least this far apart
    std::size_t minSamples = 6;       // points in a window before it is judged (span >= 5 spacings)
    double trendZ = 2.5;              // Mann-Kendall z needed
    double bandSigmas = 4.0;          // depth above mean + k * deviation
    double minExcess = 4.0;           // and at least this many items above the mean
    double baselineHalfLife = 200;    // samples
    int warmupSamples = 20;
    TimestampMs refireMs = 60'000;
    std::size_t maxKeys = 1024;
};

class QueueGrowthDetector final : public Stage {
public:
    explicit QueueGrowthDetector(QueueGrowthConfig cfg = {});
    bool process(const Record& in, std::vector<Record>& out) override;
    const char* name() const override { return "event.queue_growth"; }
    std::uint32_t reads() const override { return kindBit(RecordKind::Metric); }
    bool readsSeries(std::string_view series) const override { return sameText(series, cfg_.series); }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<QueueGrowthDetector>(*this); }
    const RejectCounters& counters() const { return counters_; }
    std::string lastRejectReason() const override { return counters_.lastReason; }
    std::uint64_t evictions() const override { return table_.evicted(); }

private:
    struct Point {
        TimestampMs ts = 0;
        double v = 0;
    };
    struct Window {
        std::array<Point, QueueGrowthConfig::kWindow> pts{};
        std::size_t next = 0, count = 0;
        void add(Point p, TimestampMs spacing);
    };
    struct Trend {
        double z = 0, slopePerMin = 0;
        TimestampMs from = 0;
    };
    struct KeyState {
        std::array<Window, 2> windows;
        double mean = 0, dev = 1;  // EW mean and mean absolute deviation of the depth
        long long samples = 0;
        TimestampMs newest = 0, since = 0;
        AlarmLatch alarm;
    };
    bool trend(const Window& w, TimestampMs spacing, Trend& t) const;

    QueueGrowthConfig cfg_;
    double alpha_;
    KeyedTable<KeyState> table_;
    RejectCounters counters_;
    std::uint64_t seq_ = 0;
};

}  // namespace vigil::events
