// The engine stage for metric anomalies: one MetricAnomalyDetector per
// (series, target), fed by MetricSample records, emitting an Anomaly record
// (detector "metric.ensemble") whenever a point's score reaches the alert score.
#pragma once

#include "detect/metric/MetricAnomalyDetector.h"
#include "record/Stage.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace vigil {

struct MetricStageCounters {
    std::int64_t samples = 0, rejected_non_finite = 0, rejected_out_of_order = 0, rejected_series_limit = 0,
                 anomalies = 0;
};

class MetricDetectionStage : public Stage {
public:
    // `max_series` bounds memory: samples of further new (series, target) pairs are refused.
    explicit MetricDetectionStage(const metric::DetectorConfig& cfg = {}, std::size_t max_series = 100000);
    // Non-metric records are ignored (true). Non-finite values, timestamps going
    // backwards within a series, and series past the limit return false.
    bool process(const Record& in, std::vector<Record>& out) override;
    const char* name() const override { return "detect.metric"; }
    const MetricStageCounters& counters() const { return counters_; }
    std::string lastRejectReason() const override { return lastReason_; }
    std::size_t seriesCount() const { return detectors_.size(); }

private:
    metric::DetectorConfig cfg_;
    std::size_t max_series_;
    std::unordered_map<std::string, metric::MetricAnomalyDetector> detectors_;
    std::string key_;  // scratch for the lookup key
    MetricStageCounters counters_;
    std::string lastReason_;
};

}  // namespace vigil
