// Silences as a table model for the silence panel: one row per silence, oldest
// first, with its state at the source's time (active, pending, ended, expired).
// Roles (besides Display/ToolTip/Foreground):
//   IdRole (qint64), StateRole (QString: active|pending|ended|expired),
//   StartsRole / EndsRole (qint64 ms), CreatedByRole, ExpiredByRole,
//   MatchersRole (QString, "target=rpc:*, kind=stuck-tx"), ReasonRole.
#pragma once

#include "silence/Silence.h"

#include <QAbstractTableModel>

#include <vector>

namespace vigil::ui {

class SilenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdCol, StateCol, MatchersCol, StartsCol, EndsCol, ByCol, ReasonCol, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole,
        StartsRole,
        EndsRole,
        CreatedByRole,
        ExpiredByRole,
        MatchersRole,
        ReasonRole,
    };

    explicit SilenceModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the rows (a reset only when the set changed), states judged at `now`.
    void setSilences(std::vector<silence::Silence> silences, TimestampMs now);
    const silence::Silence* at(int row) const;
    // "active", "pending", "ended" or "expired" (ended early by someone).
    static QString stateOf(const silence::Silence& s, TimestampMs now);

private:
    std::vector<silence::Silence> rows_;
    TimestampMs now_ = 0;
};

}  // namespace vigil::ui
