// The correlation stages: consume Anomaly records, emit Incident records.
#pragma once

#include "correlate/Sensitivity.h"
#include "correlate/SeriesCuts.h"
#include "record/Stage.h"

#include <memory>
#include <vector>

namespace vigil {

struct CorrelateConfig {
    TimestampMs groupWindowMs = 120'000;  // anomalies this close may join one incident
    TimestampMs quietToResolveMs = 300'000;
    std::shared_ptr<const SeriesCutBoard> learnedCuts;  // learned per-series cuts; null: none
    std::shared_ptr<const SensitivityDial> sensitivity;  // operators' setting; null: normal
};

class IncidentCorrelator;

// The stages in the order they run, with a typed handle to the correlator.
struct CorrelationStages {
    std::vector<std::unique_ptr<Stage>> stages;
    IncidentCorrelator* incidents = nullptr;
};

CorrelationStages makeCorrelationStages(const CorrelateConfig& cfg);

}  // namespace vigil
