// An incident report (eval/IncidentReport) as JSON: the same sections as the
// HTML and PDF, with chart points as [ms, value] pairs. Keys are sorted
// (QJsonObject), so the same report gives the same bytes.
#pragma once

#include "eval/IncidentReport.h"

#include <QByteArray>
#include <QString>

namespace vigil::app {

QByteArray reportJson(const IncidentReport& report);

// Writes bytes to path; false with error "PATH: cannot write report (why)".
bool writeReportFile(const QString& path, const QByteArray& bytes, QString& error);

}  // namespace vigil::app
