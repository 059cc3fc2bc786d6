#include "ui/FleetTable.h"

#include "ui/FleetStatusModel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace vigil::ui {

FleetTable::FleetTable(FleetStatusModel* model, QWidget* parent) : QTableView(parent) {
    setObjectName(QStringLiteral("fleetTable"));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::DisplayRole);
    setModel(proxy);
    setSortingEnabled(true);
    sortByColumn(FleetStatusModel::AgentCol, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(FleetStatusModel::LastErrorCol, QHeaderView::Stretch);
}

}  // namespace vigil::ui
