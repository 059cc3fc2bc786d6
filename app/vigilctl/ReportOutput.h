// Writing an incident report from vigilctl (`replay --report`, `report`), the
// format from the extension (.json, .html, .pdf). HTML and PDF need the report
// renderer (ui/report), which the sanitizer build leaves out; there they are
// refused with a reason.
#pragma once

#include "eval/IncidentReport.h"

#include <QString>

#include <optional>

namespace vigilctl {

// Null when path ends in .json, .html or .pdf (and this build can write it);
// else the one-line reason.
std::optional<QString> reportPathProblem(const QString& path);
// True when writing path needs a GUI application (charts): .html and .pdf.
bool reportNeedsGui(const QString& path);

bool writeReport(const vigil::IncidentReport& report, const QString& path, QString& error);

}  // namespace vigilctl
