#include "correlate/CorrelationStages.h"

#include "correlate/IncidentCorrelator.h"

namespace vigil {

std::vector<std::unique_ptr<Stage>> makeCorrelationStages(const CorrelateConfig& cfg) {
    CorrelatorConfig c;
    c.groupWindowMs = cfg.groupWindowMs;
    c.quietToResolveMs = cfg.quietToResolveMs;
    c.quietToMitigateMs = std::min(c.quietToMitigateMs, cfg.quietToResolveMs);
    std::vector<std::unique_ptr<Stage>> stages;
    stages.push_back(std::make_unique<IncidentCorrelator>(c));
    return stages;
}

}  // namespace vigil
