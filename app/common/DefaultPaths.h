// Where Vigil keeps its database unless --db says otherwise, for the console and
// vigilctl alike: $XDG_DATA_HOME/vigil/vigil.db, i.e. ~/.local/share/vigil/vigil.db.
// Built on GenericDataLocation, not AppDataLocation, because the latter depends on
// each app's organisation name (it gave vigil/vigil/ and Vigil/vigil/). The folder
// is created by whoever opens the database (core/store). Documented once, in
// docs/storage.md.
#pragma once

#include <QStandardPaths>
#include <QString>

namespace vigil::app {

inline QString defaultDatabasePath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/vigil/vigil.db");
}

}  // namespace vigil::app
