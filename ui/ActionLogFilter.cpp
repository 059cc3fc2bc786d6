#include "ui/ActionLogFilter.h"

#include "ui/ActionLogModel.h"

namespace vigil::ui {

void ActionLogFilter::setTarget(const QString& text) {
    target_ = text.trimmed();
    invalidateFilter();
}

void ActionLogFilter::setKind(const QString& kind) {
    kind_ = kind;
    invalidateFilter();
}

void ActionLogFilter::setStatus(int status) {
    status_ = status;
    invalidateFilter();
}

bool ActionLogFilter::filterAcceptsRow(int row, const QModelIndex& parent) const {
    const QModelIndex i = sourceModel()->index(row, 0, parent);
    if (!target_.isEmpty() && !i.data(ActionLogModel::TargetRole).toString().contains(target_, Qt::CaseInsensitive))
        return false;
    if (!kind_.isEmpty() && i.data(ActionLogModel::KindRole).toString() != kind_) return false;
    if (status_ >= 0 && i.data(ActionLogModel::StatusRole).toInt() != status_) return false;
    return true;
}

}  // namespace vigil::ui
