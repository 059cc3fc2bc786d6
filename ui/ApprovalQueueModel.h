// The approval requests waiting for people, as a table model, oldest first (the
// first to expire is on top). Updated in place from an ApprovalSource's list:
// new requests inserted, changed ones reported with dataChanged, decided or
// expired ones removed, never reset, so views keep their selection.
//
// Roles (any column): IdRole (QString), ActionIdRole, ActionKindRole,
// TargetRole, IncidentIdRole, RuleRole, RequesterRole, NarrativeRole,
// ContentRole (QString: the canonical JSON approved), ValueEthRole (QString,
// exact), ApprovalsRole and ApproversNeededRole (int), CreatedRole and
// ExpiresRole (qint64 ms since epoch), RequestRole (the whole
// approve::ApprovalRequest, for the dialog). Qt::ToolTipRole is the narrative.
#pragma once

#include "ui/ApprovalTypes.h"

#include <QAbstractTableModel>

namespace vigil::ui {

class ApprovalQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CreatedCol, ActionCol, TargetCol, ValueCol, ApprovalsCol, ExpiresCol, RequesterCol, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        ActionIdRole,
        ActionKindRole,
        TargetRole,
        IncidentIdRole,
        RuleRole,
        RequesterRole,
        NarrativeRole,
        ContentRole,
        ValueEthRole,
        ApprovalsRole,
        ApproversNeededRole,
        CreatedRole,
        ExpiresRole,
        RequestRole,
    };

    explicit ApprovalQueueModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const approve::ApprovalRequest& request(int row) const { return rows_[std::size_t(row)]; }
    int rowOf(const QString& id) const;  // -1 when not queued

public slots:
    void setRequests(const vigil::ui::ApprovalList& pending);

signals:
    // A request not seen before joined the queue (for notifications).
    void arrived(const QString& id);

private:
    ApprovalList rows_;
};

}  // namespace vigil::ui
