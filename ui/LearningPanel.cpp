#include "ui/LearningPanel.h"

#include "ui/LearnedChangesModel.h"
#include "ui/LearningWorker.h"

#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil::ui {

LearningPanel::LearningPanel(const QString& dbPath, const QString& user, int pollMs, QWidget* parent)
    : QWidget(parent), user_(user) {
    qRegisterMetaType<std::vector<vigil::learn::LearnChange>>();
    model_ = new LearnedChangesModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    auto* revert = new QPushButton(tr("Revert"), this);
    revert->setToolTip(tr("Take the selected change back; what was in force before it applies again"));
    status_ = new QLabel(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(revert);
    layout->addWidget(status_);
    connect(revert, &QPushButton::clicked, this, &LearningPanel::revertSelected);

    worker_ = new LearningWorker(dbPath);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &LearningWorker::changes, model_, &LearnedChangesModel::setChanges);
    auto show = [this](const QString& text) {
        lastMessage_ = text;
        status_->setText(text);
        emit message(text);
    };
    connect(worker_, &LearningWorker::done, this, show);
    connect(worker_, &LearningWorker::failed, this, show);
    thread_.start();
    poll_ = new QTimer(this);
    poll_->setInterval(pollMs);
    connect(poll_, &QTimer::timeout, this, &LearningPanel::refresh);
    poll_->start();
    refresh();
}

LearningPanel::~LearningPanel() {
    thread_.quit();
    thread_.wait();
}

void LearningPanel::refresh() { QMetaObject::invokeMethod(worker_, &LearningWorker::refresh, Qt::QueuedConnection); }

void LearningPanel::giveFeedback(const QString& incidentId, learn::Verdict verdict, const QString& comment) {
    QMetaObject::invokeMethod(worker_, [w = worker_, incidentId, v = static_cast<int>(verdict), u = user_, comment] {
        w->giveFeedback(incidentId, v, u, comment);
    }, Qt::QueuedConnection);
}

void LearningPanel::revertSelected() {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    const qint64 id = model_->data(rows.first(), LearnedChangesModel::ChangeIdRole).toLongLong();
    QMetaObject::invokeMethod(worker_, [w = worker_, id, u = user_] { w->revert(id, u); }, Qt::QueuedConnection);
}

LearningPanel* makeLearningPanel(const QString& dbPath, const QString& user, QWidget* parent) {
    return new LearningPanel(dbPath, user, 5000, parent);
}

void addFeedbackActions(QMenu* menu, const QString& incidentId, LearningPanel* panel) {
    const std::pair<QString, learn::Verdict> items[] = {
        {LearningPanel::tr("False alarm"), learn::Verdict::FalseAlarm},
        {LearningPanel::tr("Real problem"), learn::Verdict::Real},
        {LearningPanel::tr("The action helped"), learn::Verdict::ActionHelped},
        {LearningPanel::tr("The action did not help"), learn::Verdict::ActionUseless}};
    for (const auto& [text, verdict] : items) {
        QAction* a = menu->addAction(text);
        QObject::connect(a, &QAction::triggered, panel,
                         [panel, incidentId, v = verdict] { panel->giveFeedback(incidentId, v); });
    }
}

}  // namespace vigil::ui
