// The sign-off desk's window (`vigil --desk URL`): an approver's station with
// no engine and no store of its own. On top a banner says whether the service
// is reached (and, while it is not, since when and that it retries); below,
// the queue (ApprovalQueuePanel: the table, Review, and the one
// ApprovalDialog), and the selected request's narrative and triggering window
// as a chart; the status bar says who is signed in. New requests raise a
// tray notification. A thin assembler: the source does the talking.
#pragma once

#include <QMainWindow>

class QLabel;

namespace vigil::ui {

class ApprovalQueueModel;
class ApprovalQueuePanel;
class EvidenceChart;
class RemoteApprovalSource;
class TrayNotifier;

class DeskWindow : public QMainWindow {
    Q_OBJECT
public:
    // `source` must outlive the window.
    explicit DeskWindow(RemoteApprovalSource* source, QWidget* parent = nullptr);

    ApprovalQueuePanel* queuePanel() const { return panel_; }
    ApprovalQueueModel* queue() const { return queue_; }
    EvidenceChart* evidence() const { return chart_; }
    TrayNotifier* notifier() const { return tray_; }
    QString bannerText() const;
    QString signedInText() const;
    // The request whose evidence is shown ("" when none).
    QString evidenceId() const { return evidenceId_; }

private:
    void showBanner(const QString& text, bool connected);
    void showEvidence(int row);

    RemoteApprovalSource* source_;
    ApprovalQueueModel* queue_;
    ApprovalQueuePanel* panel_;
    QLabel* banner_;
    QLabel* narrative_;
    EvidenceChart* chart_;
    QLabel* signedIn_;
    TrayNotifier* tray_;
    QString evidenceId_;
};

}  // namespace vigil::ui
