// The approval dialog: one window for the whole queue ("1 of 3", previous/next),
// never a stack of windows. For the request shown it says what will be sent
// (from, to, value, fees, nonce: the request's canonical content, i.e. the dry
// run the approval binds to), why (narrative, policy rule), the triggering
// metric window as a chart, the risk class, who approved so far out of how
// many needed, and a live countdown to expiry (Approve is disabled once it has
// expired). Approve and Reject open a DecisionPrompt, then hand the decision to
// the ApprovalSource and show the gate's answer verbatim: the dialog decides
// nothing itself.
#pragma once

#include "ui/ApprovalTypes.h"
#include "ui/DecisionPrompt.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QLabel;
class QPushButton;
class QFormLayout;

namespace vigil::ui {

class ApprovalQueueModel;
class ApprovalSource;
class EvidenceChart;

class ApprovalDialog : public QDialog {
    Q_OBJECT
public:
    // Both must outlive the dialog.
    ApprovalDialog(ApprovalSource* source, ApprovalQueueModel* queue, QWidget* parent = nullptr);

    // Shows the queued request with this id (false when it is not queued).
    bool showRequest(const QString& id);
    QString shownId() const;
    // "2 of 3", or what the dialog says when nothing is queued.
    QString positionText() const;
    QString answerText() const;
    QString countdownText() const;
    // "1 of 2 needed" and who decided, for the request shown.
    QString votesText() const;
    // "Signed in as bob at sign-off service …" at a desk; "" otherwise.
    QString signedInText() const;

    QPushButton* approveButton() const { return approve_; }
    QPushButton* rejectButton() const { return reject_; }
    QPushButton* nextButton() const { return next_; }
    QPushButton* previousButton() const { return previous_; }
    // The prompt Approve/Reject opened, while it is open.
    DecisionPrompt* prompt() const { return prompt_; }

public slots:
    void showNext();
    void showPrevious();
    // Re-reads the clock: countdown text and whether Approve is possible.
    void tick();

private:
    void queueChanged();
    void render();
    void fillContent(const approve::ApprovalRequest& r);
    void decide(bool approve);
    void lookedUp(const approve::ApprovalRequest& r);
    void answered(const GateAnswer& a);
    int shownRow() const;

    ApprovalSource* source_;
    ApprovalQueueModel* queue_;
    approve::ApprovalRequest shown_;  // a copy: stays readable after it leaves the queue
    bool haveShown_ = false;
    bool awaitingAnswer_ = false;
    bool wasQueued_ = false;  // the shown request was in the queue at the last change
    QTimer countdown_;
    QPointer<DecisionPrompt> prompt_;

    QLabel* signedIn_ = nullptr;
    QLabel* position_ = nullptr;
    QLabel* title_ = nullptr;
    QFormLayout* content_ = nullptr;
    QLabel* why_ = nullptr;
    EvidenceChart* chart_ = nullptr;
    QLabel* dryRun_ = nullptr;
    QLabel* risk_ = nullptr;
    QLabel* votes_ = nullptr;
    QLabel* expiry_ = nullptr;
    QLabel* answer_ = nullptr;
    QPushButton* previous_ = nullptr;
    QPushButton* next_ = nullptr;
    QPushButton* approve_ = nullptr;
    QPushButton* reject_ = nullptr;
};

}  // namespace vigil::ui
