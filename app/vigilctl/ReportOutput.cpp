#include "vigilctl/ReportOutput.h"

#include "audit/AuditKey.h"
#include "audit/AuditVerifier.h"
#include "common/ReportJson.h"

#ifdef VIGIL_HAVE_REPORT_RENDER
#include "report/ReportRender.h"
#endif

namespace vigilctl {

bool reportNeedsGui(const QString& path) {
    return path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) || path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
}

std::optional<QString> reportPathProblem(const QString& path) {
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) return std::nullopt;
    if (!reportNeedsGui(path))
        return QStringLiteral("--report '%1': the name must end in .json, .html or .pdf (the format)").arg(path);
#ifndef VIGIL_HAVE_REPORT_RENDER
    return QStringLiteral("--report '%1': this vigilctl was built without the report renderer (sanitizer build); write .json").arg(path);
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

vigil::ReportAudit auditVerdict(const std::string& dbPath, const std::string& keyPath) {
    vigil::ReportAudit a;
    const std::string kp = keyPath.empty() ? vigil::audit::defaultKeyPath() : keyPath;
    auto key = vigil::audit::loadKey(kp);
    if (!key) {
        a.text = "not verified: " + key.error();
        return a;
    }
    auto v = vigil::audit::verifyAuditLog(dbPath, *key);
    if (!v) {
        a.text = "not verified: " + v.error();
        return a;
    }
    a.checked = true;
    a.intact = v->intact;
    a.entries = v->entries;
    a.text = v->intact ? "intact: " + std::to_string(v->entries) + " entries, every hash and link checked, seal valid at seq " +
                             std::to_string(v->headSeq)
                       : "BROKEN" + (v->badSeq ? " at entry " + std::to_string(v->badSeq) : std::string()) + ": " + v->problem;
    return a;
}

}  // namespace vigilctl
