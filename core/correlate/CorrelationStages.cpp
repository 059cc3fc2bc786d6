#include "correlate/CorrelationStages.h"

#include "correlate/IncidentCorrelator.h"

namespace vigil {

CorrelationStages makeCorrelationStages(const CorrelateConfig& cfg) {
    CorrelatorConfig c;
    c.groupWindowMs = cfg.groupWindowMs;
    c.quietToResolveMs = cfg.quietToResolveMs;
    c.learnedCuts = cfg.learnedCuts;
    c.sensitivity = cfg.sensitivity;
    c.quietToMitigateMs = std::min(c.quietToMitigateMs, cfg.quietToResolveMs);
    CorrelationStages out;
    auto corr = std::make_unique<IncidentCorrelator>(c);
    out.incidents = corr.get();
    out.stages.push_back(std::move(corr));
    return out;
}

}  // namespace vigil
