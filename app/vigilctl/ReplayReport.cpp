#include "vigilctl/ReplayReport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigilctl {

void ReplayReport::add(const std::vector<vigil::Record>& outputs) {
    for (const auto& r : outputs) {
        if (auto* a = std::get_if<vigil::Anomaly>(&r)) {
            ++anomalies_;
            ++anomaliesByDetector_[a->detector];
        } else if (auto* i = std::get_if<vigil::Incident>(&r)) {
            incidents_[i->id] = *i;
        }
    }
}

namespace {
QString html(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }
}  // namespace

bool ReplayReport::write(const QString& path, const QString& log, const vigil::DecodeStats& input, QString& error) const {
    QJsonObject root;
    root[QStringLiteral("log")] = QFileInfo(log).fileName();
    root[QStringLiteral("records")] = qint64(input.records);
    root[QStringLiteral("malformed")] = qint64(input.malformed);
    root[QStringLiteral("anomalies")] = qint64(anomalies_);
    QJsonObject byDetector;
    for (const auto& [d, n] : anomaliesByDetector_) byDetector[QString::fromStdString(d)] = qint64(n);
    root[QStringLiteral("anomalies_by_detector")] = byDetector;
    QJsonArray incidents;
    for (const auto& [id, inc] : incidents_) {
        QJsonObject o;
        o[QStringLiteral("id")] = QString::fromStdString(inc.id);
        o[QStringLiteral("state")] = QString::fromUtf8(vigil::toString(inc.state).data(), qsizetype(vigil::toString(inc.state).size()));
        o[QStringLiteral("severity")] = QString::fromUtf8(vigil::toString(inc.severity).data(), qsizetype(vigil::toString(inc.severity).size()));
        o[QStringLiteral("opened")] = qint64(inc.opened);
        o[QStringLiteral("updated")] = qint64(inc.ts);
        QJsonArray targets;
        for (const auto& t : inc.targets) targets.append(QString::fromStdString(t));
        o[QStringLiteral("targets")] = targets;
        o[QStringLiteral("cause")] = QString::fromStdString(inc.cause);
        o[QStringLiteral("narrative")] = QString::fromStdString(inc.narrative);
        o[QStringLiteral("anomaly_count")] = qint64(inc.anomaly_count);
        incidents.append(o);
    }
    root[QStringLiteral("incidents")] = incidents;

    QByteArray bytes;
    if (path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive)) {
        QString h = QStringLiteral("<!doctype html><meta charset=utf-8><title>Vigil replay of %1</title>"
                                   "<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}</style>"
                                   "<h1>Replay of %1</h1><p>%2 records, %3 malformed, %4 anomalies, %5 incidents.</p>"
                                   "<table><tr><th>Incident</th><th>State</th><th>Severity</th><th>Cause</th><th>Narrative</th><th>Anomalies</th></tr>")
                        .arg(QFileInfo(log).fileName().toHtmlEscaped())
                        .arg(input.records).arg(input.malformed).arg(anomalies_).arg(incidents_.size());
        for (const auto& [id, inc] : incidents_)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                     .arg(html(inc.id), html(std::string(vigil::toString(inc.state))),
                          html(std::string(vigil::toString(inc.severity))), html(inc.cause), html(inc.narrative))
                     .arg(inc.anomaly_count);
        h += QStringLiteral("</table>\n");
        bytes = h.toUtf8();
    } else {
        bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
        error = path + QStringLiteral(": cannot write report (") + f.errorString() + QStringLiteral(")");
        return false;
    }
    return true;
}

}  // namespace vigilctl
