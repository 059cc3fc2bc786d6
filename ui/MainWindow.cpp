#include "ui/MainWindow.h"

#include "ui/ActionLogModel.h"
#include "ui/ActionLogPanel.h"
#include "ui/AnomalyFeed.h"
#include "ui/AnomalyListModel.h"
#include "ui/ApprovalQueueModel.h"
#include "ui/ApprovalQueuePanel.h"
#include "ui/ApprovalSource.h"
#include "ui/AutomationMenu.h"
#include "ui/ChartPanel.h"
#include "ui/CriticalIncidentWatch.h"
#include "ui/ConsoleSettings.h"
#include "ui/EngineBridge.h"
#include "ui/EngineStatusBar.h"
#include "ui/FleetStatusModel.h"
#include "ui/FleetStrip.h"
#include "ui/FleetTable.h"
#include "ui/IncidentListModel.h"
#include "ui/EscalationModel.h"
#include "ui/IncidentPanel.h"
#include "ui/SettingsDialog.h"
#include "ui/StoreActivityFeed.h"
#include "ui/TimelineModel.h"
#include "ui/TimelineView.h"
#include "ui/TrayNotifier.h"

#include <QActionGroup>
#include <QLabel>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

namespace vigil::ui {

namespace {
// Bump when the dock layout changes incompatibly: old saved states are then ignored.
constexpr int kLayoutVersion = 2;  // 2: timeline and action log docks
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kChartWindowKey = QStringLiteral("charts/windowMinutes");
constexpr int kWindowChoices[] = {1, 5, 10, 30, 60};
constexpr int kDefaultWindowMinutes = 10;
}  // namespace

MainWindow::MainWindow(EngineBridge* bridge, QWidget* parent) : QMainWindow(parent), bridge_(bridge) {
    setObjectName(QStringLiteral("vigilMainWindow"));
    setWindowTitle(tr("Vigil — fleet console"));
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);

    charts_ = new ChartPanel(this);
    setCentralWidget(charts_);

    fleet_ = new FleetStatusModel(this);
    anomalies_ = new AnomalyListModel(this);
    fleetDock_ = addPanel(new FleetStrip(fleet_), tr("Fleet"), QStringLiteral("fleetDock"), Qt::TopDockWidgetArea);
    // The timeline right under the charts, across the window; agents and anomalies below it.
    timeline_ = new TimelineModel(this);
    timelineView_ = new TimelineView(timeline_);
    timelineDock_ = addPanel(timelineView_, tr("Timeline"), QStringLiteral("timelineDock"), Qt::BottomDockWidgetArea);
    agentsDock_ = new QDockWidget(tr("Agents"), this);
    agentsDock_->setObjectName(QStringLiteral("agentsDock"));
    agentsDock_->setWidget(new FleetTable(fleet_));
    addDockWidget(Qt::BottomDockWidgetArea, agentsDock_, Qt::Vertical);
    anomalyDock_ = addPanel(new AnomalyFeed(anomalies_), tr("Anomalies"), QStringLiteral("anomalyDock"),
                            Qt::BottomDockWidgetArea);
    incidents_ = new IncidentListModel(this);
    incidentPanel_ = new IncidentPanel(incidents_);
    incidentDock_ = addPanel(incidentPanel_, tr("Incidents"), QStringLiteral("incidentDock"), Qt::RightDockWidgetArea);
    actions_ = new ActionLogModel(this);
    escalations_ = new EscalationModel(this);
    actionPanel_ = new ActionLogPanel(actions_, escalations_);
    actionDock_ = addPanel(actionPanel_, tr("Action log"), QStringLiteral("actionDock"), Qt::RightDockWidgetArea);
    linkSelections();

    status_ = new EngineStatusBar(this);
    setStatusBar(status_);

    buildMenus();
    // First run: most of the screen; later runs restore what the user left.
    const QSize avail = screen() ? screen()->availableSize() : QSize(1600, 1000);
    resize(avail.boundedTo(QSize(1600, 1000)) * 0.9);
    arrangeDefaultLayout();
    restoreLayout();

    connect(bridge_, &EngineBridge::snapshotReady, this, &MainWindow::showSnapshot);
}

