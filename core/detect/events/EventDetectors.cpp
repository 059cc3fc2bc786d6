#include "detect/events/EventDetectors.h"

namespace vigil {

std::vector<std::unique_ptr<Stage>> makeEventDetectors(const EventDetectConfig& cfg) {
    std::vector<std::unique_ptr<Stage>> stages;
    if (cfg.failures) stages.push_back(std::make_unique<events::FailureRatioDetector>(cfg.failure));
    if (cfg.transactions) stages.push_back(std::make_unique<events::TxDelayDetector>(cfg.tx));
    if (cfg.gas) stages.push_back(std::make_unique<events::GasSpikeDetector>(cfg.gasSpike));
    if (cfg.queues) stages.push_back(std::make_unique<events::QueueGrowthDetector>(cfg.queue));
    if (cfg.levels) stages.push_back(std::make_unique<events::LevelShiftDetector>(cfg.level));
    if (cfg.forecasts) stages.push_back(std::make_unique<forecast::ForecastBreachDetector>(cfg.forecast));
    return stages;
}

}  // namespace vigil
