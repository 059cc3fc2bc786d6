#include "common/ReportJson.h"

#include "common/WhatIfText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::app {
namespace {

QString str(const std::string& s) { return QString::fromStdString(s); }
QString str(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

QJsonObject anomalyJson(const Anomaly& a) {
    return {{QStringLiteral("ts"), qint64(a.ts)},          {QStringLiteral("id"), str(a.id)},
            {QStringLiteral("detector"), str(a.detector)}, {QStringLiteral("series"), str(a.series)},
            {QStringLiteral("target"), str(a.target)},     {QStringLiteral("score"), a.score},
            {QStringLiteral("observed"), a.observed},      {QStringLiteral("explanation"), str(a.explanation)}};
}

QJsonObject sectionJson(const ReportIncident& s) {
    const Incident& inc = s.run.incident;
    QJsonObject o;
    o[QStringLiteral("id")] = str(inc.id);
    o[QStringLiteral("state")] = str(toString(inc.state));
    o[QStringLiteral("severity")] = str(toString(inc.severity));
    o[QStringLiteral("opened")] = qint64(inc.opened);
    o[QStringLiteral("updated")] = qint64(inc.ts);
    o[QStringLiteral("end")] = qint64(s.run.end);
    o[QStringLiteral("kind")] = str(s.run.kind);
    o[QStringLiteral("where")] = str(s.run.where);
    QJsonArray targets;
    for (const auto& t : inc.targets) targets.append(str(t));
    o[QStringLiteral("targets")] = targets;
    o[QStringLiteral("cause")] = str(inc.cause);
    o[QStringLiteral("narrative")] = str(inc.narrative);
    o[QStringLiteral("anomaly_count")] = qint64(inc.anomaly_count);
    QJsonArray anomalies, actions, approvals, charts, timeline;
    for (const Anomaly& a : s.anomalies) anomalies.append(anomalyJson(a));
    o[QStringLiteral("anomalies")] = anomalies;
    o[QStringLiteral("anomalies_not_listed")] = qint64(s.anomaliesNotListed);
    for (const Action& a : s.actions) {
        QJsonObject j{{QStringLiteral("ts"), qint64(a.ts)},
                      {QStringLiteral("id"), str(a.id)},
                      {QStringLiteral("kind"), str(a.kind)},
                      {QStringLiteral("target"), str(a.target)},
                      {QStringLiteral("status"), str(toString(a.status))},
                      {QStringLiteral("params"), str(a.params)},
                      {QStringLiteral("critical"), a.critical}};
        for (const Outcome& out : s.outcomes)
            if (out.action_id == a.id)
                j[QStringLiteral("outcome")] = QJsonObject{{QStringLiteral("ts"), qint64(out.ts)},
                                                           {QStringLiteral("success"), out.success},
                                                           {QStringLiteral("detail"), str(out.detail)}};
        actions.append(j);
    }
    o[QStringLiteral("actions")] = actions;
    for (const Approval& a : s.approvals)
        approvals.append(QJsonObject{{QStringLiteral("ts"), qint64(a.ts)},
                                     {QStringLiteral("id"), str(a.id)},
                                     {QStringLiteral("action"), str(a.action_id)},
                                     {QStringLiteral("decision"), str(toString(a.decision))},
                                     {QStringLiteral("requester"), str(a.requester)},
                                     {QStringLiteral("approver"), str(a.approver)},
                                     {QStringLiteral("reason"), str(a.reason)},
                                     {QStringLiteral("expires"), qint64(a.expires)}});
    o[QStringLiteral("approvals")] = approvals;
    for (const ReportChart& c : s.charts) {
        QJsonArray points, marks;
        for (const auto& [ts, v] : c.points) points.append(QJsonArray{qint64(ts), v});
        for (const Anomaly& a : c.marks) marks.append(qint64(a.ts));
        charts.append(QJsonObject{{QStringLiteral("series"), str(c.series)},
                                  {QStringLiteral("target"), str(c.target)},
                                  {QStringLiteral("from"), qint64(c.from)},
                                  {QStringLiteral("to"), qint64(c.to)},
                                  {QStringLiteral("points"), points},
                                  {QStringLiteral("anomalies_at"), marks}});
    }
    o[QStringLiteral("charts")] = charts;
    for (const TimelineEntry& e : s.timeline)
        timeline.append(QJsonObject{{QStringLiteral("ts"), qint64(e.ts)}, {QStringLiteral("what"), str(e.what)}});
    o[QStringLiteral("timeline")] = timeline;
    return o;
}

}  // namespace

QByteArray reportJson(const IncidentReport& r) {
    QJsonObject root;
    root[QStringLiteral("title")] = str(r.title);
    root[QStringLiteral("log")] = str(r.source);
    root[QStringLiteral("policy")] = str(r.policy);
    root[QStringLiteral("simulated")] = r.simulated;
    root[QStringLiteral("records")] = qint64(r.records);
    root[QStringLiteral("malformed")] = qint64(r.malformed);
    root[QStringLiteral("anomalies")] = qint64(r.anomalies);
    QJsonObject byDetector;
    for (const auto& [d, n] : r.anomaliesByDetector) byDetector[str(d)] = qint64(n);
    root[QStringLiteral("anomalies_by_detector")] = byDetector;
    QJsonArray incidents;
    std::int64_t actions = 0, approvals = 0;
    for (const ReportIncident& s : r.incidents) {
        incidents.append(sectionJson(s));
        actions += std::int64_t(s.actions.size());
        approvals += std::int64_t(s.approvals.size());
    }
    root[QStringLiteral("incidents")] = incidents;
    root[QStringLiteral("incident_count")] = qint64(r.incidents.size());
    if (r.incidentsDropped > 0)  // only on very long replays: older incidents not kept (RunRecords)
        root[QStringLiteral("incidents_dropped")] = qint64(r.incidentsDropped);
    root[QStringLiteral("action_count")] = qint64(actions);
    root[QStringLiteral("approval_count")] = qint64(approvals);
    root[QStringLiteral("audit")] = QJsonObject{{QStringLiteral("checked"), r.audit.checked},
                                                {QStringLiteral("intact"), r.audit.intact},
                                                {QStringLiteral("entries"), qint64(r.audit.entries)},
                                                {QStringLiteral("verdict"), str(r.audit.text)}};
    if (r.whatIf) root[QStringLiteral("what_if")] = whatIfJson(*r.whatIf);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool writeReportFile(const QString& path, const QByteArray& bytes, QString& error) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size() || !f.flush()) {
        error = path + QStringLiteral(": cannot write report (") + f.errorString() + QStringLiteral(")");
        return false;
    }
    return true;
}

}  // namespace vigil::app
