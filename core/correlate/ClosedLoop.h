// Scoring the engine against ground truth: a record source (the demo-fleet
// simulator, a recording) is run through a list of stages exactly as the engine
// runs them (each stage sees the input and what earlier stages emitted for it;
// every stage ticks after each batch), and the incidents are compared with the
// labelled fault windows: coverage, time to detect, anomalies per incident.
#pragma once

#include "correlate/Topology.h"
#include "record/Stage.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct FaultWindow {
    std::string kind, target;  // target typed as in metric samples: "rpc:eth-main-a"
    TimestampMs start = 0, end = 0;
};

struct LoopOutput {
    std::vector<Anomaly> anomalies;
    std::vector<Incident> incidentUpdates;  // every Incident record, in emission order
    std::int64_t inputs = 0, refused = 0;
    std::map<std::string, std::int64_t> anomaliesByDetector;
};

class StageRunner {
public:
    explicit StageRunner(std::vector<std::unique_ptr<Stage>> stages);
    void feed(const std::vector<Record>& batch, LoopOutput& out);
    void tick(TimestampMs now, LoopOutput& out);
    Stage* find(const std::string& name) const;  // by Stage::name(), null when absent
    const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

private:
    void collect(std::vector<Record>& emitted, LoopOutput& out);
    std::vector<std::unique_ptr<Stage>> stages_;
    std::vector<Record> pending_, scratch_;
    TimestampMs time_ = 0;
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
ScenarioResult scoreRun(const std::string& scenario, const std::vector<FaultWindow>& faults, const LoopOutput& run,
                        const Topology* topology, TimestampMs graceMs = 60'000);

std::optional<TimestampMs> median(std::vector<TimestampMs> v);

}  // namespace vigil
