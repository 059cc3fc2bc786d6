#include "ui/CriticalIncidentWatch.h"

#include "ui/Palette.h"

namespace vigil::ui {

void CriticalIncidentWatch::showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot) {
    if (!snapshot) return;
    QSet<QString> now;
    for (const Incident& i : snapshot->incidents) {
        // A silenced incident (its cause under an active silence) raises nothing and is not counted.
        if (i.severity != Severity::Critical || i.state == IncidentState::Resolved || i.silenced) continue;
        const QString id = qs(i.id);
        now.insert(id);
        if (open_.contains(id) || !announce_) continue;
        const QString where = i.cause.empty() ? (i.targets.empty() ? QString() : qs(i.targets.front())) : qs(i.cause);
        emit opened(
            id, where.isEmpty() ? tr("Critical incident %1").arg(id) : tr("Critical incident %1 on %2").arg(id, where));
    }
    const bool changed = now != open_;
    open_ = std::move(now);
    if (changed) emit openCountChanged(int(open_.size()));
}

}  // namespace vigil::ui
