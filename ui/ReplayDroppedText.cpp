#include "ui/ReplayDroppedText.h"

#include "replay/ReplayController.h"

#include <QLocale>
#include <QStringList>

namespace vigil::ui {

QString ReplayDroppedText::line(const ReplayProgress& p) {
    QStringList parts;
    if (p.incidentsDropped) parts << tr("%Ln incident(s)", nullptr, int(p.incidentsDropped));
    if (p.actionsDropped) parts << tr("%Ln action(s)", nullptr, int(p.actionsDropped));
    if (parts.isEmpty()) return {};
    return tr("%1 not kept, counted in the report").arg(parts.join(tr(" and ")));
}

QString ReplayDroppedText::tip(const ReplayProgress& p) {
    if (!p.incidentsDropped && !p.actionsDropped) return {};
    return tr("So that memory stays flat however long the recording, a replay keeps only the newest incidents "
              "and actions for its report and its seeks; older ones are counted, not kept.\n"
              "Seen so far: %1 incidents (%2 not kept), %3 actions (%4 not kept).")
        .arg(QLocale().toString(qlonglong(p.incidents)), QLocale().toString(qlonglong(p.incidentsDropped)),
             QLocale().toString(qlonglong(p.actions)), QLocale().toString(qlonglong(p.actionsDropped)));
}

}  // namespace vigil::ui
