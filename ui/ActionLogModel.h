// Every action and proposal Vigil made, one row per action id (its latest
// state), oldest first, with its summary in words (remedy::summarizeAction:
// what was seen, what Vigil did and why, the outcome). Fed from records
// (actions, approvals, outcomes: the store or a snapshot) and from snapshots
// (the incidents an action belongs to, for "what was seen"). Rows update in
// place; new actions append, those of one batch of records in one insert
// (after the batch's updates of known rows), not one insert each.
//
// Roles: IdRole, TargetRole, KindRole, IncidentIdRole, TitleRole, SummaryRole
// (QString), StatusRole (int, an ActionStatus), CriticalRole (bool), TimeRole
// (qint64 ms since epoch: when the action was first seen, as the Time column
// shows, so the column reads in row order; the state column says where it is
// now), UpdatedRole (qint64: its latest state's time). Qt::ToolTipRole is the summary.
#pragma once

#include "engine/Snapshot.h"
#include "ui/RecordsMetaType.h"
#include "ui/SnapshotMetaType.h"

#include <QAbstractTableModel>

#include <map>
#include <optional>
#include <unordered_map>

namespace vigil::ui {

class ActionLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeCol, TargetCol, KindCol, StatusCol, TitleCol, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        TargetRole,
        KindRole,
        IncidentIdRole,
        TitleRole,
        SummaryRole,
        StatusRole,
        CriticalRole,
        TimeRole,
        UpdatedRole,
    };

    explicit ActionLogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString& id) const;
    static QString statusName(ActionStatus s);

public slots:
    void addRecords(const std::vector<vigil::Record>& records);
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);

private:
    struct Row {
        Action action;
        TimestampMs firstSeen = 0;  // the first state's time: a retry approved minutes later stays in its place
        std::optional<Approval> approval;
        std::optional<Outcome> outcome;
        QString title, summary;
    };
    void summarize(Row& row) const;
    static ActionStatus shownStatus(const Row& row);
    void changed(int row);
    Row& rowAt(int row);  // rows past rows_ are in added_
    void insertAdded();

    std::vector<Row> rows_;
    std::vector<Row> added_;  // new in this batch, rows from rows_.size() on
    std::unordered_map<std::string, int> byId_;
    std::map<std::string, Incident> incidents_;
    std::map<std::string, std::string> rules_;
    std::map<std::string, Approval> pendingApprovals_;  // decisions whose action is not here yet  // action id -> rule named in its approval request
};

}  // namespace vigil::ui
