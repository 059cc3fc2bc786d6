// ApprovalDialog through a LocalApprovalSource on a real SQLite file: approving
// and rejecting reach the gate; a self-approval is refused with the gate's own
// message shown; an expired request's dialog disables Approve; above the
// two-person limit the amount must be typed and a second identity is needed;
// several requests queue in one dialog ("1 of 2").
#include "approve/ApprovalGate.h"
#include "approve/TransferRequest.h"
#include "approve/ExecutionContent.h"
#include "ui/ApprovalDialog.h"
#include "ui/ApprovalQueueModel.h"
#include "ui/DecisionPrompt.h"
#include "ui/EvidenceChart.h"
#include "ui/LocalApprovalSource.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::approve;
using vigil::ui::ApprovalDialog;
using vigil::ui::ApprovalQueueModel;
using vigil::ui::DecisionPrompt;
using vigil::ui::LocalApprovalSource;

namespace {

constexpr TimestampMs kStart = 1'790'000'000'000;
constexpr TimestampMs kMinute = 60'000;

// The test's own side of the database: what the engine would be.
struct Fixture {
    QTemporaryDir dir;
    QString path;
    VirtualClock clock{kStart};
    store::Database db;
    std::unique_ptr<ApprovalGate> gate;
    std::unique_ptr<LocalApprovalSource> source;
    ApprovalQueueModel queue;
    std::unique_ptr<ApprovalDialog> dialog;

    bool open() {
        path = dir.filePath(QStringLiteral("vigil.db"));
        auto d = store::Database::open(path.toStdString(), store::OpenMode::ReadWrite);
        if (!d.ok()) return false;
        db = std::move(d.value());
        gate = std::make_unique<ApprovalGate>(db, clock);
        return true;
    }
    std::string request(const std::string& actionId, remedy::Wei value, int approvers) {
        ApprovalRequest out;
        const GateStatus s = gate->request(approvetest::transferRequest(actionId, value, approvers, kStart), out);
        return s ? out.id : std::string();
    }
    void showDialog() {
        source = std::make_unique<LocalApprovalSource>(path, clock, 50);
        QObject::connect(source.get(), &ui::ApprovalSource::requestsChanged, &queue, &ApprovalQueueModel::setRequests);
        dialog = std::make_unique<ApprovalDialog>(source.get(), &queue);
        dialog->show();
    }
    RequestState state(const std::string& id) {
        ApprovalRequest r;
        gate->find(id, r);
        return r.state;
    }
    ApprovalRequest find(const std::string& id) {
        ApprovalRequest r;
        gate->find(id, r);
        return r;
    }
};

// Clicks Approve or Reject, fills the prompt and confirms it.
bool decideThroughDialog(ApprovalDialog& d, bool approve, const QString& who, const QString& comment,
                         const QString& amount = {}) {
    (approve ? d.approveButton() : d.rejectButton())->click();
    DecisionPrompt* p = d.prompt();
    if (!p) return false;
    p->identityEdit()->setText(who);
    if (p->amountEdit()) p->amountEdit()->setText(amount);
    p->commentEdit()->setText(comment);
    QPushButton* ok = p->buttons()->button(QDialogButtonBox::Ok);
    if (!ok->isEnabled()) {
        p->reject();
        return false;
    }
    ok->click();
    return true;
}

}  // namespace

class TestApprovalDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(settingsDir_.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_approvaldialog"));
    }

    void approvingReachesTheGate() {
        Fixture f;
        QVERIFY(f.open());
        const std::string id = f.request("act-1", remedy::kWeiPerEth / 2, 1);
        QVERIFY(!id.empty());
        f.showDialog();
        QTRY_COMPARE(f.dialog->shownId(), QString::fromStdString(id));
        QCOMPARE(f.dialog->positionText(), QStringLiteral("1 of 1"));
        // What will be sent is on screen, from the canonical content.
        auto* dlg = f.dialog.get();
        const QString shown = [&] {
            QString all;
            for (auto* l : dlg->findChildren<QLabel*>()) all += l->text() + QLatin1Char('\n');
            return all;
        }();
        QVERIFY2(shown.contains(QStringLiteral("0x00000000000000000000000000000000000000b0")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("0.5 ETH")));
        QVERIFY(shown.contains(QStringLiteral("40 gwei")));
        QVERIFY(shown.contains(QStringLiteral("treasury-top-up")));
        QVERIFY(shown.contains(QStringLiteral("0 of 1 needed")));

        QVERIFY(decideThroughDialog(*f.dialog, true, QStringLiteral("alice"), QStringLiteral("checked the wallet")));
        QTRY_COMPARE(int(f.state(id)), int(RequestState::Approved));
        const ApprovalRequest r = f.find(id);
        QCOMPARE(r.votes.size(), std::size_t(1));
        QCOMPARE(r.votes[0].approver, std::string("alice"));
        QCOMPARE(r.votes[0].comment, std::string("checked the wallet"));
        QTRY_VERIFY(f.dialog->answerText().contains(QStringLiteral("approved")));
        // Decided: it left the queue and cannot be decided again from here.
        QTRY_COMPARE(f.queue.rowCount(), 0);
        QVERIFY(!f.dialog->approveButton()->isEnabled());
    }

    void rejectingNeedsAReasonAndReachesTheGate() {
        Fixture f;
        QVERIFY(f.open());
        const std::string id = f.request("act-2", remedy::kWeiPerEth / 2, 1);
        f.showDialog();
        QTRY_COMPARE(f.dialog->shownId(), QString::fromStdString(id));
        // No reason: the prompt will not send it.
        QVERIFY(!decideThroughDialog(*f.dialog, false, QStringLiteral("bob"), QString()));
        QCOMPARE(int(f.state(id)), int(RequestState::Pending));
        QVERIFY(decideThroughDialog(*f.dialog, false, QStringLiteral("bob"), QStringLiteral("wrong wallet")));
        QTRY_COMPARE(int(f.state(id)), int(RequestState::Rejected));
        QCOMPARE(f.find(id).votes.at(0).comment, std::string("wrong wallet"));
        QTRY_VERIFY(f.dialog->answerText().contains(QStringLiteral("rejected")));
    }

    void selfApprovalIsRefusedWithTheGatesMessage() {
        Fixture f;
        QVERIFY(f.open());
        const std::string id = f.request("act-3", remedy::kWeiPerEth / 2, 1);
        f.showDialog();
        QTRY_COMPARE(f.dialog->shownId(), QString::fromStdString(id));
        QVERIFY(decideThroughDialog(*f.dialog, true, QStringLiteral("Vigil"), QString()));
        // The gate's words, verbatim.
        const QString gateSays = QString::fromStdString(id + ": vigil requested this action and cannot approve it; another person must");
        QTRY_VERIFY2(f.dialog->answerText().contains(gateSays), qPrintable(f.dialog->answerText()));
        QCOMPARE(int(f.state(id)), int(RequestState::Pending));
        QVERIFY(f.dialog->approveButton()->isEnabled());  // someone else still may
    }

    void expiredRequestDisablesApprove() {
        Fixture f;
        QVERIFY(f.open());
        const std::string id = f.request("act-4", remedy::kWeiPerEth / 2, 1);
        f.showDialog();
        QTRY_COMPARE(f.dialog->shownId(), QString::fromStdString(id));
        QVERIFY(f.dialog->approveButton()->isEnabled());
        QVERIFY2(f.dialog->countdownText().startsWith(QStringLiteral("in 15:00")), qPrintable(f.dialog->countdownText()));
        f.clock.set(kStart + 14 * kMinute + 30'000);
        QTRY_VERIFY2(f.dialog->countdownText().startsWith(QStringLiteral("in 0:30")), qPrintable(f.dialog->countdownText()));
        QVERIFY(f.dialog->approveButton()->isEnabled());
        f.clock.set(kStart + 15 * kMinute);
        QTRY_VERIFY(!f.dialog->approveButton()->isEnabled());
        QVERIFY(f.dialog->countdownText().contains(QStringLiteral("expired")));
        QVERIFY(f.dialog->rejectButton()->isEnabled());  // rejecting stays possible (the gate says what happens)
        QCOMPARE(int(f.state(id)), int(RequestState::Pending));  // the dialog decided nothing
    }

    void twoPersonFlowNeedsTheAmountAndASecondIdentity() {
        Fixture f;
        QVERIFY(f.open());
        const std::string id = f.request("act-5", 20 * remedy::kWeiPerEth, 2);
        f.showDialog();
        QTRY_COMPARE(f.dialog->shownId(), QString::fromStdString(id));
        // The amount must be typed exactly.
        QVERIFY(!decideThroughDialog(*f.dialog, true, QStringLiteral("alice"), QString(), QStringLiteral("2")));
        QVERIFY(decideThroughDialog(*f.dialog, true, QStringLiteral("alice"), QString(), QStringLiteral("20.0")));
        QTRY_VERIFY2(f.dialog->answerText().contains(QStringLiteral("1 of 2")), qPrintable(f.dialog->answerText()));
        QCOMPARE(int(f.state(id)), int(RequestState::Pending));
        // The same person again: the gate refuses, and says so.
        QTRY_VERIFY(f.dialog->approveButton()->isEnabled());
        QVERIFY(decideThroughDialog(*f.dialog, true, QStringLiteral("ALICE"), QString(), QStringLiteral("20")));
        QTRY_VERIFY2(f.dialog->answerText().contains(QStringLiteral("already approved it; a second, different person must")),
                     qPrintable(f.dialog->answerText()));
        QCOMPARE(int(f.state(id)), int(RequestState::Pending));
        // A second identity completes it.
        QTRY_VERIFY(f.dialog->approveButton()->isEnabled());
        QVERIFY(decideThroughDialog(*f.dialog, true, QStringLiteral("bob"), QString(), QStringLiteral("20")));
        QTRY_COMPARE(int(f.state(id)), int(RequestState::Approved));
        QCOMPARE(f.find(id).approvals(), 2);
    }

    // The evidence is all there: content fields, the chart of the window (three
    // points), the risk class for two people. VIGIL_SCREENSHOT_DIR, when set,
    // receives approval-dialog.png (docs/screenshots are made this way under Xvfb).
    void evidenceIsShown() {
        Fixture f;
        QVERIFY(f.open());
        const std::string id = f.request("act-9", 12 * remedy::kWeiPerEth + remedy::kWeiPerEth / 4, 2);
        f.showDialog();
        QTRY_COMPARE(f.dialog->shownId(), QString::fromStdString(id));
        auto* chart = f.dialog->findChild<ui::EvidenceChart*>();
        QVERIFY(chart);
        QVERIFY2(chart->note().isEmpty(), qPrintable(chart->note()));
        QCOMPARE(chart->showWindow(QString::fromStdString(f.find(id).what.metricWindow)), 3);
        QCOMPARE(chart->showWindow(QStringLiteral("{}")), 0);
        QVERIFY(!chart->note().isEmpty());
        QCOMPARE(chart->showWindow(QStringLiteral("{not json")), 0);
        QVERIFY(chart->note().contains(QStringLiteral("could not be read")));
        f.dialog->showRequest(QString::fromStdString(id));  // back to the real window
        auto* risk = f.dialog->findChild<QLabel*>(QStringLiteral("risk"));
        QVERIFY(risk && risk->text().contains(QStringLiteral("two different people")));
        for (QWidget* w : f.dialog->findChildren<QWidget*>())
            if (w->focusPolicy() != Qt::NoFocus && (qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w)))
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName() + QLatin1Char(' ') + w->metaObject()->className()));
        if (const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR"); !dir.isEmpty()) {
            f.clock.advanceBy(3 * kMinute + 12'000);
            f.dialog->tick();
            QTest::qWait(200);
            QVERIFY(f.dialog->grab().save(dir + QStringLiteral("/approval-dialog.png")));
        }
    }

    void requestsQueueInOneDialog() {
        Fixture f;
        QVERIFY(f.open());
        const std::string first = f.request("act-6", remedy::kWeiPerEth, 1);
        f.clock.advanceBy(1000);
        const std::string second = f.request("act-7", remedy::kWeiPerEth, 1);
        f.showDialog();
        QTRY_COMPARE(f.queue.rowCount(), 2);
        QCOMPARE(f.dialog->shownId(), QString::fromStdString(first));  // the first to expire
        QCOMPARE(f.dialog->positionText(), QStringLiteral("1 of 2"));
        f.dialog->nextButton()->click();
        QCOMPARE(f.dialog->shownId(), QString::fromStdString(second));
        QCOMPARE(f.dialog->positionText(), QStringLiteral("2 of 2"));
        QTest::keyClick(f.dialog.get(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(f.dialog->shownId(), QString::fromStdString(first));
        // A third arriving while the dialog is open joins the queue, not a new window.
        f.clock.advanceBy(1000);
        f.request("act-8", remedy::kWeiPerEth, 1);
        QTRY_COMPARE(f.dialog->positionText(), QStringLiteral("1 of 3"));
        const auto tops = QApplication::topLevelWidgets();
        QCOMPARE(std::count_if(tops.begin(), tops.end(), [](QWidget* w) { return qobject_cast<ApprovalDialog*>(w) != nullptr; }),
                 1);
    }

private:
    QTemporaryDir settingsDir_;
};

QTEST_MAIN(TestApprovalDialog)
#include "tst_approvaldialog.moc"
