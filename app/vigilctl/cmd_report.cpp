// vigilctl report --db DB [--incident ID] --out OUT.json|.html|.pdf [--key FILE]
// The incident report of a live database: one incident (or every incident),
// its narrative, metrics with anomalies, timeline, actions with outcomes,
// approvals with who and when, and the audit chain's verdict. Exit 0 written,
// 2 bad usage, an unknown incident or an unreadable database.
#include "vigilctl/Commands.h"
#include "vigilctl/ReportOutput.h"

#include "common/ReportAudit.h"
#include "eval/ReportFromStore.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace vigilctl {

int cmdReport(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Write the incident report of a Vigil database."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Vigil database to read"), QStringLiteral("DB")});
    p.addOption(
        {QStringLiteral("incident"), QStringLiteral("The incident (default: every incident)"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Report file; the format from the extension"),
                 QStringLiteral("OUT.json|OUT.html|OUT.pdf")});
    p.addOption({QStringLiteral("key"), QStringLiteral("audit key file (default: $XDG_CONFIG_HOME/vigil/audit.key)"),
                 QStringLiteral("FILE")});
    if (auto rc = parseArguments(p, args, "report")) return *rc;
    if (!p.positionalArguments().isEmpty() || !p.isSet(QStringLiteral("db")) || !p.isSet(QStringLiteral("out")))
        return usageError(
            QStringLiteral("report: expected 'report --db DB [--incident ID] --out OUT.json|.html|.pdf'"));
    const QString db = p.value(QStringLiteral("db")), out = p.value(QStringLiteral("out"));
    if (auto why = reportPathProblem(out))
        return usageError(QStringLiteral("report: ") +
                          QString(*why).replace(QStringLiteral("--report"), QStringLiteral("--out")));
    if (!QFileInfo::exists(db)) return usageError(QStringLiteral("report: %1: no such database").arg(db));

    auto reader = vigil::store::StoreReader::open(db.toStdString());
    if (!reader) return usageError(QStringLiteral("report: ") + QString::fromStdString(reader.error()));
    auto rep = vigil::reportFromStore(*reader.value(), p.value(QStringLiteral("incident")).toStdString());
    if (!rep) return usageError(QStringLiteral("report: ") + QString::fromStdString(rep.error()));
    if (auto counts = reader.value()->counts()) rep->records = counts->records();
    rep->audit = vigil::app::auditVerdict(db.toStdString(), p.value(QStringLiteral("key")).toStdString());
    QString error;
    if (!writeReport(*rep, out, error)) return usageError(error);
    std::printf("wrote %s: %zu incidents, audit %s\n", qPrintable(out), rep->incidents.size(), rep->audit.text.c_str());
    return kOk;
}

}  // namespace vigilctl
