#include "ui/ApprovalQueuePanel.h"

#include "ui/ApprovalDialog.h"
#include "ui/ApprovalQueueModel.h"
#include "ui/ApprovalSource.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil::ui {

ApprovalQueuePanel::ApprovalQueuePanel(ApprovalSource* source, ApprovalQueueModel* queue, QWidget* parent)
    : QWidget(parent), source_(source), queue_(queue) {
    setObjectName(QStringLiteral("approvalQueue"));
    table_ = new QTableView(this);
    table_->setModel(queue_);
    table_->setAccessibleName(tr("Approval requests waiting"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    status_ = new QLabel(this);
    status_->setAccessibleName(tr("Approval source status"));
    review_ = new QPushButton(tr("Re&view…"), this);
    review_->setAccessibleName(tr("Review the selected approval request"));
    auto* row = new QHBoxLayout;
    row->addWidget(status_, 1);
    row->addWidget(review_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(table_, 1);
    layout->addLayout(row);

    auto count = [this] {
        status_->setText(queue_->rowCount() == 0 ? tr("No request is waiting.") : tr("%n waiting", "", queue_->rowCount()));
        review_->setEnabled(queue_->rowCount() > 0);
    };
    connect(queue_, &QAbstractItemModel::rowsInserted, this, count);
    connect(queue_, &QAbstractItemModel::rowsRemoved, this, count);
    count();
    connect(source_, &ApprovalSource::availabilityChanged, this, [this, count](bool up, const QString& why) {
        if (up) count();
        else status_->setText(tr("Cannot reach %1: %2").arg(source_->where(), why));
    });
    connect(review_, &QPushButton::clicked, this, [this] {
        const QModelIndex cur = table_->currentIndex();
        review(cur.isValid() ? cur.data(ApprovalQueueModel::IdRole).toString() : QString());
    });
    connect(table_, &QTableView::activated, this,
            [this](const QModelIndex& i) { review(i.data(ApprovalQueueModel::IdRole).toString()); });
    connect(queue_, &ApprovalQueueModel::arrived, this, [this](const QString& id) {
        if (!openOnArrival_) return;
        if (dialog_ && dialog_->isVisible()) return;  // it shows "1 of N" already
        review(id);
    });
}

void ApprovalQueuePanel::review(const QString& id) {
    if (!dialog_) dialog_ = new ApprovalDialog(source_, queue_, window());
    if (!id.isEmpty()) dialog_->showRequest(id);
    dialog_->show();
    dialog_->raise();
    dialog_->activateWindow();
}

}  // namespace vigil::ui
