#include "ui/ActionLogPanel.h"

#include "ui/ActionLogFilter.h"
#include "ui/ActionLogModel.h"
#include "ui/EscalationModel.h"
#include "ui/Palette.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace vigil::ui {

ActionLogPanel::ActionLogPanel(ActionLogModel* actions, EscalationModel* escalations, QWidget* parent)
    : QWidget(parent), actions_(actions), escalations_(escalations) {
    setObjectName(QStringLiteral("actionLog"));

    // Escalations: red, on top, until acknowledged.
    escalationBox_ = new QFrame(this);
    escalationBox_->setObjectName(QStringLiteral("escalations"));
    escalationBox_->setStyleSheet(QStringLiteral("#escalations { border: 2px solid %1; border-radius: 3px; }").arg(palette::bad().name()));
    auto* escTitle = new QLabel(tr("<b>Escalations</b> — need a person"), escalationBox_);
    // Its width never widens the dock: appearing then re-lays out only the dock's
    // column, not the charts beside it (a 20-50 ms relayout of every chart).
    escalationBox_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    escTitle->setWordWrap(true);
    escalationList_ = new QListView(escalationBox_);
    escalationList_->setModel(escalations_);
    escalationList_->setAccessibleName(tr("Escalations waiting for acknowledgement"));
    escalationList_->setMaximumHeight(90);
    escalationList_->setWordWrap(true);
    acknowledge_ = new QPushButton(tr("Ac&knowledge"), escalationBox_);
    acknowledge_->setAccessibleName(tr("Acknowledge the selected escalation"));
    auto* escHead = new QHBoxLayout;
    escHead->addWidget(escTitle, 1);
    escHead->addWidget(acknowledge_);
    auto* escLayout = new QVBoxLayout(escalationBox_);
    escLayout->setContentsMargins(4, 4, 4, 4);
    escLayout->addLayout(escHead);
    escLayout->addWidget(escalationList_);
    connect(acknowledge_, &QPushButton::clicked, this, [this] {
        const QModelIndex cur = escalationList_->currentIndex();
        escalations_->acknowledge(cur.isValid() ? cur.row() : 0);
    });
    auto escVisible = [this] { escalationBox_->setVisible(escalations_->rowCount() > 0); };
    connect(escalations_, &QAbstractItemModel::rowsInserted, this, escVisible);
    connect(escalations_, &QAbstractItemModel::rowsRemoved, this, escVisible);
    escVisible();

    // Filters.
    target_ = new QLineEdit(this);
    target_->setPlaceholderText(tr("Target contains…"));
    target_->setAccessibleName(tr("Filter by target"));
    target_->setClearButtonEnabled(true);
    kind_ = new QComboBox(this);
    kind_->setAccessibleName(tr("Filter by kind"));
    kind_->addItem(tr("All kinds"), QString());
    state_ = new QComboBox(this);
    state_->setAccessibleName(tr("Filter by state"));
    state_->addItem(tr("All states"), -1);
    for (ActionStatus s : {ActionStatus::Proposed, ActionStatus::AwaitingApproval, ActionStatus::Executing, ActionStatus::Succeeded,
                           ActionStatus::Failed, ActionStatus::Rejected, ActionStatus::Suppressed})
        state_->addItem(ActionLogModel::statusName(s), int(s));
    auto* filters = new QHBoxLayout;
    filters->addWidget(target_, 2);
    filters->addWidget(kind_, 1);
    filters->addWidget(state_, 1);

    filter_ = new ActionLogFilter(this);
    filter_->setSourceModel(actions_);
    connect(target_, &QLineEdit::textChanged, filter_, &ActionLogFilter::setTarget);
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] { filter_->setKind(kind_->currentData().toString()); });
    connect(state_, &QComboBox::currentIndexChanged, this, [this] { filter_->setStatus(state_->currentData().toInt()); });
    connect(actions_, &QAbstractItemModel::rowsInserted, this, &ActionLogPanel::refreshKinds);

    table_ = new QTableView(this);
    table_->setModel(filter_);
    table_->setAccessibleName(tr("Actions and proposals"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    detail_ = new QLabel(this);
    detail_->setObjectName(QStringLiteral("actionDetail"));
    detail_->setAccessibleName(tr("Summary of the selected action"));
    detail_->setWordWrap(true);
    detail_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    detail_->setText(tr("No action yet: Vigil's automatic actions and its proposals appear here."));
    auto* detailScroll = new QScrollArea(this);
    detailScroll->setWidget(detail_);
    detailScroll->setWidgetResizable(true);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(detailScroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(escalationBox_);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ActionLogPanel::showDetail);
    connect(actions_, &QAbstractItemModel::dataChanged, this, [this] {
        const QModelIndex cur = table_->currentIndex();
        if (cur.isValid()) detail_->setText(cur.data(ActionLogModel::SummaryRole).toString());
    });
}

void ActionLogPanel::refreshKinds() {
    std::set<QString> kinds;
    for (int r = 0; r < actions_->rowCount(); ++r) kinds.insert(actions_->index(r, 0).data(ActionLogModel::KindRole).toString());
    for (const QString& k : kinds)
        if (kind_->findData(k) < 0) kind_->addItem(k, k);
}

void ActionLogPanel::showDetail() {
    const QModelIndex cur = table_->currentIndex();
    if (!cur.isValid()) return;
    detail_->setText(cur.data(ActionLogModel::SummaryRole).toString());
    emit actionSelected(cur.data(ActionLogModel::IdRole).toString(), cur.data(ActionLogModel::IncidentIdRole).toString());
}

void ActionLogPanel::selectId(const QString& id) {
    int row = actions_->rowOf(id);
    if (row < 0)  // an incident: its newest action
        for (int r = actions_->rowCount() - 1; r >= 0 && row < 0; --r)
            if (actions_->index(r, 0).data(ActionLogModel::IncidentIdRole).toString() == id) row = r;
    if (row < 0) return;
    const QModelIndex proxied = filter_->mapFromSource(actions_->index(row, 0));
    if (!proxied.isValid()) return;  // filtered out: leave the user's filter alone
    QSignalBlocker quiet(this);      // selected from elsewhere: do not echo it back
    table_->setCurrentIndex(proxied);
    table_->scrollTo(proxied);
    detail_->setText(proxied.data(ActionLogModel::SummaryRole).toString());
}

}  // namespace vigil::ui
