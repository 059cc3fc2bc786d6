// The one place that decides which stages run, in which order. Every front end
// (GUI, `vigilctl run`, `vigilctl replay`, evaluation) builds its engine through
// this, so the same log and policy give the same incidents everywhere.
#pragma once

#include "correlate/CorrelationStages.h"
#include "detect/DetectionStages.h"
#include "engine/Engine.h"
#include "silence/SilenceMarker.h"

namespace vigil {

struct PipelineConfig {
    DetectConfig detect;
    CorrelateConfig correlate;
    // Active silences: with a board, the detectors' anomalies are marked and the
    // correlator's incidents (silence/SilenceMarker.h); without, nothing changes.
    silence::SilenceWiring silences;
};

// Typed handles to the default pipeline's stages (null when switched off), so
// callers need no lookup by name. Stage state belongs to the engine thread: read
// it only before start(), after stop(), or from a sink.
struct PipelineStages {
    MetricDetectionStage* metrics = nullptr;
    LogAnomalyStage* logs = nullptr;
    IncidentCorrelator* incidents = nullptr;
};

PipelineStages installDefaultStages(Engine& engine, const PipelineConfig& cfg = {});

}  // namespace vigil