void MainWindow::arrangeDefaultLayout() {
    // Every dock docked and shown in its first-run place and size (addDockWidget
    // moves a dock that is already in the layout).
    for (QDockWidget* d : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly)) {
        d->setFloating(false);
        d->show();
    }
    addDockWidget(Qt::TopDockWidgetArea, fleetDock_);
    addDockWidget(Qt::BottomDockWidgetArea, timelineDock_);
    addDockWidget(Qt::BottomDockWidgetArea, agentsDock_, Qt::Vertical);
    addDockWidget(Qt::BottomDockWidgetArea, anomalyDock_);
    splitDockWidget(agentsDock_, anomalyDock_, Qt::Horizontal);
    addDockWidget(Qt::RightDockWidgetArea, incidentDock_);
    addDockWidget(Qt::RightDockWidgetArea, actionDock_);
    tabifyDockWidget(incidentDock_, actionDock_);
    if (approvalDock_) {
        addDockWidget(Qt::RightDockWidgetArea, approvalDock_);
        tabifyDockWidget(actionDock_, approvalDock_);
    }
    incidentDock_->raise();
    resizeDocks({agentsDock_, anomalyDock_}, {width() * 3 / 5, width() * 2 / 5}, Qt::Horizontal);
    resizeDocks({agentsDock_}, {height() / 4}, Qt::Vertical);
    resizeDocks({incidentDock_}, {width() * 3 / 10}, Qt::Horizontal);
    resizeDocks({timelineDock_}, {180}, Qt::Vertical);
}

void MainWindow::resetLayout() {
    arrangeDefaultLayout();
    setTimeWindowMinutes(kDefaultWindowMinutes);
    saveLayout();  // the next start opens with the default too
}

