#include "ui/RecentRecordings.h"

#include <QFileInfo>
#include <QSettings>

namespace vigil::ui {

namespace {
const QString kKey = QStringLiteral("replay/recent");
}

QStringList RecentRecordings::list() { return QSettings().value(kKey).toStringList(); }

void RecentRecordings::add(const QString& path) {
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList l = list();
    l.removeAll(abs);
    l.prepend(abs);
    while (l.size() > kMax) l.removeLast();
    QSettings().setValue(kKey, l);
}

void RecentRecordings::clear() { QSettings().remove(kKey); }

}  // namespace vigil::ui
