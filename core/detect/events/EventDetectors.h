// The platform event detectors as engine stages, built from one configuration.
// Each consumes TaskEvent / TxEvent / MetricSample records and emits Anomaly
// records; time comes from record timestamps only and memory is bounded per key.
#pragma once

#include "detect/events/FailureRatioDetector.h"
#include "detect/events/GasSpikeDetector.h"
#include "detect/events/LevelShiftDetector.h"
#include "detect/events/QueueGrowthDetector.h"
#include "detect/events/TxDelayDetector.h"
#include "detect/forecast/ForecastBreachDetector.h"

#include <memory>
#include <vector>

namespace vigil {

struct EventDetectConfig {
    bool failures = true, transactions = true, gas = true, queues = true, levels = true, forecasts = true;
    events::FailureRatioConfig failure;
    events::TxDelayConfig tx;
    events::GasSpikeConfig gasSpike;
    events::QueueGrowthConfig queue;
    events::LevelShiftConfig level;
    forecast::ForecastConfig forecast;
};

// Stages named "event.failure_ratio", "event.tx_delay", "event.gas_spike",
// "event.queue_growth", "event.level_shift", "event.forecast" (in that order).
std::vector<std::unique_ptr<Stage>> makeEventDetectors(const EventDetectConfig& cfg = {});

}  // namespace vigil
