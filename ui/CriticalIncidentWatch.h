// Which critical incidents are open, from the engine's snapshots, for the
// tray: each one is announced once when first seen open (opened()), and the
// count of open ones is kept for the tooltip. Mitigated counts as open (it is
// not over); an incident that resolves and later opens again is announced again.
// Silenced incidents are neither announced nor counted. With announcing off (the
// settings' critical-incident notification switch) the count is still kept, and
// an incident first seen while off is never announced later.
#pragma once

#include "ui/SnapshotMetaType.h"

#include <QObject>
#include <QSet>

namespace vigil::ui {

class CriticalIncidentWatch : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    int openCount() const { return int(open_.size()); }
    void setAnnounce(bool on) { announce_ = on; }
    bool announces() const { return announce_; }

public slots:
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);

signals:
    void opened(const QString& id, const QString& summary);
    void openCountChanged(int open);

private:
    QSet<QString> open_;
    bool announce_ = true;
};

}  // namespace vigil::ui
