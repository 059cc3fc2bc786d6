// Every worker agent's health as a table model, refreshed from engine snapshots.
// The engine judges health (engine/AgentHealth.h); this model only displays it.
//
// Roles (any column): AgentRole, WorkflowRole, EndpointRole, SucceededRole,
// FailedRole, LastErrorRole (QString / qint64), HealthRole (int, a Health value),
// HealthColorRole (QColor), RecentFailureRatioRole (double, 0..1, NaN without
// recent tasks). Qt::DecorationRole on the Agent column and Qt::BackgroundRole on
// the Health column carry the health colour; Qt::ToolTipRole summarises the row.
#pragma once

#include "engine/Snapshot.h"
#include "ui/SnapshotMetaType.h"

#include <QAbstractTableModel>
#include <QColor>

#include <array>
#include <memory>
#include <vector>

namespace vigil::ui {

class FleetStatusModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AgentCol, HealthCol, WorkflowCol, EndpointCol, SucceededCol, FailedCol, FailureRateCol, LastErrorCol, ColumnCount };
    enum Role {
        AgentRole = Qt::UserRole + 1,
        WorkflowRole,
        EndpointRole,
        SucceededRole,
        FailedRole,
        LastErrorRole,
        HealthRole,
        HealthColorRole,
        RecentFailureRatioRole,
    };
    using Health = AgentHealth;

    explicit FleetStatusModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QColor colorOf(Health h);
    static QString nameOf(Health h);

    // Counts per health state, in Health order.
    std::array<int, kAgentHealthCount> healthCounts() const;

public slots:
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);

private:
    std::vector<AgentStatus> rows_;  // sorted by agent, like the snapshot
};

}  // namespace vigil::ui
