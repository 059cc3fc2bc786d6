// Sustained degradation of an upstream: an endpoint's latency or error rate, a
// host's network latency, shifted well above its own baseline for several
// samples in a row. A one-sided CUSUM on the standardised log value with a large
// reference (only big shifts count) and a capped step (one outlier cannot fire
// it). Detector name "level.shift"; series and target are the sample's.
#pragma once

#include "detect/events/EventCommon.h"
#include "record/Stage.h"

#include <vector>

namespace vigil::events {

struct LevelShiftSeries {
    std::string series;
    double offset = 1.0;  // added before the log so zeros are fine (error rates)
};

struct LevelShiftConfig {
    std::vector<LevelShiftSeries> series = {
        {"rpc.latency_ms", 1.0}, {"rpc.error_rate", 0.05}, {"net.latency_ms", 1.0}};
    double halfLife = 600;      // samples
    double minSigma = 0.08;     // of the log value
    double reference = 2.0;     // CUSUM k, in sigmas
    double threshold = 12.0;    // CUSUM h, in sigmas
    double maxStep = 6.0;       // z is capped at this before it enters the CUSUM
    double minRatio = 2.5;      // and the value must be this multiple of the usual (calm drift reaches ~1.9x)
    int warmupSamples = 60;
    TimestampMs refireMs = 30'000;
    std::size_t maxKeys = 2048;
};

class LevelShiftDetector final : public Stage {
public:
    explicit LevelShiftDetector(LevelShiftConfig cfg = {});
    bool process(const Record& in, std::vector<Record>& out) override;
    const char* name() const override { return "event.level_shift"; }
    std::uint32_t reads() const override { return kindBit(RecordKind::Metric); }
    bool readsSeries(std::string_view series) const override { return watched(series) != nullptr; }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<LevelShiftDetector>(*this); }
    const RejectCounters& counters() const { return counters_; }
    std::string lastRejectReason() const override { return counters_.lastReason; }
    std::uint64_t evictions() const override { return table_.evicted(); }

private:
    struct KeyState {
        double mu = 0, mad = 0;
        long long samples = 0;
        double cusum = 0;
        TimestampMs newest = 0, since = 0;
        AlarmLatch alarm;
    };
    const LevelShiftSeries* watched(std::string_view series) const;

    LevelShiftConfig cfg_;
    double alpha_;
    KeyedTable<KeyState> table_;
    std::string key_;  // scratch for the per-sample key
    RejectCounters counters_;
    std::uint64_t seq_ = 0;
};

}  // namespace vigil::events
