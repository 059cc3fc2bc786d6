// An incident report (eval/IncidentReport) rendered for people: HTML (charts
// embedded as PNG data) and PDF (QTextDocument printed by QPdfWriter, charts
// as document images), the format from the file's extension; .json goes to
// app/common/ReportJson. The charts need a QApplication: vigilctl makes one
// with makeApplication() for the commands that write HTML or PDF.
#pragma once

#include "eval/IncidentReport.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace vigil::report {

// Writes path (.html, .pdf or .json). False with error naming the file.
bool renderReport(const IncidentReport& report, const QString& path, QString& error);

// The report as HTML in the subset QTextDocument reads; imageSrc(i, j) names
// chart j of incident i (a data: URL for a file, a resource name for the PDF).
QString reportHtml(const IncidentReport& report, const std::function<QString(int, int)>& imageSrc);

// A QApplication on the offscreen platform (unless QT_QPA_PLATFORM says
// otherwise) when gui, else a QCoreApplication.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv, bool gui);

}  // namespace vigil::report
