// The engine's incidents as a table model: open and mitigated ones first, then the
// resolved ones, each group newest (by opening time) first. Every snapshot carries
// the latest state of every incident; the model updates in place (new rows
// inserted, changed rows reported with dataChanged, rows moved when an incident
// resolves), never reset per snapshot, so a view keeps its selection.
//
// Roles (any column): IdRole (QString), StateRole (int, an IncidentState),
// SeverityRole (int, a Severity), SeverityColorRole (QColor), OpenedRole and
// UpdatedRole (qint64 ms since epoch), TargetsRole (QStringList), CauseRole and
// NarrativeRole (QString), AnomalyCountRole (qint64). Qt::DecorationRole on the
// Severity column carries the severity colour; Qt::ToolTipRole is the full
// narrative; resolved rows are greyed with Qt::ForegroundRole.
#pragma once

#include "engine/Snapshot.h"
#include "ui/SnapshotMetaType.h"

#include <QAbstractTableModel>
#include <QColor>

#include <memory>
#include <vector>

namespace vigil::ui {

class IncidentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { OpenedCol, SeverityCol, StateCol, CauseCol, AnomaliesCol, NarrativeCol, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole,
        SeverityRole,
        SeverityColorRole,
        OpenedRole,
        UpdatedRole,
        TargetsRole,
        CauseRole,
        NarrativeRole,
        AnomalyCountRole,
        SilencedRole,  // bool: a silence matches its likely cause (no action); the row is greyed
    };

    explicit IncidentListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // The incident shown in `row`, or null (for "Silence…" from the selected incident).
    const Incident* incidentAt(int row) const { return row >= 0 && row < int(rows_.size()) ? &rows_[std::size_t(row)] : nullptr; }

    static QColor colorOf(Severity s);
    static QString nameOf(Severity s);
    static QString nameOf(IncidentState s);

public slots:
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);

private:
    std::vector<Incident> rows_;  // display order (see above)
};

}  // namespace vigil::ui
