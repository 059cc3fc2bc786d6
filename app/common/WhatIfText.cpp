#include "common/WhatIfText.h"

#include <QDateTime>
#include <QJsonArray>

namespace vigil::app {
namespace {

QString str(const std::string& s) { return QString::fromStdString(s); }
QString str(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

QJsonObject incidentJson(const RunIncident& i) {
    QJsonObject o;
    o[QStringLiteral("id")] = str(i.incident.id);
    o[QStringLiteral("kind")] = str(i.kind);
    o[QStringLiteral("where")] = str(i.where);
    o[QStringLiteral("opened")] = qint64(i.incident.opened);
    o[QStringLiteral("end")] = qint64(i.end);
    o[QStringLiteral("severity")] = str(toString(i.incident.severity));
    o[QStringLiteral("state")] = str(toString(i.incident.state));
    return o;
}

QJsonObject actionJson(const Action& a) {
    QJsonObject o;
    o[QStringLiteral("id")] = str(a.id);
    o[QStringLiteral("incident")] = str(a.incident_id);
    o[QStringLiteral("kind")] = str(a.kind);
    o[QStringLiteral("target")] = str(a.target);
    o[QStringLiteral("status")] = str(toString(a.status));
    o[QStringLiteral("params")] = str(a.params);
    o[QStringLiteral("ts")] = qint64(a.ts);
    return o;
}

}  // namespace

QString recordTime(TimestampMs ts) {
    return QDateTime::fromMSecsSinceEpoch(ts, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           QLatin1Char('Z');
}

QString signedDuration(TimestampMs ms) {
    if (ms == 0) return QStringLiteral("same time");
    const QString sign = ms > 0 ? QStringLiteral("+") : QStringLiteral("-");
    const qint64 s = (ms > 0 ? ms : -ms) / 1000;
    if (s < 60) return sign + QStringLiteral("%1 s").arg((ms > 0 ? ms : -ms) / 1000.0, 0, 'g', 3);
    return sign + QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
}

QString incidentWords(const RunIncident& i) {
    return i.kind.empty() ? QStringLiteral("incident at %1").arg(str(i.where))
                          : str(i.kind) + QStringLiteral(" on ") + str(i.where);
}

QString whatIfText(const RunDiff& d) {
    QString t;
    t += QStringLiteral("what-if: A = %1, B = %2\n").arg(str(d.labelA), str(d.labelB));
    const qsizetype inA = d.onlyA.size() + d.both.size(), inB = d.onlyB.size() + d.both.size();
    t += QStringLiteral("incidents: %1 in A, %2 in B; %3 in both, %4 only in A, %5 only in B\n")
             .arg(inA)
             .arg(inB)
             .arg(d.both.size())
             .arg(d.onlyA.size())
             .arg(d.onlyB.size());
    for (const auto& i : d.onlyA)
        t += QStringLiteral("  only in A: %1 %2, opened %3\n")
                 .arg(str(i.incident.id), incidentWords(i), recordTime(i.incident.opened));
    for (const auto& i : d.onlyB)
        t += QStringLiteral("  only in B: %1 %2, opened %3\n")
                 .arg(str(i.incident.id), incidentWords(i), recordTime(i.incident.opened));
    for (const auto& m : d.both)
        if (m.detectDeltaMs != 0)
            t += QStringLiteral("  both: %1 / %2 %3: B detected it %4 %5\n")
                     .arg(str(m.a.incident.id), str(m.b.incident.id), incidentWords(m.a),
                          signedDuration(m.detectDeltaMs).mid(1),
                          m.detectDeltaMs > 0 ? QStringLiteral("later") : QStringLiteral("sooner"));
    const qsizetype differ = d.actions.size();
    t += QStringLiteral("actions: %1 in A, %2 in B; %3 the same, %4 differ\n")
             .arg(d.actionsA)
             .arg(d.actionsB)
             .arg(d.actionsSame)
             .arg(differ);
    for (const auto& a : d.actions) {
        const Action& any = a.a ? *a.a : *a.b;
        t += QStringLiteral("  %1 for %2: %3\n")
                 .arg(str(describeAction(any)), str(a.a ? a.a->incident_id : a.b->incident_id), str(a.what));
    }
    t += d.identical() ? QStringLiteral("no difference\n") : QString();
    return t;
}

QJsonObject whatIfJson(const RunDiff& d) {
    QJsonObject o;
    o[QStringLiteral("a")] = str(d.labelA);
    o[QStringLiteral("b")] = str(d.labelB);
    o[QStringLiteral("identical")] = d.identical();
    QJsonArray onlyA, onlyB, both, actions;
    for (const auto& i : d.onlyA) onlyA.append(incidentJson(i));
    for (const auto& i : d.onlyB) onlyB.append(incidentJson(i));
    for (const auto& m : d.both) {
        QJsonObject p;
        p[QStringLiteral("a")] = incidentJson(m.a);
        p[QStringLiteral("b")] = incidentJson(m.b);
        p[QStringLiteral("detect_delta_ms")] = qint64(m.detectDeltaMs);
        both.append(p);
    }
    for (const auto& a : d.actions) {
        QJsonObject p;
        if (a.a) p[QStringLiteral("a")] = actionJson(*a.a);
        if (a.b) p[QStringLiteral("b")] = actionJson(*a.b);
        p[QStringLiteral("difference")] = str(a.what);
        actions.append(p);
    }
    o[QStringLiteral("incidents_only_a")] = onlyA;
    o[QStringLiteral("incidents_only_b")] = onlyB;
    o[QStringLiteral("incidents_both")] = both;
    o[QStringLiteral("actions_a")] = qint64(d.actionsA);
    o[QStringLiteral("actions_b")] = qint64(d.actionsB);
    o[QStringLiteral("actions_same")] = qint64(d.actionsSame);
    o[QStringLiteral("actions_differ")] = actions;
    return o;
}

}  // namespace vigil::app
