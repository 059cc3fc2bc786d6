#include "ui/EscalationModel.h"

#include "remedy/ActionSummary.h"
#include "ui/Palette.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::ui {

EscalationModel::EscalationModel(QObject* parent) : QAbstractListModel(parent) {}

int EscalationModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

QHash<int, QByteArray> EscalationModel::roleNames() const {
    QHash<int, QByteArray> n = QAbstractListModel::roleNames();
    n.insert(KeyRole, "key");
    n.insert(KindRole, "kind");
    n.insert(TimeRole, "time");
    n.insert(TargetRole, "target");
    return n;
}

QVariant EscalationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& r = rows_[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return QStringLiteral("%1  %2").arg(QDateTime::fromMSecsSinceEpoch(r.ts).toString(QStringLiteral("HH:mm:ss")), r.text);
    case Qt::ForegroundRole: return palette::bad();
    case KeyRole: return r.key;
    case KindRole: return int(r.kind);
    case TimeRole: return qint64(r.ts);
    case TargetRole: return r.target;
    }
    return {};
}

void EscalationModel::raise(Row row) {
    if (!known_.insert(row.key).second) return;
    const int r = int(rows_.size());
    beginInsertRows({}, r, r);
    rows_.push_back(row);
    endInsertRows();
    emit raised(row.text);
}

void EscalationModel::addRecords(const std::vector<vigil::Record>& records) {
    for (const Record& rec : records) {
        if (const auto* a = std::get_if<Action>(&rec)) {
            if (a->kind == "escalate") {
                const QString reason = QJsonDocument::fromJson(QByteArray::fromStdString(a->params)).object().value(QStringLiteral("reason")).toString();
                raise({QStringLiteral("esc:") + qs(a->id), Kind::BudgetExhausted, a->ts, qs(a->target),
                       tr("Automation stopped on %1: %2").arg(qs(a->target), reason.isEmpty() ? tr("action budget used up") : reason)});
            } else if (a->status == ActionStatus::Failed) {
                raise({QStringLiteral("fail:") + qs(a->id), Kind::ActionFailed, a->ts, qs(a->target),
                       tr("Action failed: %1 (%2)").arg(qs(remedy::describeAction(*a)), qs(a->id))});
            }
        } else if (const auto* ap = std::get_if<Approval>(&rec)) {
            if (ap->decision == ApprovalDecision::Expired)
                raise({QStringLiteral("exp:") + qs(ap->id), Kind::ApprovalExpired, ap->ts, QString(),
                       tr("Approval %1 for action %2 expired unanswered: the action was not run")
                           .arg(qs(ap->id), qs(ap->action_id))});
        } else if (const auto* o = std::get_if<Outcome>(&rec)) {
            if (!o->success)
                raise({QStringLiteral("fail:") + qs(o->action_id), Kind::ActionFailed, o->ts, QString(),
                       tr("Action %1 failed: %2").arg(qs(o->action_id), qs(o->detail))});
        }
    }
}

void EscalationModel::acknowledge(int row) {
    if (row < 0 || row >= int(rows_.size())) return;
    beginRemoveRows({}, row, row);
    rows_.erase(rows_.begin() + row);  // its key stays known: it does not come back
    endRemoveRows();
}

}  // namespace vigil::ui
