#include "ui/report/ReportRender.h"

#include "common/WhatIfText.h"

#include <QCoreApplication>

namespace vigil::report {
namespace {

// The report's words in the user's language when a translator is installed (the
// console's Export); vigilctl installs none, so its reports stay English.
struct Report {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }
QString esc(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())).toHtmlEscaped(); }
QString when(TimestampMs ts) { return app::recordTime(ts).toHtmlEscaped(); }
QString clock(TimestampMs ts) { return app::recordTime(ts).mid(11, 8); }  // HH:mm:ss

QString row(const QStringList& cells, const char* tag = "td") {
    QString r = QStringLiteral("<tr>");
    for (const QString& c : cells) r += QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), c);
    return r + QStringLiteral("</tr>\n");
}

QString table(const QStringList& head, const QString& rows) {
    return QStringLiteral(
               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
               "style=\"border-collapse:collapse;border-color:#ccc\">\n") +
           row(head, "th") + rows + QStringLiteral("</table>\n");
}

QString outcomeOf(const ReportIncident& s, const Action& a) {
    for (const Outcome& o : s.outcomes)
        if (o.action_id == a.id)
            return (o.success ? Report::tr("<span style=\"color:#2e9d4f\">succeeded</span>")
                              : Report::tr("<span style=\"color:#d64541\">failed</span>")) +
                   Report::tr(" at ") + clock(o.ts) + QStringLiteral(": ") + esc(o.detail);
    switch (a.status) {
    case ActionStatus::AwaitingApproval: return Report::tr("waiting for approval");
    case ActionStatus::Suppressed: return Report::tr("not taken");
    case ActionStatus::Rejected: return Report::tr("rejected");
    default: return Report::tr("no outcome recorded");
    }
}

// "why" of the planner's params, the reason an operator reads first.
QString whyOf(const Action& a) {
    const auto k = a.params.find("\"why\":\"");
    if (k == std::string::npos) return {};
    const auto e = a.params.find('"', k + 7);
    return esc(a.params.substr(k + 7, e == std::string::npos ? std::string::npos : e - k - 7));
}

QString whatIfSection(const RunDiff& d) {
    QString h = Report::tr("<h2>What-if: A = %1, B = %2</h2>\n").arg(esc(d.labelA), esc(d.labelB));
    h += Report::tr(
             "<p>Incidents: %1 in both, %2 only in A, %3 only in B. Actions: %4 in A, %5 in B, %6 the same, %7 "
             "differ.</p>\n")
             .arg(d.both.size())
             .arg(d.onlyA.size())
             .arg(d.onlyB.size())
             .arg(d.actionsA)
             .arg(d.actionsB)
             .arg(d.actionsSame)
             .arg(d.actions.size());
    QString rows;
    for (const auto& i : d.onlyA)
        rows += row({Report::tr("only in A"), esc(i.incident.id), app::incidentWords(i).toHtmlEscaped(),
                     when(i.incident.opened)});
    for (const auto& i : d.onlyB)
        rows += row({Report::tr("only in B"), esc(i.incident.id), app::incidentWords(i).toHtmlEscaped(),
                     when(i.incident.opened)});
    for (const auto& m : d.both)
        rows +=
            row({Report::tr("both"), esc(m.a.incident.id + " / " + m.b.incident.id),
                 app::incidentWords(m.a).toHtmlEscaped(),
                 m.detectDeltaMs == 0 ? Report::tr("detected at the same time")
                                      : Report::tr("B detected it %1").arg(app::signedDuration(m.detectDeltaMs))});
    if (!rows.isEmpty())
        h += table({Report::tr("Incident"), Report::tr("Id"), Report::tr("Fault"),
                    Report::tr("Opened / detection")},
                   rows);
    rows.clear();
    for (const auto& a : d.actions) {
        const Action& any = a.a ? *a.a : *a.b;
        rows += row({esc(describeAction(any)), esc(any.incident_id), esc(a.what)});
    }
    if (!rows.isEmpty())
        h += Report::tr("<h3>Actions that differ</h3>\n") +
             table({Report::tr("Action"), Report::tr("Incident"), Report::tr("Difference")}, rows);
    return h;
}

