// Every worker agent's health as a table model, refreshed from engine snapshots.
//
// Health is judged on the last minute of engine time, not on lifetime totals, so an
// agent that recovered turns green again:
//   Failing  — at least 3 failed tasks and ≥ 50 % of its finished tasks failed
//   Degraded — at least 1 failed task and ≥ 10 % failed
//   Silent   — for 30 s of engine time, no task event and no metric sample about
//              the agent (target "agent:<name>")
//   Healthy  — otherwise
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
#include <deque>
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
    enum class Health { Healthy, Degraded, Failing, Silent };

    static constexpr TimestampMs kRecentWindowMs = 60'000;
    static constexpr TimestampMs kSilentAfterMs = 30'000;

    explicit FleetStatusModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QColor colorOf(Health h);
    static QString nameOf(Health h);

    // Counts per health state, in Health order.
    std::array<int, 4> healthCounts() const;

public slots:
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);

private:
    struct Row {
        AgentStatus status;
        struct Mark {
            TimestampMs time;
            std::int64_t succeeded, failed;
        };
        std::deque<Mark> marks;  // one per second of engine time, last window + 1
        double recentRatio = 0.0;
        std::int64_t recentFailed = 0, recentFinished = 0;
        Health health = Health::Healthy;
    };
    void refresh(Row& row, TimestampMs now, TimestampMs lastSample) const;

    std::vector<Row> rows_;  // sorted by agent, like the snapshot
};

}  // namespace vigil::ui
