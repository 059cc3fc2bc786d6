#include "ui/report/IncidentReportAction.h"

#include "common/ReportAudit.h"
#include "eval/ReportFromStore.h"
#include "ui/report/ReportRender.h"

#include <QAction>
#include <QApplication>
#include <QCursor>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace vigil::report {

bool exportIncidentReport(const QString& dbPath, const QString& incidentId, const QString& outPath, QString& error,
                          const std::string& keyPath) {
    if (!outPath.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) &&
        !outPath.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) &&
        !outPath.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        error = QObject::tr("%1: the name must end in .pdf, .html or .json").arg(outPath);
        return false;
    }
    auto reader = store::StoreReader::open(dbPath.toStdString());
    if (!reader) {
        error = QString::fromStdString(reader.error());
        return false;
    }
    auto rep = reportFromStore(*reader.value(), incidentId.toStdString());
    if (!rep) {
        error = QString::fromStdString(rep.error());
        return false;
    }
    if (auto counts = reader.value()->counts()) rep->records = counts->records();
    rep->audit = app::auditVerdict(dbPath.toStdString(), keyPath);
    return renderReport(*rep, outPath, error);
}

QAction* incidentReportAction(QWidget* parent, ReportActionSources src) {
    auto* action = new QAction(QObject::tr("&Export incident report…"), parent);
    action->setStatusTip(QObject::tr("Write the selected incident (or every incident) as PDF, HTML or JSON"));
    if (!src.chooseFile)
        src.chooseFile = [](QWidget* p, const QString& suggested) {
            return QFileDialog::getSaveFileName(p, QObject::tr("Export incident report"), suggested,
                                                QObject::tr("PDF (*.pdf);;HTML (*.html);;JSON (*.json)"));
        };
    QObject::connect(action, &QAction::triggered, parent, [parent, src] {
        const QString db = src.databasePath ? src.databasePath() : QString();
        if (db.isEmpty()) {
            QMessageBox::information(parent, QObject::tr("Export incident report"),
                                     QObject::tr("This console records into no database."));
            return;
        }
        const QString incident = src.selectedIncident ? src.selectedIncident() : QString();
        const QString suggested =
            (incident.isEmpty() ? QStringLiteral("incidents") : incident) + QStringLiteral(".pdf");
        const QString out = src.chooseFile(parent, suggested);
        if (out.isEmpty()) return;
        QString error;
        QApplication::setOverrideCursor(QCursor(Qt::WaitCursor));
        const bool ok = exportIncidentReport(db, incident, out, error, src.keyPath);
        QApplication::restoreOverrideCursor();
        if (!ok) QMessageBox::warning(parent, QObject::tr("Export incident report"), error);
    });
    return action;
}

}  // namespace vigil::report
