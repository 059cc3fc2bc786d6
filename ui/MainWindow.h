// The console's main window: a thin assembler. It places the panels (charts in the
// middle; fleet strip, incident timeline, agent table, anomaly feed, incidents,
// action log and approvals as dock widgets), feeds them the bridge's snapshots
// and the store's actions, links their selections and the timeline's zoom to the
// charts' time window, and keeps geometry and layout in QSettings.
#pragma once

#include "engine/Snapshot.h"
#include "ui/ConsoleSettings.h"
#include "ui/SnapshotMetaType.h"

#include <QMainWindow>

#include <memory>

class QActionGroup;
class QDragEnterEvent;
class QDropEvent;
class QDockWidget;

namespace vigil::ui {

class ActionLogModel;
class ActionLogPanel;
class AnomalyListModel;
class ApprovalQueueModel;
class ApprovalQueuePanel;
class ApprovalSource;
class AutomationControl;
class ChartPanel;
class EngineBridge;
class EngineStatusBar;
class FleetStatusModel;
class EscalationModel;
class IncidentListModel;
class IncidentPanel;
class LearningPanel;
class EngineActivityFeed;
class SilenceSource;
class StoreActivityFeed;
class TimelineModel;
class TimelineView;
class TrayNotifier;
class CriticalIncidentWatch;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `bridge` must outlive the window.
    explicit MainWindow(EngineBridge* bridge, QWidget* parent = nullptr);

    // The approval queue dock, its dialog and tray notifications; `source` must
    // outlive the window. Without it the console has no approvals dock.
    void attachApprovals(ApprovalSource* source);

    // Actions, approval decisions and outcomes from the store, for the timeline
    // and the action log; `feed` must outlive the window.
    void attachActivity(StoreActivityFeed* feed);

    // The Automation menu (pause, resume, dry run, reload policy) and its status
    // line; `control` must outlive the window.
    void attachAutomation(AutomationControl* control);

    // Operations on the local database (MainWindowOperations.cpp): the Silences
    // and Learning docks and the Incident menu (Silence…, feedback on the
    // selected incident). Both must outlive the window.
    void attachOperations(SilenceSource* silences, LearningPanel* learning);
    // The Incident menu (null before attachOperations), for actions the app adds
    // (Export report…, which lives in vigil_report).
    QMenu* incidentMenu() const { return incidentMenu_; }
    // The incident selected in the incidents panel ("" when none).
    QString selectedIncidentId() const;

    ChartPanel* chartPanel() const { return charts_; }
    TimelineView* timelineView() const { return timelineView_; }
    TimelineModel* timelineModel() const { return timeline_; }
    ActionLogPanel* actionLogPanel() const { return actionPanel_; }
    ApprovalQueuePanel* approvalPanel() const { return approvalPanel_; }
    FleetStatusModel* fleetModel() const { return fleet_; }
    IncidentListModel* incidentModel() const { return incidents_; }

    // Replay: the title and a permanent status-bar badge say "Replay of FILE", not
    // the live fleet; `controls` (the ReplayBar) goes in a toolbar. MainWindowReplay.cpp.
    void showAsReplay(const QString& path, QWidget* controls);
    // The engine's actions, approvals and outcomes for the timeline and the action
    // log where no store feeds them (a replay; a live console without a database);
    // `feed` must outlive the window.
    void attachEngineActivity(EngineActivityFeed* feed);
    bool isReplay() const { return !replayOf_.isEmpty(); }
    QMenu* fileMenu() const { return fileMenu_; }

    // Geometry, dock layout and chart window in QSettings (done on close and open).
    void saveLayout() const;
    bool restoreLayout();
    // View → Reset layout: every dock back in its first-run place and size, the
    // default chart window; saved at once.
    void resetLayout();

    // The notification switches and rate of File → Settings, applied at once.
    void applyNotificationSettings(const ConsoleSettings& s);

signals:
    // File → Open recording, a recent file or a file dropped on the window.
    void openRecordingRequested(const QString& path);
    // File → Settings accepted (what was stored before, what is now): the rest of
    // the settings take effect through SettingsApplier.
    void settingsAccepted(const vigil::ui::ConsoleSettings& before, const vigil::ui::ConsoleSettings& after);

protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private slots:
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);
    void about();
    void editSettings();

private:
    QDockWidget* addPanel(QWidget* panel, const QString& title, const QString& name, Qt::DockWidgetArea area);
    void buildMenus();
    void arrangeDefaultLayout();
    void addRecordingActions(QMenu* file);  // Open recording…, Recent recordings
    void fillRecentMenu();
    void setTimeWindowMinutes(int minutes);
    void linkSelections();
    // One item picked anywhere: every panel that shows it selects it.
    void selectEverywhere(const QString& id, const QString& incidentId);

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
    QDockWidget* timelineDock_ = nullptr;
    QDockWidget* actionDock_ = nullptr;
    IncidentPanel* incidentPanel_ = nullptr;
    TimelineModel* timeline_ = nullptr;
    TimelineView* timelineView_ = nullptr;
    ActionLogModel* actions_ = nullptr;
    EscalationModel* escalations_ = nullptr;
    ActionLogPanel* actionPanel_ = nullptr;
    QActionGroup* windowGroup_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* fileMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* incidentMenu_ = nullptr;
    QString replayOf_;
    ApprovalQueueModel* approvals_ = nullptr;
    ApprovalQueuePanel* approvalPanel_ = nullptr;
    QDockWidget* approvalDock_ = nullptr;
    TrayNotifier* tray_ = nullptr;
    CriticalIncidentWatch* critical_ = nullptr;
    bool notifyApprovals_ = true;
};

}  // namespace vigil::ui
