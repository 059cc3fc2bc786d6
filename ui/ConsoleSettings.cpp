#include "ui/ConsoleSettings.h"

#include "remedy/PolicyLoader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace vigil::ui {

namespace {
const QString kDatabase = QStringLiteral("settings/database");
const QString kPolicy = QStringLiteral("settings/policyFile");
const QString kSignoffUrl = QStringLiteral("settings/signoffUrl");
const QString kTokenFile = QStringLiteral("settings/tokenFile");
const QString kNotifyCritical = QStringLiteral("settings/notifyCritical");
const QString kNotifyApprovals = QStringLiteral("settings/notifyApprovals");
const QString kNotifyPerMinute = QStringLiteral("settings/notifyPerMinute");
const QString kSensitivity = QStringLiteral("settings/sensitivity");
const QString kRecordDir = QStringLiteral("settings/recordDir");

// Why `path` cannot be read as a file, or empty.
QString unreadable(const QString& path) {
    const QFileInfo f(path);
    if (!f.exists()) return ConsoleSettings::tr("%1 does not exist").arg(path);
    if (!f.isFile()) return ConsoleSettings::tr("%1 is not a file").arg(path);
    if (!f.isReadable()) return ConsoleSettings::tr("%1 is not readable").arg(path);
    return {};
}
}  // namespace

const QStringList& ConsoleSettings::sensitivities() {
    static const QStringList names = {QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high")};
    return names;
}

QMap<ConsoleSettings::Field, QString> ConsoleSettings::check() const {
    QMap<Field, QString> bad;
    if (!databasePath.isEmpty()) {
        const QFileInfo f(databasePath);
        const QFileInfo dir(f.absolutePath());
        if (f.exists() && !f.isFile()) bad[Field::Database] = tr("Database: %1 is not a file").arg(databasePath);
        else if (!dir.isDir()) bad[Field::Database] = tr("Database: the folder %1 does not exist").arg(dir.filePath());
        else if (!f.exists() && !dir.isWritable())
            bad[Field::Database] = tr("Database: the folder %1 is not writable").arg(dir.filePath());
    }
    if (!policyFile.isEmpty()) {
        if (const QString why = unreadable(policyFile); !why.isEmpty()) {
            bad[Field::PolicyFile] = tr("Policy file: %1").arg(why);
        } else {
            remedy::Policy p;
            std::string error;  // FILE:LINE: key: reason
            if (!remedy::loadPolicyFile(QFile::encodeName(policyFile).toStdString(), p, error))
                bad[Field::PolicyFile] = tr("Policy file: %1").arg(QString::fromStdString(error));
        }
    }
    if (!signoffUrl.isEmpty()) {
        const QUrl url(signoffUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
            url.host().isEmpty())
            bad[Field::SignoffUrl] = tr("Sign-off service: '%1' is not an http:// or https:// address with a host").arg(signoffUrl);
        else if (url.port() == 0)
            bad[Field::SignoffUrl] = tr("Sign-off service: port 0 is not a port");
        if (tokenFile.isEmpty()) bad[Field::TokenFile] = tr("Token file: required with a sign-off service");
    }
    if (!tokenFile.isEmpty())
        if (const QString why = unreadable(tokenFile); !why.isEmpty()) bad[Field::TokenFile] = tr("Token file: %1").arg(why);
    if (notifyPerMinute < 1 || notifyPerMinute > 60)
        bad[Field::NotifyPerMinute] = tr("Notifications: %1 a minute is not from 1 to 60").arg(notifyPerMinute);
    if (!sensitivities().contains(sensitivity))
        bad[Field::Sensitivity] = tr("Detector sensitivity: '%1' is not low, normal or high").arg(sensitivity);
    if (!recordDir.isEmpty()) {
        const QFileInfo d(recordDir);
        if (!d.isDir()) bad[Field::RecordDir] = tr("Always record to: the folder %1 does not exist").arg(recordDir);
        else if (!d.isWritable()) bad[Field::RecordDir] = tr("Always record to: the folder %1 is not writable").arg(recordDir);
    }
    return bad;
}

ConsoleSettings ConsoleSettings::load(const QSettings& s) {
    ConsoleSettings c;
    c.databasePath = s.value(kDatabase, c.databasePath).toString();
    c.policyFile = s.value(kPolicy, c.policyFile).toString();
    c.signoffUrl = s.value(kSignoffUrl, c.signoffUrl).toString();
    c.tokenFile = s.value(kTokenFile, c.tokenFile).toString();
    c.notifyCritical = s.value(kNotifyCritical, c.notifyCritical).toBool();
    c.notifyApprovals = s.value(kNotifyApprovals, c.notifyApprovals).toBool();
    bool ok = false;
    const int perMinute = s.value(kNotifyPerMinute, c.notifyPerMinute).toInt(&ok);
    c.notifyPerMinute = ok ? perMinute : -1;  // not a number: named by check()
    c.sensitivity = s.value(kSensitivity, c.sensitivity).toString();
    c.recordDir = s.value(kRecordDir, c.recordDir).toString();
    return c;
}

void ConsoleSettings::save(QSettings& s) const {
    s.setValue(kDatabase, databasePath);
    s.setValue(kPolicy, policyFile);
    s.setValue(kSignoffUrl, signoffUrl);
    s.setValue(kTokenFile, tokenFile);
    s.setValue(kNotifyCritical, notifyCritical);
    s.setValue(kNotifyApprovals, notifyApprovals);
    s.setValue(kNotifyPerMinute, notifyPerMinute);
    s.setValue(kSensitivity, sensitivity);
    s.setValue(kRecordDir, recordDir);
    s.sync();
}

}  // namespace vigil::ui
