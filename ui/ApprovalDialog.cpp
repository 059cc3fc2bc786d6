#include "ui/ApprovalDialog.h"

#include "remedy/Wei.h"
#include "ui/ApprovalContent.h"
#include "ui/ApprovalQueueModel.h"
#include "ui/ApprovalSource.h"
#include "ui/DecisionPrompt.h"
#include "ui/EvidenceChart.h"
#include "ui/Palette.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QLabel* wrapped(QWidget* parent, const QString& accessible, const char* name) {
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    l->setAccessibleName(accessible);
    l->setObjectName(QLatin1String(name));
    return l;
}

QString clockTime(TimestampMs ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss")); }

QString leftText(TimestampMs ms) {
    const qint64 s = (ms + 999) / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

bool expiredAt(const approve::ApprovalRequest& r, TimestampMs now) { return now >= r.expires; }

}  // namespace

ApprovalDialog::ApprovalDialog(ApprovalSource* source, ApprovalQueueModel* queue, QWidget* parent)
    : QDialog(parent), source_(source), queue_(queue) {
    setObjectName(QStringLiteral("approvalDialog"));
    setWindowTitle(tr("Approval needed — Vigil"));
    setAccessibleName(tr("Approval requests"));
    setModal(false);

    // Header: where in the queue, previous/next.
    previous_ = new QPushButton(tr("&Previous"), this);
    previous_->setAccessibleName(tr("Previous request"));
    next_ = new QPushButton(tr("&Next"), this);
    next_->setAccessibleName(tr("Next request"));
    position_ = new QLabel(this);
    position_->setObjectName(QStringLiteral("position"));
    position_->setAccessibleName(tr("Position in the queue"));
    auto* head = new QHBoxLayout;
    head->addWidget(previous_);
    head->addWidget(position_, 1, Qt::AlignCenter);
    head->addWidget(next_);

    // At a desk the token says who decides: shown above everything else.
    signedIn_ = new QLabel(this);
    signedIn_->setObjectName(QStringLiteral("signedIn"));
    signedIn_->setAccessibleName(tr("Signed in as"));
    auto showIdentity = [this] {
        const QString who = source_->signedInAs();
        signedIn_->setText(who.isEmpty() ? QString() : tr("Signed in as <b>%1</b> at %2").arg(who.toHtmlEscaped(), source_->where().toHtmlEscaped()));
        signedIn_->setVisible(!who.isEmpty());
    };
    showIdentity();
    connect(source_, &ApprovalSource::signedIn, this, showIdentity);

    title_ = wrapped(this, tr("Requested action"), "title");
    QFont big = title_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title_->setFont(big);

    auto* sent = new QGroupBox(tr("What will be sent"), this);
    content_ = new QFormLayout(sent);
    content_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* whyBox = new QGroupBox(tr("Why"), this);
    why_ = wrapped(whyBox, tr("Why: incident narrative and policy rule"), "why");
    (new QVBoxLayout(whyBox))->addWidget(why_);
    auto* chartBox = new QGroupBox(tr("Triggering window"), this);
    chart_ = new EvidenceChart(chartBox);
    (new QVBoxLayout(chartBox))->addWidget(chart_);
    auto* checks = new QGroupBox(tr("Checks"), this);
    auto* checkForm = new QFormLayout(checks);
    dryRun_ = wrapped(checks, tr("Dry-run result"), "dryRun");
    risk_ = wrapped(checks, tr("Risk class"), "risk");
    votes_ = wrapped(checks, tr("Approvals so far"), "votes");
    expiry_ = wrapped(checks, tr("Time left before the request expires"), "expiry");
    checkForm->addRow(tr("Dry run:"), dryRun_);
    checkForm->addRow(tr("Risk class:"), risk_);
    checkForm->addRow(tr("Approvals:"), votes_);
    checkForm->addRow(tr("Expires:"), expiry_);

    // The evidence scrolls; the header, the answer and the buttons stay put.
    auto* body = new QWidget;
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(title_);
    bodyLayout->addWidget(sent);
    bodyLayout->addWidget(whyBox);
    bodyLayout->addWidget(chartBox);
    bodyLayout->addWidget(checks);
    bodyLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Evidence"));

    answer_ = wrapped(this, tr("The approval gate's answer"), "answer");
    approve_ = new QPushButton(tr("&Approve…"), this);
    approve_->setObjectName(QStringLiteral("approve"));
    approve_->setAccessibleName(tr("Approve"));
    reject_ = new QPushButton(tr("&Reject…"), this);
    reject_->setObjectName(QStringLiteral("reject"));
    reject_->setAccessibleName(tr("Reject"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    buttons->addButton(approve_, QDialogButtonBox::ActionRole);
    buttons->addButton(reject_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(signedIn_);
    layout->addLayout(head);
    layout->addWidget(scroll, 1);
    layout->addWidget(answer_);
    layout->addWidget(buttons);
    resize(760, 930);

    connect(previous_, &QPushButton::clicked, this, &ApprovalDialog::showPrevious);
    connect(next_, &QPushButton::clicked, this, &ApprovalDialog::showNext);
    new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this, [this] { showPrevious(); });
    new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), this, [this] { showNext(); });
    connect(approve_, &QPushButton::clicked, this, [this] { decide(true); });
    connect(reject_, &QPushButton::clicked, this, [this] { decide(false); });
    connect(source_, &ApprovalSource::answered, this, &ApprovalDialog::answered);
    connect(source_, &ApprovalSource::lookedUp, this, &ApprovalDialog::lookedUp);
    // An approved request waits for the engine to execute it: followed at every
    // poll until it is executed (or expires), so the dialog ends on its outcome.
    connect(source_, &ApprovalSource::requestsChanged, this, [this] {
        if (haveShown_ && !awaitingAnswer_ && shown_.state == approve::RequestState::Approved && shownRow() < 0)
            source_->lookUp(qs(shown_.id));
    });
    connect(queue_, &QAbstractItemModel::rowsInserted, this, &ApprovalDialog::queueChanged);
    connect(queue_, &QAbstractItemModel::rowsRemoved, this, &ApprovalDialog::queueChanged);
    connect(queue_, &QAbstractItemModel::rowsMoved, this, &ApprovalDialog::queueChanged);
    connect(queue_, &QAbstractItemModel::dataChanged, this, &ApprovalDialog::queueChanged);
    connect(queue_, &QAbstractItemModel::modelReset, this, &ApprovalDialog::queueChanged);

    countdown_.setInterval(500);
    connect(&countdown_, &QTimer::timeout, this, &ApprovalDialog::tick);
    countdown_.start();
    queueChanged();
}

QString ApprovalDialog::shownId() const { return haveShown_ ? qs(shown_.id) : QString(); }
QString ApprovalDialog::positionText() const { return position_->text(); }
QString ApprovalDialog::answerText() const { return answer_->text(); }
QString ApprovalDialog::countdownText() const { return expiry_->text(); }
QString ApprovalDialog::votesText() const { return votes_->text(); }
QString ApprovalDialog::signedInText() const { return signedIn_->text(); }

int ApprovalDialog::shownRow() const { return haveShown_ ? queue_->rowOf(qs(shown_.id)) : -1; }

bool ApprovalDialog::showRequest(const QString& id) {
    const int row = queue_->rowOf(id);
    if (row < 0) return false;
    if (!haveShown_ || qs(shown_.id) != id) answer_->clear();
    shown_ = queue_->request(row);
    haveShown_ = true;
    render();
    return true;
}

void ApprovalDialog::showNext() {
    if (queue_->rowCount() == 0) return;
    const int row = shownRow();
    showRequest(queue_->data(queue_->index(row < 0 ? 0 : (row + 1) % queue_->rowCount(), 0),
                             ApprovalQueueModel::IdRole).toString());
}

void ApprovalDialog::showPrevious() {
    const int n = queue_->rowCount();
    if (n == 0) return;
    const int row = shownRow();
    showRequest(queue_->data(queue_->index(row <= 0 ? n - 1 : row - 1, 0), ApprovalQueueModel::IdRole).toString());
}

void ApprovalDialog::queueChanged() {
    const int row = shownRow();
    if (row >= 0) shown_ = queue_->request(row);  // votes may have changed elsewhere
    else if (!haveShown_ && queue_->rowCount() > 0) {
        shown_ = queue_->request(0);
        haveShown_ = true;
    } else if (haveShown_ && wasQueued_) {
        // Decided (here or by someone else): the queue's copy is from before the
        // decision; ask for the request as stored, to show its final votes.
        source_->lookUp(qs(shown_.id));
    }
    wasQueued_ = shownRow() >= 0;
    render();
}

void ApprovalDialog::lookedUp(const approve::ApprovalRequest& r) {
    if (!haveShown_ || r.id != shown_.id || shownRow() >= 0) return;
    const bool news = r.state != shown_.state || r.votes.size() != shown_.votes.size();
    shown_ = r;
    if (news && !awaitingAnswer_ && r.state != approve::RequestState::Pending) {
        QStringList who;
        for (const approve::Vote& v : r.votes)
            if (v.decision == ApprovalDecision::Approved) who << qs(v.approver);
        answer_->setText(r.state == approve::RequestState::Approved || r.state == approve::RequestState::Executed
                             ? tr("Decided: the request is now %1 (%2 of %3 approvals: %4).")
                                   .arg(qs(std::string(approve::toString(r.state))))
                                   .arg(r.approvals())
                                   .arg(r.what.approversNeeded)
                                   .arg(who.join(QStringLiteral(", ")))
                             : tr("Decided: the request is now %1.").arg(qs(std::string(approve::toString(r.state)))));
        answer_->setStyleSheet(QString());
    }
    render();
}

void ApprovalDialog::render() {
    const int n = queue_->rowCount();
    const int row = shownRow();
    if (!haveShown_) position_->setText(tr("No request is waiting"));
    else if (row >= 0) position_->setText(tr("%1 of %2").arg(row + 1).arg(n));
    else position_->setText(n == 0 ? tr("Decided; no other request is waiting") : tr("Decided; %n other(s) waiting", "", n));
    previous_->setEnabled(n > 1 || (row < 0 && n > 0));
    next_->setEnabled(n > 1 || (row < 0 && n > 0));
    if (!haveShown_) {
        title_->setText(tr("Nothing to approve."));
        approve_->setEnabled(false);
        reject_->setEnabled(false);
        return;
    }
    const approve::ApprovalRequest& r = shown_;
    const QString value = qs(remedy::formatEth(r.what.value));
    title_->setText(tr("%1 on %2 — %3 ETH").arg(qs(r.what.actionKind), qs(r.what.target), value));
    fillContent(r);
    why_->setText(tr("%1\n\nPolicy rule: %2 · incident %3 · requested by %4 at %5")
                      .arg(r.what.narrative.empty() ? tr("(no narrative)") : qs(r.what.narrative), qs(r.what.rule),
                           r.what.incidentId.empty() ? tr("(none)") : qs(r.what.incidentId), qs(r.what.requester),
                           clockTime(r.created)));
    chart_->showWindow(qs(r.what.metricWindow));
    dryRun_->setText(tr("simulated, nothing sent; the approval binds to exactly this content (sha256 %1…)")
                         .arg(qs(r.contentSha256.substr(0, 16))));
    risk_->setText(r.what.approversNeeded >= 2
                       ? tr("approve — at or above the two-person limit: two different people must approve")
                       : tr("approve — one person other than the requester must approve"));
    QStringList who;
    for (const approve::Vote& v : r.votes)
        who << tr("%1 %2 at %3%4")
                   .arg(qs(v.approver),
                        v.decision == ApprovalDecision::Approved ? tr("approved") : tr("rejected"), clockTime(v.ts),
                        v.comment.empty() ? QString() : QStringLiteral(": “%1”").arg(qs(v.comment)));
    votes_->setText(tr("%1 of %2 needed").arg(r.approvals()).arg(r.what.approversNeeded) +
                    (who.isEmpty() ? QString() : QStringLiteral("\n") + who.join(QLatin1Char('\n'))));
    tick();
}

void ApprovalDialog::fillContent(const approve::ApprovalRequest& r) {
    while (content_->rowCount() > 0) content_->removeRow(0);
    const auto rows = describeContent(r.what.content);
    if (rows.isEmpty()) {
        content_->addRow(wrapped(nullptr, tr("Content"), "content"));
        static_cast<QLabel*>(content_->itemAt(0)->widget())->setText(qs(r.what.content));
        return;
    }
    for (const auto& [label, value] : rows) {
        auto* v = wrapped(nullptr, label, "field");
        v->setText(value);
        content_->addRow(label + QLatin1Char(':'), v);
    }
}

void ApprovalDialog::tick() {
    if (!haveShown_) return;
    const bool queued = shownRow() >= 0;
    const TimestampMs now = source_->now();
    const bool expired = expiredAt(shown_, now);
    if (shown_.state == approve::RequestState::Executed || shown_.state == approve::RequestState::Rejected) {
        // Decided for good: its expiry no longer applies.
        expiry_->setText(
            tr("no longer applies: the request is %1").arg(qs(std::string(approve::toString(shown_.state)))));
        expiry_->setStyleSheet(QString());
    } else if (expired) {
        expiry_->setText(tr("expired at %1 — it can no longer be approved").arg(clockTime(shown_.expires)));
        expiry_->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(palette::bad().name()));
    } else {
        const TimestampMs left = shown_.expires - now;
        expiry_->setText(tr("in %1 (at %2)").arg(leftText(left), clockTime(shown_.expires)));
        expiry_->setStyleSheet(left < 60'000 ? QStringLiteral("color: %1; font-weight: bold").arg(palette::warning().name())
                                             : QString());
    }
    approve_->setEnabled(queued && !expired && !awaitingAnswer_);
    reject_->setEnabled(queued && !awaitingAnswer_);
}

