#include "vigilctl/ReportOutput.h"

#include "common/ReportJson.h"

#ifdef VIGIL_HAVE_REPORT_RENDER
#include "ui/report/ReportRender.h"
#endif

namespace vigilctl {

bool reportNeedsGui(const QString& path) {
    return path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
}

std::optional<QString> reportPathProblem(const QString& path) {
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) return std::nullopt;
    if (!reportNeedsGui(path))
        return QStringLiteral("--report '%1': the name must end in .json, .html or .pdf (the format)").arg(path);
#ifndef VIGIL_HAVE_REPORT_RENDER
    return QStringLiteral(
               "--report '%1': this vigilctl was built without the report renderer (sanitizer build); write .json")
        .arg(path);
#else
    return std::nullopt;
#endif
}

bool writeReport(const vigil::IncidentReport& report, const QString& path, QString& error) {
    if (!reportNeedsGui(path)) return vigil::app::writeReportFile(path, vigil::app::reportJson(report), error);
#ifdef VIGIL_HAVE_REPORT_RENDER
    return vigil::report::renderReport(report, path, error);
#else
    error = *reportPathProblem(path);
    return false;
#endif
}

}  // namespace vigilctl
