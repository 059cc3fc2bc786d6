// The console's main window: a thin assembler. It places the panels (charts in the
// middle, fleet strip, agent table, anomaly feed and incidents as dock widgets), feeds them
// the bridge's snapshots, and keeps geometry and layout in QSettings.
#pragma once

#include "engine/Snapshot.h"
#include "ui/SnapshotMetaType.h"

#include <QMainWindow>

#include <memory>

class QActionGroup;
class QDockWidget;

namespace vigil::ui {

class AnomalyListModel;
class ApprovalQueueModel;
class ApprovalQueuePanel;
class ApprovalSource;
class ChartPanel;
class EngineBridge;
class EngineStatusBar;
class FleetStatusModel;
class IncidentListModel;
class TrayNotifier;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `bridge` must outlive the window.
    explicit MainWindow(EngineBridge* bridge, QWidget* parent = nullptr);

    // The approval queue dock, its dialog and tray notifications; `source` must
    // outlive the window. Without it the console has no approvals dock.
    void attachApprovals(ApprovalSource* source);

    ChartPanel* chartPanel() const { return charts_; }
    ApprovalQueuePanel* approvalPanel() const { return approvalPanel_; }
    FleetStatusModel* fleetModel() const { return fleet_; }

    // Geometry, dock layout and chart window in QSettings (done on close and open).
    void saveLayout() const;
    bool restoreLayout();

protected:
    void closeEvent(QCloseEvent* e) override;

private slots:
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);
    void about();

private:
    QDockWidget* addPanel(QWidget* panel, const QString& title, const QString& name, Qt::DockWidgetArea area);
    void buildMenus();
    void setTimeWindowMinutes(int minutes);

    EngineBridge* bridge_;
    ChartPanel* charts_;
    FleetStatusModel* fleet_;
    AnomalyListModel* anomalies_;
    IncidentListModel* incidents_;
    EngineStatusBar* status_;
    QDockWidget* fleetDock_ = nullptr;
    QDockWidget* agentsDock_ = nullptr;
    QDockWidget* anomalyDock_ = nullptr;
    QDockWidget* incidentDock_ = nullptr;
    QActionGroup* windowGroup_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    ApprovalQueueModel* approvals_ = nullptr;
    ApprovalQueuePanel* approvalPanel_ = nullptr;
    QDockWidget* approvalDock_ = nullptr;
    TrayNotifier* tray_ = nullptr;
};

}  // namespace vigil::ui