QString incidentSection(const ReportIncident& s, int index, const std::function<QString(int, int)>& imageSrc) {
    const Incident& inc = s.run.incident;
    // Each incident on a page of its own, the first right after the summary.
    QString h = Report::tr("<h2%1>Incident %2: %3</h2>\n")
                    .arg(index > 0 ? QStringLiteral(" style=\"page-break-before:always\"") : QString(), esc(inc.id),
                         app::incidentWords(s.run).toHtmlEscaped());
    QStringList targets;
    for (const auto& t : inc.targets) targets << esc(t);
    h += Report::tr(
             "<p><b>Severity</b> %1 &nbsp; <b>State</b> %2 &nbsp; <b>Opened</b> %3 &nbsp; <b>Until</b> %4<br><b>Likely "
             "cause</b> %5 &nbsp; <b>Targets</b> %6 &nbsp; <b>Anomalies</b> %7</p>\n")
             .arg(esc(toString(inc.severity)), esc(toString(inc.state)), when(inc.opened), when(s.run.end),
                  esc(inc.cause), targets.join(QStringLiteral(", ")))
             .arg(inc.anomaly_count);
    h += Report::tr("<h3>Narrative</h3>\n<p>%1</p>\n")
             .arg(inc.narrative.empty() ? Report::tr("(none)") : esc(inc.narrative));
    h += Report::tr("<h3>Metrics</h3>\n");
    if (s.charts.empty()) h += Report::tr("<p>No recorded metric carries this incident's anomalies.</p>\n");
    for (std::size_t j = 0; j < s.charts.size(); ++j)
        h += QStringLiteral("<p><img src=\"%1\" width=\"660\"></p>\n").arg(imageSrc(index, int(j)));

    h += Report::tr("<h3>Actions (%1)</h3>\n").arg(s.actions.size());
    QString rows;
    for (const Action& a : s.actions)
        rows += row({clock(a.ts), esc(a.kind), esc(a.target), esc(toString(a.status)), outcomeOf(s, a), whyOf(a)});
    h += s.actions.empty() ? Report::tr("<p>No action was planned.</p>\n")
                           : table({Report::tr("Time"), Report::tr("Action"), Report::tr("Target"),
                                    Report::tr("Status"), Report::tr("Outcome"), Report::tr("Why")},
                                   rows);

    h += Report::tr("<h3>Approvals (%1)</h3>\n").arg(s.approvals.size());
    rows.clear();
    for (const Approval& a : s.approvals)
        rows +=
            row({when(a.ts), esc(a.action_id), esc(toString(a.decision)),
                 a.decision == ApprovalDecision::Requested ? Report::tr("requested by %1").arg(esc(a.requester))
                                                           : Report::tr("by %1").arg(esc(a.approver)),
                 a.expires ? Report::tr("expires ") + when(a.expires) : QString(), esc(a.reason)});
    h += s.approvals.empty() ? Report::tr("<p>No action needed approval.</p>\n")
                             : table({Report::tr("Time"), Report::tr("Action"), Report::tr("Decision"),
                                      Report::tr("Who"), Report::tr("Expiry"), Report::tr("Reason")},
                                     rows);

    h += Report::tr("<h3>Timeline</h3>\n");
    rows.clear();
    for (const TimelineEntry& e : s.timeline) rows += row({clock(e.ts), esc(e.what)});
    h += table({Report::tr("Time (UTC)"), Report::tr("What happened")}, rows);
    if (s.anomaliesNotListed)
        h += Report::tr("<p>%1 more anomalies on these targets are not listed.</p>\n").arg(s.anomaliesNotListed);
    return h;
}

}  // namespace

QString reportHtml(const IncidentReport& r, const std::function<QString(int, int)>& imageSrc) {
    QString h = QStringLiteral(
                    "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"
                    "<style>body{font-family:sans-serif} h1{color:#1f3a5f} h2{color:#1f3a5f;margin-top:18px} "
                    "th{background:#eef2f6;text-align:left} td{vertical-align:top}</style>\n"
                    "</head><body>\n<h1>%1</h1>\n")
                    .arg(esc(r.title));
    std::size_t actions = 0, approvals = 0;
    for (const auto& s : r.incidents) actions += s.actions.size(), approvals += s.approvals.size();
    // A database does not say which policy decided; a replay does.
    h +=
        Report::tr(
            "<p><b>Source</b> %1%2<br>%3 records, %4 malformed, %5 anomalies, %6 incidents, %7 actions, %8 approval "
            "decisions.</p>\n")
            .arg(esc(r.source), r.policy.empty() ? QString() : Report::tr(" &nbsp; <b>Policy</b> ") + esc(r.policy))
            .arg(r.records)
            .arg(r.malformed)
            .arg(r.anomalies)
            .arg(r.incidents.size())
            .arg(actions)
            .arg(approvals);
    if (r.simulated)
        h += Report::tr(
            "<p><i>A replay: every action here was decided on recorded time and simulated; nothing was sent to a node, "
            "a webhook or a command.</i></p>\n");
    const QString colour = !r.audit.checked ? QStringLiteral("#9e9e9e")
                           : r.audit.intact ? QStringLiteral("#2e9d4f")
                                            : QStringLiteral("#d64541");
    h += Report::tr("<h2>Audit chain</h2>\n<p style=\"color:%1\"><b>%2</b></p>\n").arg(colour, esc(r.audit.text));
    if (r.whatIf) h += whatIfSection(*r.whatIf);

    h += Report::tr("<h2>Incidents</h2>\n");
    QString rows;
    for (const auto& s : r.incidents)
        rows += row({esc(s.run.incident.id), app::incidentWords(s.run).toHtmlEscaped(),
                     esc(toString(s.run.incident.severity)), esc(toString(s.run.incident.state)),
                     when(s.run.incident.opened), QString::number(s.actions.size())});
    h += r.incidents.empty() ? Report::tr("<p>No incident.</p>\n")
                             : table({Report::tr("Incident"), Report::tr("Fault"), Report::tr("Severity"),
                                      Report::tr("State"), Report::tr("Opened"), Report::tr("Actions")},
                                     rows);
    for (std::size_t i = 0; i < r.incidents.size(); ++i) h += incidentSection(r.incidents[i], int(i), imageSrc);
    return h + QStringLiteral("</body></html>\n");
}

}  // namespace vigil::report
