// Export in the console: a QAction "Export incident report…" for the File or
// Incident menu (MainWindow wires it; nothing else here touches the window).
// It asks for a file (PDF, HTML or JSON, the format from the extension) and
// writes the report of the selected incident, or of every incident when none
// is selected, from the console's database, with the audit chain's verdict.
#pragma once

#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace vigil::report {

struct ReportActionSources {
    std::function<QString()> databasePath;      // the console's database; empty: the action is disabled
    std::function<QString()> selectedIncident;  // empty: every incident
    // Where to write; empty answer = cancelled. Default: a save dialog.
    std::function<QString(QWidget* parent, const QString& suggested)> chooseFile;
    std::string keyPath;  // audit key; empty: the default key
};

QAction* incidentReportAction(QWidget* parent, ReportActionSources sources);

// What the action does once it has a file: false with error (shown to the user).
bool exportIncidentReport(const QString& dbPath, const QString& incidentId, const QString& outPath, QString& error,
                          const std::string& keyPath = {});

}  // namespace vigil::report
