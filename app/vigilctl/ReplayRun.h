// The pieces of `vigilctl replay` shared by a plain replay (cmd_replay.cpp)
// and a what-if comparison (ReplayWhatIf.cpp): the options, one engine on a
// virtual clock with the default stages and, under a policy, the planner whose
// actions are only ever recorded (a replay never sends anything), and the
// incident report of a run.
#pragma once

#include "engine/Pipeline.h"
#include "eval/IncidentReport.h"
#include "eval/RunRecords.h"
#include "record/Clock.h"
#include "remedy/Actuator.h"
#include "remedy/LivePolicy.h"
#include "replay/LogFileReader.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>

class QCommandLineParser;

namespace vigilctl {

// One run's configuration: the policy (none: detection and correlation only)
// and the detector settings.
struct RunSpec {
    std::optional<vigil::remedy::Policy> policy;
    vigil::PipelineConfig cfg;
    std::string label;  // "policy.yaml", "shipped policy, detect.logs=off"
};

struct ReplayOptions {
    QString log;
    QString db;        // empty: no database
    double speed = 0;  // 0 = as fast as possible
    QString report;    // empty: no report
    QString incident;  // report only this incident (empty: every one)
    RunSpec a, b;      // b only with compare
    bool compare = false;
    bool json = false;
};

// --policy, --setting, --compare, --compare-setting, --json into o (after the
// other options); nothing when the command goes on, else the exit code.
std::optional<int> parseWhatIf(const QCommandLineParser& p, ReplayOptions& o);

class ReplayEngine {
public:
    explicit ReplayEngine(const RunSpec& spec);
    vigil::Engine& engine() { return engine_; }
    vigil::RunRecords take() { return recorder_.take(label_); }  // after stop()

private:
    std::string label_;
    vigil::VirtualClock clock_;  // engine time follows the records
    std::unique_ptr<vigil::remedy::LivePolicy> policy_;
    vigil::remedy::RecordingActuator actuator_;  // a replay never sends anything
    vigil::RunRecorder recorder_;
    vigil::Engine engine_;  // last: its thread stops before the rest goes
};

// Reads the log batch by batch into a started engine (paced by recorded time
// when speed > 0); returns the wall seconds it took (cmd_replay.cpp).
double feedLog(vigil::LogFileReader& reader, vigil::Engine& engine, double speed);

// The report of a run of o.log: its incidents, their charts read from the log.
vigil::IncidentReport replayReport(const ReplayOptions& o, const vigil::DecodeStats& input,
                                   const vigil::RunRecords& run);

// `replay --compare`: both runs, the difference printed, the report written.
int replayWhatIf(const ReplayOptions& o);

}  // namespace vigilctl
