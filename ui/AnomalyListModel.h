// The engine's recent anomalies, newest first, as a table model. New anomalies are
// inserted at the top (not a reset), so a view keeps its selection. Silenced
// anomalies (silence/SilenceMarker.h) are shown greyed, with "(silenced)"; those that
// are Vigil's own action taking effect (correlate/OwnEffectMarker.h) greyed too, their
// explanation led by the action's id.
#pragma once

#include "engine/Snapshot.h"
#include "ui/SnapshotMetaType.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace vigil::ui {

class AnomalyListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeCol, DetectorCol, SeriesCol, TargetCol, ScoreCol, ExplanationCol, ColumnCount };
    // SilencedRole (bool): an active silence matched it; such rows are greyed.
    // OwnEffectRole (QString): the id of Vigil's own action it is the effect of, or
    // empty; such rows are greyed too.
    enum Role { IdRole = Qt::UserRole + 1, ScoreRole, TimestampRole, SilencedRole, OwnEffectRole };

    explicit AnomalyListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);

private:
    std::vector<Anomaly> rows_;  // newest first
};

}  // namespace vigil::ui
