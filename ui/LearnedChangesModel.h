// What Vigil learned (issue #12), for the console: one row per learned change,
// newest first, in force or reverted, with its reason. Columns: id, state,
// kind, subject, change, reason, by. Roles: Qt::DisplayRole (text),
// Qt::ToolTipRole (the reason and evidence), ChangeIdRole (qint64),
// RevertedRole (bool; reverted rows are shown greyed).
#pragma once

#include "learn/LearnChange.h"

#include <QAbstractTableModel>

#include <vector>

Q_DECLARE_METATYPE(std::vector<vigil::learn::LearnChange>)

namespace vigil::ui {

class LearnedChangesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, State, Kind, Subject, Change, Reason, By, ColumnCount };
    enum Role { ChangeIdRole = Qt::UserRole + 1, RevertedRole };

    using QAbstractTableModel::QAbstractTableModel;
    void setChanges(const std::vector<learn::LearnChange>& changes);  // any order; shown newest first
    const learn::LearnChange* changeAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    // "cut 0.750 -> 0.900" or "notify, failover_rpc -> failover_rpc, notify".
    static QString changeText(const learn::LearnChange& c);

private:
    std::vector<learn::LearnChange> rows_;
};

}  // namespace vigil::ui
