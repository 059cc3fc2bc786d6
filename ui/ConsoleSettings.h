// The console's preferences, as stored in QSettings under "settings/...": where
// to record, which remediation policy, the sign-off service to act as a desk
// for, notifications and detector sensitivity. check() names every invalid
// field in words the settings dialog shows next to it; load() returns what is
// stored as is, so a bad stored value is named by check(), never dropped.
#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

class QSettings;

namespace vigil::ui {

struct ConsoleSettings {
    Q_DECLARE_TR_FUNCTIONS(ConsoleSettings)
public:
    enum class Field { Database, PolicyFile, SignoffUrl, TokenFile, NotifyPerMinute, Sensitivity, RecordDir };

    QString databasePath;      // empty: the default database in the data location
    QString policyFile;        // empty: the shipped policy
    QString signoffUrl;        // empty: no sign-off service; else http(s)://host:port
    QString tokenFile;         // the approver's bearer token, required with signoffUrl
    bool notifyCritical = true;   // a tray message for each new critical incident
    bool notifyApprovals = true;  // a tray message for each approval request
    int notifyPerMinute = 6;      // at most this many messages a minute (1..60)
    QString sensitivity = QStringLiteral("normal");  // detector sensitivity: low, normal or high
    QString recordDir;  // non-empty: always record the live input there (File → Record, RecordingMenu)

    // Each invalid field with its reason ("Database: the folder /x does not exist").
    // The policy file is parsed, so its error names FILE:LINE.
    QMap<Field, QString> check() const;

    static ConsoleSettings load(const QSettings& s);
    void save(QSettings& s) const;

    static const QStringList& sensitivities();  // low, normal, high
    bool operator==(const ConsoleSettings&) const = default;
};

}  // namespace vigil::ui