QDockWidget* MainWindow::addPanel(QWidget* panel, const QString& title, const QString& name, Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);  // saveState() keys docks by object name
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::buildMenus() {
    QMenu* file = fileMenu_ = menuBar()->addMenu(tr("&File"));
    addRecordingActions(file);
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::editSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = viewMenu_ = menuBar()->addMenu(tr("&View"));
    view->addAction(fleetDock_->toggleViewAction());
    view->addAction(agentsDock_->toggleViewAction());
    view->addAction(anomalyDock_->toggleViewAction());
    view->addAction(incidentDock_->toggleViewAction());
    view->addAction(timelineDock_->toggleViewAction());
    view->addAction(actionDock_->toggleViewAction());
    view->addSeparator();
    QMenu* window = view->addMenu(tr("Chart &time window"));
    windowGroup_ = new QActionGroup(this);
    for (int minutes : kWindowChoices) {
        QAction* a = window->addAction(tr("%1 min").arg(minutes));
        a->setCheckable(true);
        a->setData(minutes);
        a->setChecked(minutes == kDefaultWindowMinutes);
        windowGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [this, minutes] { setTimeWindowMinutes(minutes); });
    }
    setTimeWindowMinutes(kDefaultWindowMinutes);
    view->addSeparator();
    view->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Vigil"), this, &MainWindow::about)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::attachApprovals(ApprovalSource* source) {
    if (approvals_ || !source) return;
    approvals_ = new ApprovalQueueModel(this);
    connect(source, &ApprovalSource::requestsChanged, approvals_, &ApprovalQueueModel::setRequests);
    approvalPanel_ = new ApprovalQueuePanel(source, approvals_);
    approvalDock_ = addPanel(approvalPanel_, tr("Approvals"), QStringLiteral("approvalDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(actionDock_, approvalDock_);
    incidentDock_->raise();
    viewMenu_->insertAction(viewMenu_->actions().value(6), approvalDock_->toggleViewAction());
    tray_ = new TrayNotifier(this);
    connect(approvals_, &ApprovalQueueModel::arrived, tray_, [this](const QString& id) {
        if (!notifyApprovals_) return;
        const int row = approvals_->rowOf(id);
        if (row < 0) return;
        const QModelIndex i = approvals_->index(row, 0);
        tray_->approvalArrived(tr("%1 on %2 (%3 ETH) needs approval")
                                   .arg(i.data(ApprovalQueueModel::ActionKindRole).toString(),
                                        i.data(ApprovalQueueModel::TargetRole).toString(),
                                        i.data(ApprovalQueueModel::ValueEthRole).toString()));
    });
    // Critical incidents join the same rate-limited notifications and the tooltip's counts.
    auto* critical = critical_ = new CriticalIncidentWatch(this);
    applyNotificationSettings(ConsoleSettings::load(QSettings()));
    connect(bridge_, &EngineBridge::snapshotReady, critical, &CriticalIncidentWatch::showSnapshot);
    connect(critical, &CriticalIncidentWatch::opened, tray_, [this](const QString&, const QString& s) { tray_->criticalIncidentOpened(s); });
    connect(critical, &CriticalIncidentWatch::openCountChanged, tray_, &TrayNotifier::setOpenCriticalCount);
    auto count = [this] { tray_->setWaitingCount(approvals_->rowCount()); };
    connect(approvals_, &QAbstractItemModel::rowsInserted, tray_, count);
    connect(approvals_, &QAbstractItemModel::rowsRemoved, tray_, count);
    connect(tray_, &TrayNotifier::activated, approvalPanel_, [this] { approvalPanel_->review(); });
    restoreLayout();  // the dock joined after the first restore
}

void MainWindow::attachAutomation(AutomationControl* control) {
    if (!control || findChild<AutomationMenu*>()) return;
    auto* menu = new AutomationMenu(control, this);
    menuBar()->insertMenu(viewMenu_->menuAction(), menu);
    statusBar()->addPermanentWidget(menu->statusLabel());
}

void MainWindow::setTimeWindowMinutes(int minutes) {
    charts_->setTimeWindow(TimestampMs(minutes) * 60'000);
    timelineView_->setSpan(TimestampMs(minutes) * 60'000);
    for (QAction* a : windowGroup_->actions())
        if (a->data().toInt() == minutes) a->setChecked(true);
}

void MainWindow::attachActivity(StoreActivityFeed* feed) {
    if (!feed) return;
    connect(feed, &StoreActivityFeed::records, timeline_, &TimelineModel::addRecords);
    connect(feed, &StoreActivityFeed::records, actions_, &ActionLogModel::addRecords);
    connect(feed, &StoreActivityFeed::records, escalations_, &EscalationModel::addRecords);
}

void MainWindow::linkSelections() {
    connect(timelineView_, &TimelineView::itemSelected, this,
            [this](const QString& id, int, const QString& incidentId) { selectEverywhere(id, incidentId); });
    connect(actionPanel_, &ActionLogPanel::actionSelected, this, &MainWindow::selectEverywhere);
    connect(incidentPanel_, &IncidentPanel::incidentSelected, this, [this](const QString& id) { selectEverywhere(id, id); });
    // Zooming the timeline sets the charts' window to the same width of time
    // (the charts end at the engine time; the menu's choices stay checked only when they match).
    connect(timelineView_, &TimelineView::spanChanged, this, [this](qint64 ms) {
        charts_->setTimeWindow(ms);
        for (QAction* a : windowGroup_->actions()) a->setChecked(qint64(a->data().toInt()) * 60'000 == ms);
    });
}

void MainWindow::selectEverywhere(const QString& id, const QString& incidentId) {
    timelineView_->selectId(actions_->rowOf(id) >= 0 || incidentId.isEmpty() ? id : incidentId);
    actionPanel_->selectId(actions_->rowOf(id) >= 0 ? id : incidentId);
    if (!incidentId.isEmpty()) incidentPanel_->selectIncident(incidentId);
}

void MainWindow::showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot) {
    if (!snapshot) return;
    fleet_->showSnapshot(snapshot);
    anomalies_->showSnapshot(snapshot);
    incidents_->showSnapshot(snapshot);
    timeline_->showSnapshot(snapshot);
    actions_->showSnapshot(snapshot);
    status_->showSnapshot(*snapshot, bridge_->recordsPerSecond());
    status_->showFleet(fleet_->healthCounts());
    charts_->showSnapshot(std::move(snapshot));
}

void MainWindow::editSettings() {
    QSettings store;
    const ConsoleSettings before = ConsoleSettings::load(store);
    SettingsDialog dialog(&store, this);
    if (isReplay()) dialog.explainForReplay();
    if (dialog.exec() != QDialog::Accepted) return;
    const ConsoleSettings after = ConsoleSettings::load(store);
    applyNotificationSettings(after);
    emit settingsAccepted(before, after);
}

void MainWindow::applyNotificationSettings(const ConsoleSettings& s) {
    notifyApprovals_ = s.notifyApprovals;
    if (critical_) critical_->setAnnounce(s.notifyCritical);
    const int perMinute = s.check().contains(ConsoleSettings::Field::NotifyPerMinute) ? 2 : s.notifyPerMinute;
    if (tray_) tray_->setMinIntervalMs(60'000 / perMinute);
}

void MainWindow::about() {
    QMessageBox::about(this, tr("About Vigil"),
                       tr("<h3>Vigil %1</h3><p>Operations console for fleets of blockchain worker agents: "
                          "live telemetry, anomaly detection and guarded remediation.</p>")
                           .arg(QStringLiteral(VIGIL_VERSION)));
}

void MainWindow::saveLayout() const {
    QSettings s;
    s.setValue(kGeometryKey, saveGeometry());
    s.setValue(kStateKey, saveState(kLayoutVersion));
    s.setValue(kChartWindowKey, int(charts_->timeWindow() / 60'000));
}

bool MainWindow::restoreLayout() {
    QSettings s;
    const int minutes = s.value(kChartWindowKey, kDefaultWindowMinutes).toInt();
    if (std::find(std::begin(kWindowChoices), std::end(kWindowChoices), minutes) != std::end(kWindowChoices))
        setTimeWindowMinutes(minutes);
    bool ok = restoreGeometry(s.value(kGeometryKey).toByteArray());
    ok = restoreState(s.value(kStateKey).toByteArray(), kLayoutVersion) && ok;
    return ok;
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (!isReplay()) saveLayout();  // a replay window leaves the console's layout as it was
    QMainWindow::closeEvent(e);
}

}  // namespace vigil::ui
