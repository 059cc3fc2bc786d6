// The incident timeline's items as a list model, fed from snapshots (anomalies,
// incidents) and from records (actions, approvals and outcomes as the store or
// a snapshot carries them; anomalies and incidents too). An item keeps its row:
// a record about a known id updates it in place (dataChanged), so views keep
// their selection; new ids append. Bounded: past maxItems the oldest quarter is
// dropped (one model reset, not one signal per item). The new items of one
// snapshot or one batch of records are inserted together (one rowsInserted),
// after the batch's updates of known items: a burst of hundreds of new items
// costs the views one insert, not hundreds.
//
// Roles: IdRole (QString), LaneRole (int, a Lane), StateRole (int, an
// ItemState), StartRole, EndRole, MitigatedRole (qint64 ms since epoch),
// OngoingRole (bool), IncidentIdRole (QString), ColorRole (QColor). DisplayRole
// is the title, ToolTipRole the summary in words.
#pragma once

#include "engine/Snapshot.h"
#include "ui/SnapshotMetaType.h"
#include "ui/RecordsMetaType.h"
#include "ui/TimelineItem.h"

#include <QAbstractListModel>

#include <array>
#include <functional>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

namespace vigil::ui {

class TimelineModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        LaneRole,
        StateRole,
        StartRole,
        EndRole,
        MitigatedRole,
        OngoingRole,
        IncidentIdRole,
        ColorRole,
    };
    static constexpr std::size_t kDefaultMaxItems = 50'000;

    explicit TimelineModel(QObject* parent = nullptr, std::size_t maxItems = kDefaultMaxItems);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const std::vector<TimelineItem>& items() const { return items_; }
    int rowOf(const std::string& id) const;
    // Rows of one lane ordered by start time (for painting and hit-testing).
    const std::vector<int>& laneOrder(Lane lane) const;
    // A row's position in its lane's start order (overlapping spans take turns in tracks).
    int rankInLane(int row) const;
    // The latest engine time seen: ongoing items end here.
    TimestampMs now() const { return now_; }
    TimestampMs earliest() const;

public slots:
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);
    void addRecords(const std::vector<vigil::Record>& records);
    void setNow(TimestampMs t);

signals:
    // The engine time moved on: ongoing items and a following view's axis move
    // with it even when no item changes (a calm fleet, a collector-only console).
    void nowAdvanced(qint64 now);

private:
    void add(const Record& r);
    void addAnomaly(const Anomaly& a);
    void addIncident(const Incident& i);
    void addAction(const Action& a);
    void addApproval(const Approval& a);
    void addOutcome(const Outcome& o);
    // Inserts or updates by id; `update` edits an existing item.
    void put(TimelineItem item, const std::function<void(TimelineItem&)>& update = {});
    // The item with this row (rows past items_ are in added_), or null.
    TimelineItem* itemAt(int row);
    void insertAdded();  // added_ become rows, in one insert
    void trim();

    std::size_t maxItems_;
    std::vector<TimelineItem> items_;
    std::vector<TimelineItem> added_;  // new in this batch, rows from items_.size() on
    std::unordered_map<std::string, int> rows_;
    mutable std::array<std::vector<int>, kLaneCount> laneOrder_;
    mutable std::vector<int> rank_;
    mutable bool orderDirty_ = true;
    TimestampMs now_ = 0;
    std::set<std::string> approvalActions_;  // actions that went through people
    std::set<std::string> expiredActions_;
    std::unordered_map<std::string, std::string> actionIncident_;  // action id -> incident id
};

}  // namespace vigil::ui
