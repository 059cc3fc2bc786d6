// Scoring incidents against ground truth: the incidents a run produced are
// compared with the labelled fault windows (coverage, time to detect,
// anomalies per incident). How the run was produced is not this file's concern
// (engine/ScenarioEvaluation runs the demo fleet through the real Engine).
#pragma once

#include "correlate/Topology.h"
#include "record/Record.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct FaultWindow {
    std::string kind, target;  // target typed as in metric samples: "rpc:eth-main-a"
    TimestampMs start = 0, end = 0;
};

// What a run emitted, in emission order.
struct RunOutput {
    std::vector<Anomaly> anomalies;
    std::vector<Incident> incidentUpdates;  // every Incident record
    std::int64_t inputs = 0, refused = 0;
    std::map<std::string, std::int64_t> anomaliesByDetector;
};

struct FaultResult {
    FaultWindow fault;
    bool covered = false;
    std::string incident;             // the first incident that covered it
    TimestampMs detectMs = -1;        // first covering incident record - fault start
};

struct ScenarioResult {
    std::string scenario;
    std::vector<FaultResult> faults;
    std::int64_t anomalies = 0;
    std::int64_t incidents = 0;       // distinct incident ids
    std::int64_t incidentRecords = 0;
    double coverage = 1.0;            // covered / labelled (1 when nothing is labelled)
    std::optional<TimestampMs> medianDetectMs;
    double reduction = 0.0;           // 1 - incidents / anomalies
};

// An incident record covers a fault when it is not a resolution, lies in
// [start, end + graceMs], and its cause or one of its targets is the fault's
// target or directly linked to it in the topology (an agent using the endpoint).
ScenarioResult scoreRun(const std::string& scenario, const std::vector<FaultWindow>& faults, const RunOutput& run,
                        const Topology* topology, TimestampMs graceMs = 60'000);

std::optional<TimestampMs> median(std::vector<TimestampMs> v);

}  // namespace vigil
