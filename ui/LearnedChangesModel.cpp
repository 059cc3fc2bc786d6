#include "ui/LearnedChangesModel.h"

#include <QColor>

#include <algorithm>

namespace vigil::ui {

void LearnedChangesModel::setChanges(const std::vector<learn::LearnChange>& changes) {
    beginResetModel();
    rows_ = changes;
    std::stable_sort(rows_.begin(), rows_.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
    endResetModel();
}

const learn::LearnChange* LearnedChangesModel::changeAt(int row) const {
    return row >= 0 && row < static_cast<int>(rows_.size()) ? &rows_[static_cast<std::size_t>(row)] : nullptr;
}

int LearnedChangesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int LearnedChangesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString LearnedChangesModel::changeText(const learn::LearnChange& c) {
    if (c.kind == learn::ChangeKind::SeriesCut)
        return QStringLiteral("cut %1 -> %2").arg(c.cutBefore, 0, 'f', 3).arg(c.cutAfter, 0, 'f', 3);
    const auto list = [](const std::vector<std::string>& v) {
        return v.empty() ? tr("policy order") : QString::fromStdString(learn::joinList(v));
    };
    return QStringLiteral("%1 -> %2").arg(list(c.orderBefore), list(c.orderAfter));
}

QVariant LearnedChangesModel::data(const QModelIndex& index, int role) const {
    const learn::LearnChange* c = index.isValid() ? changeAt(index.row()) : nullptr;
    if (!c) return {};
    switch (role) {
    case ChangeIdRole: return QVariant::fromValue<qint64>(c->id);
    case RevertedRole: return c->reverted();
    case Qt::ForegroundRole: return c->reverted() ? QVariant(QColor(Qt::gray)) : QVariant();
    case Qt::ToolTipRole:
        return QString::fromStdString(c->reason) + QStringLiteral("\n") +
               tr("Evidence: %1").arg(QString::fromStdString(learn::joinList(c->evidence)));
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id: return QVariant::fromValue<qint64>(c->id);
        case State:
            return c->reverted() ? tr("reverted by %1").arg(QString::fromStdString(c->revertedBy)) : tr("in force");
        case Kind: return c->kind == learn::ChangeKind::SeriesCut ? tr("series cut") : tr("playbook order");
        case Subject: return QString::fromStdString(c->subject());
        case Change: return changeText(*c);
        case Reason: return QString::fromStdString(c->reason);
        case By: return QString::fromStdString(c->by);
        default: return {};
        }
    default: return {};
    }
}

QVariant LearnedChangesModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("ID");
    case State: return tr("State");
    case Kind: return tr("Kind");
    case Subject: return tr("Subject");
    case Change: return tr("Change");
    case Reason: return tr("Why");
    case By: return tr("By");
    default: return {};
    }
}

}  // namespace vigil::ui
