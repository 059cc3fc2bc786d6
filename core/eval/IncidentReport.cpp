#include "eval/IncidentReport.h"

#include "replay/LogFileReader.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace vigil {
namespace {

constexpr TimestampMs kChartMarginMs = 5 * 60'000;  // context before the incident opened and after it ended

bool onTargets(const Anomaly& a, const RunIncident& inc) {
    const auto& t = inc.incident.targets;
    return a.target == inc.incident.cause || a.target == inc.where ||
           std::find(t.begin(), t.end(), a.target) != t.end();
}

std::string fmt(const char* f, double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// The series with the most anomalies on the incident's targets, each with its anomalies.
std::vector<ReportChart> chooseCharts(const RunIncident& inc, const std::vector<Anomaly>& anomalies) {
    std::map<std::pair<std::string, std::string>, std::vector<Anomaly>> bySeries;
    for (const Anomaly& a : anomalies)
        if (!a.series.empty()) bySeries[{a.series, a.target}].push_back(a);
    std::vector<ReportChart> charts;
    for (auto& [key, marks] : bySeries) {
        ReportChart c;
        c.series = key.first;
        c.target = key.second;
        c.from = inc.incident.opened - kChartMarginMs;
        c.to = inc.end + kChartMarginMs;
        c.marks = std::move(marks);
        charts.push_back(std::move(c));
    }
    std::stable_sort(charts.begin(), charts.end(),
                     [](const ReportChart& x, const ReportChart& y) { return x.marks.size() > y.marks.size(); });
    // Candidates: derived series (a failure ratio) have no recorded points and are dropped once filled.
    if (charts.size() > 4 * ReportIncident::kMaxCharts) charts.resize(4 * ReportIncident::kMaxCharts);
    return charts;
}

std::vector<TimelineEntry> buildTimeline(const ReportIncident& r) {
    std::vector<TimelineEntry> t;
    const Incident& inc = r.run.incident;
    t.push_back({inc.opened, "incident opened (" + std::string(toString(inc.severity)) + ")" +
                                 (r.run.kind.empty() ? std::string() : ": " + r.run.kind + " on " + r.run.where)});
    for (const Anomaly& a : r.anomalies)
        t.push_back({a.ts, "anomaly " + a.detector + " on " + a.target + (a.series.empty() ? "" : " " + a.series) +
                               " (score " + fmt("%.2f", a.score) + ")"});
    for (const Action& a : r.actions)
        t.push_back({a.ts, "action " + describeAction(a) + ": " + std::string(toString(a.status))});
    for (const Approval& a : r.approvals)
        t.push_back({a.ts, "approval " + std::string(toString(a.decision)) + " by " +
                               (a.decision == ApprovalDecision::Requested ? a.requester : a.approver) +
                               (a.reason.empty() ? "" : " (" + a.reason + ")")});
    for (const Outcome& o : r.outcomes)
        t.push_back({o.ts, std::string("outcome ") + (o.success ? "succeeded" : "failed") + ": " + o.detail});
    for (std::size_t k = 1; k < r.run.states.size(); ++k)
        t.push_back({r.run.states[k].first, "incident " + std::string(toString(r.run.states[k].second))});
    // Same time: in the order the engine made them (stable sort keeps the list order above).
    std::stable_sort(t.begin(), t.end(), [](const TimelineEntry& x, const TimelineEntry& y) { return x.ts < y.ts; });
    return t;
}

}  // namespace

void thinPoints(std::vector<std::pair<TimestampMs, double>>& points) {
    const std::size_t n = points.size(), m = ReportChart::kMaxPoints;
    if (n <= m) return;
    std::vector<std::pair<TimestampMs, double>> kept;
    kept.reserve(m);
    for (std::size_t k = 0; k < m; ++k) kept.push_back(points[k * (n - 1) / (m - 1)]);
    points = std::move(kept);
}

ReportIncident reportIncident(RunIncident inc, const std::vector<Anomaly>& anomalies,
                              const std::vector<Action>& actions, const std::vector<Approval>& approvals,
                              const std::vector<Outcome>& outcomes) {
    ReportIncident r;
    r.run = std::move(inc);
    std::vector<Anomaly> mine;
    for (const Anomaly& a : anomalies)
        if (a.ts >= r.run.incident.opened && a.ts <= r.run.end && onTargets(a, r.run)) mine.push_back(a);
    r.charts = chooseCharts(r.run, mine);
    if (mine.size() > ReportIncident::kMaxAnomalies) {
        r.anomaliesNotListed = std::int64_t(mine.size() - ReportIncident::kMaxAnomalies);
        mine.resize(ReportIncident::kMaxAnomalies);
    }
    r.anomalies = std::move(mine);
    std::set<std::string> ids;
    for (const Action& a : actions)
        if (a.incident_id == r.run.incident.id) {
            r.actions.push_back(a);
            ids.insert(a.id);
        }
    for (const Approval& a : approvals)
        if (ids.count(a.action_id)) r.approvals.push_back(a);
    for (const Outcome& o : outcomes)
        if (ids.count(o.action_id)) r.outcomes.push_back(o);
    r.timeline = buildTimeline(r);
    return r;
}

IncidentReport reportFromRun(const RunRecords& run, const std::string& incidentId) {
    IncidentReport rep;
    rep.policy = run.label;
    rep.anomalies = run.anomalyCount;
    rep.anomaliesByDetector = run.anomaliesByDetector;
    rep.incidentsDropped = run.incidentsDropped;
    rep.simulated = true;
    for (const RunIncident& inc : run.incidents)
        if (incidentId.empty() || inc.incident.id == incidentId)
            rep.incidents.push_back(reportIncident(inc, run.anomalies, run.actions, run.approvals, run.outcomes));
    return rep;
}

bool fillChartsFromLog(IncidentReport& report, const std::string& logPath, std::string& error) {
    std::map<std::pair<std::string, std::string>, std::vector<ReportChart*>> wanted;
    for (auto& inc : report.incidents)
        for (auto& c : inc.charts) wanted[{c.series, c.target}].push_back(&c);
    if (wanted.empty()) return true;
    LogFileReader reader;
    if (!reader.open(logPath)) {
        error = reader.error();
        return false;
    }
    std::vector<Record> batch;
    bool more = true;
    while (more) {
        batch.clear();
        more = reader.readBatch(batch, 4096);
        for (const Record& r : batch) {
            const auto* m = std::get_if<MetricSample>(&r);
            if (!m) continue;
            const auto w = wanted.find({m->series, m->target});
            if (w == wanted.end()) continue;
            for (ReportChart* c : w->second)
                if (m->ts >= c->from && m->ts <= c->to) c->points.emplace_back(m->ts, m->value);
        }
    }
    if (!reader.error().empty()) {
        error = reader.error();
        return false;
    }
    for (auto& [key, charts] : wanted)
        for (ReportChart* c : charts) thinPoints(c->points);
    for (auto& inc : report.incidents) keepDrawableCharts(inc);
    return true;
}

void keepDrawableCharts(ReportIncident& inc) {
    std::vector<ReportChart> kept;
    for (auto& c : inc.charts)
        if (!c.points.empty() && kept.size() < ReportIncident::kMaxCharts) kept.push_back(std::move(c));
    inc.charts = std::move(kept);
}

}  // namespace vigil