void ApprovalDialog::decide(bool approve) {
    if (!haveShown_ || prompt_) return;
    const approve::ApprovalRequest r = shown_;
    const std::optional<remedy::Wei> confirm =
        approve && r.what.approversNeeded >= 2 ? std::optional<remedy::Wei>(r.what.value) : std::nullopt;
    const QString what = tr("%1 on %2 (%3 ETH)").arg(qs(r.what.actionKind), qs(r.what.target), qs(remedy::formatEth(r.what.value)));
    auto* p = new DecisionPrompt(approve ? DecisionPrompt::Kind::Approve : DecisionPrompt::Kind::Reject, what, confirm, this);
    p->setAttribute(Qt::WA_DeleteOnClose);
    if (const QString who = source_->signedInAs(); !who.isEmpty()) p->setFixedIdentity(who);
    prompt_ = p;
    const QString id = qs(r.id);
    connect(p, &QDialog::accepted, this, [this, p, id, approve] {
        awaitingAnswer_ = true;
        answer_->setText(tr("Sent to %1…").arg(source_->where()));
        tick();
        if (approve) source_->approve(id, p->identity(), p->comment());
        else source_->reject(id, p->identity(), p->comment());
    });
    p->open();
}

void ApprovalDialog::answered(const GateAnswer& a) {
    if (!haveShown_ || a.requestId != qs(shown_.id)) return;
    awaitingAnswer_ = false;
    if (a.haveAfter) shown_ = a.after;
    QString text;
    if (!a.ok) {
        text = tr("Refused: %1").arg(a.message);  // the gate's words, verbatim
    } else if (a.haveAfter && a.after.state == approve::RequestState::Pending) {
        text = tr("Approved by %1 (%2 of %3): waiting for another person.")
                   .arg(qs(a.after.votes.empty() ? std::string() : a.after.votes.back().approver))
                   .arg(a.after.approvals())
                   .arg(a.after.what.approversNeeded);
    } else if (a.haveAfter) {
        text = tr("Done: the request is now %1.").arg(qs(std::string(approve::toString(a.after.state))));
        if (!a.message.isEmpty()) text += QLatin1Char(' ') + a.message;
    } else {
        text = a.message;
    }
    answer_->setText(text);
    answer_->setStyleSheet(a.ok ? QString() : QStringLiteral("color: %1").arg(palette::bad().name()));
    render();
}

}  // namespace vigil::ui
