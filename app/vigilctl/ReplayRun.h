// The pieces of `vigilctl replay` shared by a plain replay (cmd_replay.cpp)
// and a what-if comparison (ReplayWhatIf.cpp): the options, one engine on a
// virtual clock with the default stages and, under a policy, the planner whose
// actions are only ever recorded (a replay never sends anything), and the
// incident report of a run.
#pragma once

#include "common/WhatIfRuns.h"
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

// One run's configuration (shared with the console's what-if: app/common/WhatIfRuns.h).
using RunSpec = vigil::app::WhatIfSide;

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

using ReplayEngine = vigil::app::WhatIfEngine;

// Reads the log batch by batch into a started engine (paced by recorded time
// when speed > 0); returns the wall seconds it took (cmd_replay.cpp).
double feedLog(vigil::LogFileReader& reader, vigil::Engine& engine, double speed);

// The report of a run of o.log: its incidents, their charts read from the log.
vigil::IncidentReport replayReport(const ReplayOptions& o, const vigil::DecodeStats& input,
                                   const vigil::RunRecords& run);

// `replay --compare`: both runs, the difference printed, the report written.
int replayWhatIf(const ReplayOptions& o);

}  // namespace vigilctl
