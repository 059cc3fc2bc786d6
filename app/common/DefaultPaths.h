// Where Vigil keeps its database unless --db says otherwise: the XDG data
// location (QStandardPaths::AppDataLocation), e.g. ~/.local/share/vigil/vigil.db.
#pragma once

#include <QDir>
#include <QStandardPaths>
#include <QString>

namespace vigil::app {

inline QString defaultDatabasePath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/vigil.db");
}

}  // namespace vigil::app
