// The content of an incident report, for one incident or a whole replay, kept
// apart from how it is rendered (JSON, HTML, PDF: app/common/ReportJson,
// ui/report). Built from a replay's RunRecords or from a live database; both
// give the same sections: the narrative, the relevant metrics with their
// anomalies, the timeline, every action with its outcome, every approval with
// who and when, and the audit chain's verification result.
#pragma once

#include "eval/RunComparison.h"
#include "eval/RunRecords.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vigil {

// One metric around an incident, with the anomalies raised on it.
struct ReportChart {
    std::string series, target;
    TimestampMs from = 0, to = 0;                        // the window shown
    std::vector<std::pair<TimestampMs, double>> points;  // at most kMaxPoints, evenly thinned
    std::vector<Anomaly> marks;
    static constexpr std::size_t kMaxPoints = 600;
};

struct TimelineEntry {
    TimestampMs ts = 0;
    std::string what;  // "anomaly tx.stuck on agent:agent-03 (score 0.92)", "action failover_rpc ... executing"
};

struct ReportIncident {
    RunIncident run;
    std::vector<Anomaly> anomalies;  // on its targets within its window (the first kMaxAnomalies)
    std::int64_t anomaliesNotListed = 0;
    std::vector<Action> actions;      // latest state of each action for it
    std::vector<Outcome> outcomes;    // of those actions
    std::vector<Approval> approvals;  // every decision on those actions, in order
    std::vector<ReportChart> charts;  // the most anomalous recorded series first (at most kMaxCharts once filled)
    std::vector<TimelineEntry> timeline;
    static constexpr std::size_t kMaxAnomalies = 200;
    static constexpr std::size_t kMaxCharts = 3;
};

struct ReportAudit {
    bool checked = false;  // false: there is no audit log to verify (say why in text)
    bool intact = false;
    std::int64_t entries = 0;
    std::string text;  // the verdict in words
};

struct IncidentReport {
    std::string title;   // "Replay of cascade.ndjson", "Incident inc-... in vigil.db"
    std::string source;  // the log or database file name
    std::string policy;  // what actions were planned under ("" = none)
    std::int64_t records = 0, malformed = 0, anomalies = 0;
    std::map<std::string, std::int64_t> anomaliesByDetector;
    std::vector<ReportIncident> incidents;  // in id order
    std::int64_t incidentsDropped = 0;      // older ones a very long replay did not keep (RunRecords)
    ReportAudit audit;
    std::optional<RunDiff> whatIf;  // a comparison replay's differences
    bool simulated = false;         // a replay: every action was simulated, nothing was sent
};

// A replay's report: every incident of the run (or only `incidentId`).
IncidentReport reportFromRun(const RunRecords& run, const std::string& incidentId = {});

// Adds each chart's metric points (the series and window reportFromRun chose)
// by reading the log once more. False with error when the log cannot be read.
bool fillChartsFromLog(IncidentReport& report, const std::string& logPath, std::string& error);

// The section of one incident from records already gathered for it (the
// anomalies around it, its actions, approvals, outcomes): charts chosen, the
// timeline built. Points are filled by the caller.
ReportIncident reportIncident(RunIncident inc, const std::vector<Anomaly>& anomalies,
                              const std::vector<Action>& actions, const std::vector<Approval>& approvals,
                              const std::vector<Outcome>& outcomes);

// Drops charts without points (series derived by a detector, never recorded)
// and keeps the first ReportIncident::kMaxCharts.
void keepDrawableCharts(ReportIncident& inc);

// Thins points evenly to at most ReportChart::kMaxPoints, keeping the first and last.
void thinPoints(std::vector<std::pair<TimestampMs, double>>& points);

}  // namespace vigil
