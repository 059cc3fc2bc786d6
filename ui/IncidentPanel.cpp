#include "ui/IncidentPanel.h"

#include "ui/IncidentListModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>

namespace vigil::ui {

IncidentPanel::IncidentPanel(IncidentListModel* model, QWidget* parent) : QStackedWidget(parent), model_(model) {
    setObjectName(QStringLiteral("incidentPanel"));
    auto* none = new QLabel(tr("No incidents."), this);
    none->setAlignment(Qt::AlignCenter);
    none->setEnabled(false);  // greyed: a state, not a message to act on
    addWidget(none);

    auto* split = new QSplitter(Qt::Vertical, this);
    table_ = new QTableView(split);
    table_->setModel(model);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(false);  // the full narrative is in the detail below
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    // The narrative is the detail pane's job: as a column, sized to its text it pushed
    // the table into sideways scrolling in a docked panel, and squeezed it showed a few
    // letters. The table keeps the columns an engineer triages by.
    table_->setColumnHidden(IncidentListModel::NarrativeCol, true);

    // Narratives can be long: the detail scrolls rather than clipping. Selectable:
    // ids and targets get pasted into tickets.
    detail_ = new QTextBrowser(split);
    detail_->setObjectName(QStringLiteral("incidentDetail"));
    detail_->setFrameShape(QFrame::NoFrame);
    detail_->setOpenLinks(false);
    detail_->viewport()->setAutoFillBackground(false);  // the panel's background, as the label had
    split->addWidget(table_);
    split->addWidget(detail_);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    // A narrative runs to ten lines or more in a narrow dock; the table rarely holds
    // more than a handful of incidents, so the detail gets the larger share.
    detail_->setMinimumHeight(fontMetrics().lineSpacing() * 14);
    split->setSizes({fontMetrics().lineSpacing() * 8, fontMetrics().lineSpacing() * 20});
    split->setChildrenCollapsible(false);
    addWidget(split);

    connect(model, &QAbstractItemModel::rowsInserted, this, &IncidentPanel::showTableIfAny);
    connect(model, &QAbstractItemModel::rowsMoved, this, &IncidentPanel::showTableIfAny);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &IncidentPanel::showTableIfAny);
    connect(model, &QAbstractItemModel::modelReset, this, &IncidentPanel::showTableIfAny);
    connect(model, &QAbstractItemModel::dataChanged, this, &IncidentPanel::showDetail);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (table_->hasFocus()) followTop_ = false;  // keyboard navigation: the user picked
        showDetail();
        const QModelIndex cur = table_->selectionModel()->currentIndex();
        if (cur.isValid() && table_->hasFocus()) emit incidentSelected(cur.data(IncidentListModel::IdRole).toString());
    });
    connect(table_, &QAbstractItemView::pressed, this, [this](const QModelIndex& i) {
        followTop_ = false;
        emit incidentSelected(i.data(IncidentListModel::IdRole).toString());
    });
    showTableIfAny();
}

void IncidentPanel::showTableIfAny() {
    setCurrentIndex(model_->rowCount() > 0 ? 1 : 0);
    // Show the top (newest active) incident until the user picks one; then keep theirs.
    const QModelIndex cur = table_->selectionModel()->currentIndex();
    if (model_->rowCount() > 0 && (!cur.isValid() || (followTop_ && cur.row() != 0))) table_->selectRow(0);
    showDetail();
}

void IncidentPanel::selectIncident(const QString& id) {
    for (int r = 0; r < model_->rowCount(); ++r)
        if (model_->index(r, 0).data(IncidentListModel::IdRole).toString() == id) {
            followTop_ = false;
            table_->selectRow(r);
            table_->scrollTo(model_->index(r, 0));
            return;
        }
}

void IncidentPanel::showDetail() {
    const QModelIndex cur = table_->selectionModel()->currentIndex();
    if (!cur.isValid()) {
        setDetail(tr("Select an incident to see its narrative and targets."));
        return;
    }
    const QModelIndex row = cur.siblingAtColumn(0);
    const QStringList targets = row.data(IncidentListModel::TargetsRole).toStringList();
    setDetail(
        tr("<b>%1</b> — %2, %3, cause %4<br>%5<br><i>Targets (%6):</i> %7")
            .arg(row.data(IncidentListModel::IdRole).toString().toHtmlEscaped(),
                 row.siblingAtColumn(IncidentListModel::SeverityCol).data().toString(),
                 row.siblingAtColumn(IncidentListModel::StateCol).data().toString(),
                 row.data(IncidentListModel::CauseRole).toString().toHtmlEscaped(),
                 row.data(IncidentListModel::NarrativeRole).toString().toHtmlEscaped())
            .arg(targets.size())
            .arg(targets.join(QStringLiteral(", ")).toHtmlEscaped()));
}

void IncidentPanel::setDetail(const QString& html) {
    if (html == shown_) return;  // every snapshot reports the incidents, mostly unchanged
    shown_ = html;
    QScrollBar* bar = detail_->verticalScrollBar();
    const int at = bar->value();  // a reader further down stays there as the narrative grows
    detail_->setHtml(html);
    bar->setValue(at);
}

}  // namespace vigil::ui
