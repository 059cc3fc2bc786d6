#include "ui/DeskWindow.h"

#include "ui/ApprovalQueueModel.h"
#include "ui/ApprovalQueuePanel.h"
#include "ui/EvidenceChart.h"
#include "ui/Palette.h"
#include "ui/RemoteApprovalSource.h"
#include "ui/TrayNotifier.h"

#include <QApplication>
#include <QGroupBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil::ui {

DeskWindow::DeskWindow(RemoteApprovalSource* source, QWidget* parent) : QMainWindow(parent), source_(source) {
    setObjectName(QStringLiteral("vigilDeskWindow"));
    setWindowTitle(tr("Vigil — sign-off desk (%1)").arg(source_->url()));

    banner_ = new QLabel(this);
    banner_->setObjectName(QStringLiteral("connectionBanner"));
    banner_->setAccessibleName(tr("Connection to the sign-off service"));
    banner_->setWordWrap(true);
    banner_->setMargin(6);

    queue_ = new ApprovalQueueModel(this);
    connect(source_, &ApprovalSource::requestsChanged, queue_, &ApprovalQueueModel::setRequests);
    panel_ = new ApprovalQueuePanel(source_, queue_);

    auto* evidenceBox = new QGroupBox(tr("Evidence of the selected request"));
    narrative_ = new QLabel(evidenceBox);
    narrative_->setObjectName(QStringLiteral("narrative"));
    narrative_->setAccessibleName(tr("Why the action was proposed"));
    narrative_->setWordWrap(true);
    narrative_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    chart_ = new EvidenceChart(evidenceBox);
    auto* evidenceLayout = new QVBoxLayout(evidenceBox);
    evidenceLayout->addWidget(narrative_);
    evidenceLayout->addWidget(chart_, 1);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(panel_);
    split->addWidget(evidenceBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(banner_);
    layout->addWidget(split, 1);
    setCentralWidget(central);

    signedIn_ = new QLabel(this);
    signedIn_->setObjectName(QStringLiteral("signedIn"));
    signedIn_->setAccessibleName(tr("Signed in as"));
    statusBar()->addPermanentWidget(signedIn_);
    auto identity = [this] {
        const QString who = source_->signedInAs();
        signedIn_->setText(who.isEmpty() ? tr("Not signed in yet") : tr("Signed in as %1").arg(who));
    };
    identity();
    connect(source_, &ApprovalSource::signedIn, this, identity);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* refresh = file->addAction(tr("&Refresh now"), source_, &ApprovalSource::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    showBanner(source_->statusText(), source_->connected());
    connect(source_, &RemoteApprovalSource::statusChanged, this, &DeskWindow::showBanner);

    // The evidence follows the table's current row; the first request is shown until one is picked.
    connect(panel_->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& cur) { showEvidence(cur.isValid() ? cur.row() : -1); });
    auto follow = [this] {
        const QModelIndex cur = panel_->table()->currentIndex();
        if (!cur.isValid() && queue_->rowCount() > 0) panel_->table()->setCurrentIndex(queue_->index(0, 0));
        else showEvidence(cur.isValid() ? cur.row() : -1);
    };
    connect(queue_, &QAbstractItemModel::rowsInserted, this, follow);
    connect(queue_, &QAbstractItemModel::rowsRemoved, this, follow);
    connect(queue_, &QAbstractItemModel::dataChanged, this, follow);
    showEvidence(-1);

    tray_ = new TrayNotifier(this);
    connect(queue_, &ApprovalQueueModel::arrived, tray_, [this](const QString& id) {
        const int row = queue_->rowOf(id);
        if (row < 0) return;
        const QModelIndex i = queue_->index(row, 0);
        tray_->approvalArrived(tr("%1 on %2 (%3 ETH) needs approval")
                                   .arg(i.data(ApprovalQueueModel::ActionKindRole).toString(),
                                        i.data(ApprovalQueueModel::TargetRole).toString(),
                                        i.data(ApprovalQueueModel::ValueEthRole).toString()));
    });
    auto count = [this] { tray_->setWaitingCount(queue_->rowCount()); };
    connect(queue_, &QAbstractItemModel::rowsInserted, tray_, count);
    connect(queue_, &QAbstractItemModel::rowsRemoved, tray_, count);
    connect(tray_, &TrayNotifier::activated, panel_, [this] { panel_->review(); });

    resize(1100, 800);
}

QString DeskWindow::bannerText() const { return banner_->text(); }
QString DeskWindow::signedInText() const { return signedIn_->text(); }

void DeskWindow::showBanner(const QString& text, bool connected) {
    banner_->setText(text);
    const QColor c = connected ? palette::good() : palette::bad();
    banner_->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; border-radius: 3px }").arg(c.name()));
}

void DeskWindow::showEvidence(int row) {
    if (row < 0 || row >= queue_->rowCount()) {
        evidenceId_.clear();
        narrative_->setText(queue_->rowCount() == 0 ? tr("No request is waiting.")
                                                    : tr("Select a request to see its evidence."));
        chart_->showWindow(QString());
        return;
    }
    const approve::ApprovalRequest& r = queue_->request(row);
    evidenceId_ = qs(r.id);
    narrative_->setText(tr("%1 — %2\nPolicy rule: %3 · incident %4 · requested by %5")
                            .arg(qs(r.id), r.what.narrative.empty() ? tr("(no narrative)") : qs(r.what.narrative),
                                 qs(r.what.rule), r.what.incidentId.empty() ? tr("(none)") : qs(r.what.incidentId),
                                 qs(r.what.requester)));
    chart_->showWindow(qs(r.what.metricWindow));
}

}  // namespace vigil::ui
