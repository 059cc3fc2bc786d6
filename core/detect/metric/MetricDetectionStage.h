// The engine stage for metric anomalies: one MetricAnomalyDetector per
// (series, target), fed by MetricSample records, emitting an Anomaly record
// (detector "metric.ensemble") whenever a point's score reaches the alert score.
#pragma once

#include "record/Recency.h"
#include "record/SeriesHintCache.h"

#include "detect/metric/MetricAnomalyDetector.h"
#include "record/Stage.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace vigil {

struct MetricStageCounters {
    std::int64_t samples = 0, rejected_non_finite = 0, rejected_out_of_order = 0, anomalies = 0;
    std::int64_t evicted = 0;  // series forgotten (least recently updated) to stay within max_series
};

class MetricDetectionStage : public Stage {
public:
    // `max_series` bounds memory (a detector is a few kB): a new (series, target) pair
    // beyond it replaces the pair updated least recently, which starts afresh if it
    // comes back. O(1) per sample however many pairs pass by.
    explicit MetricDetectionStage(const metric::DetectorConfig& cfg = {}, std::size_t max_series = 20'000);
    // Copies point their entries at their own recency list (record/Recency.h); every
    // member listed but the hint cache, which a copy starts empty.
    MetricDetectionStage(const MetricDetectionStage& o)
        : cfg_(o.cfg_),
          max_series_(o.max_series_),
          detectors_(o.detectors_),
          recency_(o.recency_),
          key_(o.key_),
          counters_(o.counters_),
          lastReason_(o.lastReason_) {
        recency_.relink(detectors_);
    }
    // Non-metric records are ignored (true). Non-finite values and timestamps going
    // backwards within a series return false.
    bool process(const Record& in, std::vector<Record>& out) override;
    const char* name() const override { return "detect.metric"; }
    std::uint32_t reads() const override { return kindBit(RecordKind::Metric); }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<MetricDetectionStage>(*this); }
    const MetricStageCounters& counters() const { return counters_; }
    std::string lastRejectReason() const override { return lastReason_; }
    std::size_t seriesCount() const { return detectors_.size(); }
    std::uint64_t evictions() const override { return static_cast<std::uint64_t>(counters_.evicted); }

private:
    metric::DetectorConfig cfg_;
    std::size_t max_series_;
    struct Entry {
        metric::MetricAnomalyDetector detector;
        Recency<std::string>::Mark recency;
        SeriesHint hint{};  // the last one it was remembered under, forgotten when evicted
    };
    std::unordered_map<std::string, Entry> detectors_;
    SeriesHintCache<Entry> hints_;
    Recency<std::string> recency_;  // which pair was updated least recently
    std::string key_;  // scratch for the lookup key
    MetricStageCounters counters_;
    std::string lastReason_;
};

}  // namespace vigil
