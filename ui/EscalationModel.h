// What needs a person's attention and stays until someone acknowledges it: an
// action budget used up (the planner's "escalate" action), an approval request
// that expired unanswered, a failed action. Fed from records; one row per
// thing (a failed action and its failed outcome are one row). Acknowledged
// ones do not come back when the same records are seen again.
//
// Roles: KeyRole (QString, unique), KindRole (int, Kind), TimeRole (qint64),
// TargetRole (QString); DisplayRole is the text in words.
#pragma once

#include "ui/RecordsMetaType.h"

#include <QAbstractListModel>

#include <set>

namespace vigil::ui {

class EscalationModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Kind { BudgetExhausted, ApprovalExpired, ActionFailed };
    enum Role { KeyRole = Qt::UserRole + 1, KindRole, TimeRole, TargetRole };

    explicit EscalationModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    void addRecords(const std::vector<vigil::Record>& records);
    void acknowledge(int row);

signals:
    void raised(const QString& text);

private:
    struct Row {
        QString key;
        Kind kind;
        TimestampMs ts;
        QString target;
        QString text;
    };
    void raise(Row row);

    std::vector<Row> rows_;
    std::set<QString> known_;  // raised (shown or acknowledged)
};

}  // namespace vigil::ui
