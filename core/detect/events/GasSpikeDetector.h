// Gas price spikes: each chain's gas.price_gwei against its own recent history
// in log space. Fires when the price is both far out in sigmas and a real
// multiple of the usual level, for a few samples in a row (one odd block is not
// a spike). Detector name "gas.spike".
#pragma once

#include "detect/events/EventCommon.h"
#include "detect/events/LogNormalBaseline.h"
#include "record/SameText.h"
#include "record/Stage.h"

namespace vigil::events {

struct GasSpikeConfig {
    std::string series = "gas.price_gwei";
    double halfLife = 120;        // samples
    double minSigma = 0.08;       // of log price: gas always wobbles a little
    double zThreshold = 4.0;
    double minRatio = 2.0;        // and at least this multiple of the median (calm wobbles reach 1.6x)
    int confirmSamples = 2;       // consecutive samples above both
    int minSamples = 20;          // per chain, before it may fire
    TimestampMs refireMs = 60'000;
    TimestampMs acceptNewLevelMs = 30 * 60'000;  // a spike that lasts this long is the new level
    std::size_t maxKeys = 256;
};

class GasSpikeDetector final : public Stage {
public:
    explicit GasSpikeDetector(GasSpikeConfig cfg = {});
    bool process(const Record& in, std::vector<Record>& out) override;
    const char* name() const override { return "event.gas_spike"; }
    std::uint32_t reads() const override { return kindBit(RecordKind::Metric); }
    bool readsSeries(std::string_view series) const override { return sameText(series, cfg_.series); }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<GasSpikeDetector>(*this); }
    const RejectCounters& counters() const { return counters_; }
    std::string lastRejectReason() const override { return counters_.lastReason; }
    std::uint64_t evictions() const override { return table_.evicted(); }

private:
    struct KeyState {
        LogNormalBaseline base{1, 0.3, 120, 0.08};
        TimestampMs newest = 0, since = 0;
        int above = 0;
        AlarmLatch alarm;
        bool seen = false;
    };
    GasSpikeConfig cfg_;
    KeyedTable<KeyState> table_;
    RejectCounters counters_;
    std::uint64_t seq_ = 0;
};

}  // namespace vigil::events
