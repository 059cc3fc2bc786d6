#include "ui/AnomalyFeed.h"

#include "ui/AnomalyListModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace vigil::ui {

AnomalyFeed::AnomalyFeed(AnomalyListModel* model, QWidget* parent) : QStackedWidget(parent), model_(model) {
    setObjectName(QStringLiteral("anomalyFeed"));
    auto* none = new QLabel(tr("No anomalies detected."), this);
    none->setAlignment(Qt::AlignCenter);
    none->setEnabled(false);  // greyed: a state, not a message to act on
    addWidget(none);

    table_ = new QTableView(this);
    table_->setModel(model);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    addWidget(table_);

    connect(model, &QAbstractItemModel::rowsInserted, this, &AnomalyFeed::showTableIfAny);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AnomalyFeed::showTableIfAny);
    connect(model, &QAbstractItemModel::modelReset, this, &AnomalyFeed::showTableIfAny);
    showTableIfAny();
}

void AnomalyFeed::showTableIfAny() { setCurrentIndex(model_->rowCount() > 0 ? 1 : 0); }

}  // namespace vigil::ui
