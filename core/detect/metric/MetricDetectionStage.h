// The engine stage for metric anomalies: one MetricAnomalyDetector per
// (series, target), fed by MetricSample records, emitting an Anomaly record
// (detector "metric.ensemble") whenever a point's score reaches the alert score.
#pragma once

#include "detect/metric/MetricAnomalyDetector.h"
#include "record/KeyedTable.h"
#include "record/Stage.h"

#include <cstdint>
#include <string>

namespace vigil {

struct MetricStageCounters {
    std::int64_t samples = 0, rejected_non_finite = 0, rejected_out_of_order = 0, anomalies = 0;
};

class MetricDetectionStage : public Stage {
public:
    // `max_series` bounds memory (a detector is a few kB): a new (series, target) pair
    // beyond it replaces the pair updated least recently, which starts afresh if it
    // comes back. O(1) per sample however many pairs pass by.
    explicit MetricDetectionStage(const metric::DetectorConfig& cfg = {}, std::size_t max_series = 20'000);
    // Non-metric records are ignored (true). Non-finite values and timestamps going
    // backwards within a series return false.
    bool process(const Record& in, std::vector<Record>& out) override;
    const char* name() const override { return "detect.metric"; }
    std::uint32_t reads() const override { return kindBit(RecordKind::Metric); }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<MetricDetectionStage>(*this); }
    const MetricStageCounters& counters() const { return counters_; }
    std::string lastRejectReason() const override { return lastReason_; }
    std::size_t seriesCount() const { return detectors_.size(); }
    // Series forgotten (least recently updated) to stay within max_series.
    std::uint64_t evictions() const override { return detectors_.evicted(); }

private:
    struct MakeDetector {  // a new pair's detector, with the stage's settings
        metric::DetectorConfig cfg;
        metric::MetricAnomalyDetector operator()() const { return metric::MetricAnomalyDetector(cfg); }
    };
    // Keyed "<series>\x1f<target>"; copies (Stage::clone()) relink their recency list
    // and start their hint cache empty (KeyedTable).
    KeyedTable<metric::MetricAnomalyDetector, MakeDetector> detectors_;
    std::string key_;  // scratch for the lookup key
    MetricStageCounters counters_;
    std::string lastReason_;
};

}  // namespace vigil
