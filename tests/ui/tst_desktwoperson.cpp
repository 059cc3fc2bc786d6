// The two-person flow of issue #10's "Done when", clicked: a critical transfer
// (12 ETH, two approvers) filed in a real SQLite store by an ApprovalGate on
// the engine's (virtual) clock; the console's approval dialog (a
// LocalApprovalSource on the store) and a sign-off desk (a RemoteApprovalSource
// against a SignoffService the test starts on a free loopback port, token of
// bob). Alice approves first in the console's dialog by mouse and keyboard
// (identity and the typed amount): the gate answers "1 of 2" and the request
// stays queued; bob clicks Approve in the desk's dialog and types the amount:
// approved, with two distinct approvers; the engine's authorize() then
// executes it. After the decision both dialogs show the final votes ("2 of 2"),
// the console's too, where the request left the queue because someone else
// decided it (it showed the queue's pre-decision copy, "1 of 2", before), and
// it follows the approved request until the engine executed it.
#include "approve/SignoffTestSupport.h"

#include "approve/ApprovalGate.h"
#include "approve/TransferRequest.h"
#include "signoff/SignoffClient.h"
#include "signoff/SignoffService.h"
#include "ui/ApprovalDialog.h"
#include "ui/ApprovalQueueModel.h"
#include "ui/ApprovalQueuePanel.h"
#include "ui/DecisionPrompt.h"
#include "ui/DeskWindow.h"
#include "ui/LocalApprovalSource.h"
#include "ui/RemoteApprovalSource.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::approve;
using namespace signofftest;

namespace {

constexpr TimestampMs kStart = 1'790'000'000'000;
constexpr vigil::ui::RemoteApprovalTiming kFast{200, 100, 400};
constexpr int kPatience = 60'000;  // a hang guard for a loaded machine, not a timing assertion

// What a person does in the prompt: types into the fields, then presses OK.
void typeAndConfirm(vigil::ui::DecisionPrompt* p, const QString& identity, const QString& amount,
                    const QString& comment) {
    QVERIFY(p);
    QTRY_VERIFY_WITH_TIMEOUT(p->isVisible(), kPatience);
    if (!identity.isEmpty()) {
        p->identityEdit()->clear();
        QTest::keyClicks(p->identityEdit(), identity);
    }
    QVERIFY(p->amountEdit());  // at or above the two-person limit the amount is typed
    QTest::keyClicks(p->amountEdit(), amount);
    QTest::keyClicks(p->commentEdit(), comment);
    QPushButton* ok = p->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

}  // namespace

class TestDeskTwoPerson : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    VirtualClock engineClock_{kStart};  // the engine's time: the gate's, the service's, the console's

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void consoleThenDeskApproveByClicking() {
        const QString dbPath = dir_.filePath(QStringLiteral("vigil.db"));
        const QString tokensPath = dir_.filePath(QStringLiteral("tokens"));
        QVERIFY(writePrivate(tokensPath, tokensText()));
        auto opened = store::Database::open(dbPath.toStdString(), store::OpenMode::ReadWrite);
        QVERIFY2(opened.ok(), opened.error().c_str());
        store::Database db = std::move(*opened);
        ApprovalGate engineGate(db, engineClock_);
        ApprovalRequest filed;
        const remedy::Wei value = 12 * remedy::kWeiPerEth;
        QVERIFY(engineGate.request(approvetest::transferRequest("act-transfer", value, 2, kStart), filed));
        const QString id = QString::fromStdString(filed.id);

        signoff::SignoffServiceOptions so;
        so.dbPath = dbPath.toStdString();
        so.tokensPath = tokensPath.toStdString();
        std::string err;
        so.listen = *signoff::ListenAddress::parse("127.0.0.1:0", err);
        so.clock = &engineClock_;
        auto service = signoff::SignoffService::start(so, err);
        QVERIFY2(service, err.c_str());

        // The console: its queue panel and the one approval dialog, on the store.
        ui::LocalApprovalSource console(dbPath, engineClock_, 200);
        ui::ApprovalQueueModel consoleQueue;
        QObject::connect(&console, &ui::ApprovalSource::requestsChanged, &consoleQueue,
                         &ui::ApprovalQueueModel::setRequests);
        ui::ApprovalQueuePanel consolePanel(&console, &consoleQueue);
        consolePanel.setOpenOnArrival(false);
        QTRY_COMPARE_WITH_TIMEOUT(consoleQueue.rowCount(), 1, kPatience);
        consolePanel.review(id);
        ui::ApprovalDialog* cd = consolePanel.dialog();
        QVERIFY(cd);
        QTRY_VERIFY_WITH_TIMEOUT(cd->isVisible(), kPatience);
        QCOMPARE(cd->shownId(), id);
        QVERIFY2(cd->votesText().startsWith(QStringLiteral("0 of 2 needed")), qPrintable(cd->votesText()));
        QTRY_VERIFY_WITH_TIMEOUT(cd->approveButton()->isEnabled(), kPatience);
        QTest::mouseClick(cd->approveButton(), Qt::LeftButton);
        typeAndConfirm(cd->prompt(), QStringLiteral("alice"), QStringLiteral("12"), QStringLiteral("balance checked"));
        QTRY_COMPARE_WITH_TIMEOUT(cd->answerText(),
                                  QStringLiteral("Approved by alice (1 of 2): waiting for another person."), kPatience);
        QVERIFY2(cd->votesText().startsWith(QStringLiteral("1 of 2 needed")), qPrintable(cd->votesText()));
        QTRY_COMPARE_WITH_TIMEOUT(cd->positionText(), QStringLiteral("1 of 1"), kPatience);  // still queued: pending

        // The desk, signed in as bob by his token.
        signoff::SignoffClientOptions co;
        co.url = service->url();
        co.token = kBobToken;
        auto client = signoff::SignoffClient::create(co, err);
        QVERIFY2(client, err.c_str());
        SystemClock deskClock;
        ui::RemoteApprovalSource deskSource(std::move(client), deskClock, kFast);
        ui::DeskWindow desk(&deskSource);
        desk.queuePanel()->setOpenOnArrival(false);
        QTRY_COMPARE_WITH_TIMEOUT(desk.queue()->rowCount(), 1, kPatience);
        QTRY_COMPARE_WITH_TIMEOUT(deskSource.signedInAs(), QStringLiteral("bob"), kPatience);
        desk.queuePanel()->review(id);
        ui::ApprovalDialog* dd = desk.queuePanel()->dialog();
        QVERIFY(dd);
        QTRY_VERIFY_WITH_TIMEOUT(dd->isVisible(), kPatience);
        QTRY_VERIFY2_WITH_TIMEOUT(dd->votesText().startsWith(QStringLiteral("1 of 2 needed")),
                                  qPrintable(dd->votesText()), kPatience);
        QVERIFY(dd->votesText().contains(QStringLiteral("alice approved")));
        QTRY_VERIFY_WITH_TIMEOUT(dd->approveButton()->isEnabled(), kPatience);
        QTest::mouseClick(dd->approveButton(), Qt::LeftButton);
        QVERIFY(dd->prompt());
        QCOMPARE(dd->prompt()->identityEdit()->text(), QStringLiteral("bob"));  // the token's, not typed
        typeAndConfirm(dd->prompt(), QString(), QStringLiteral("12"), QStringLiteral("second person"));
        QTRY_VERIFY_WITH_TIMEOUT(dd->answerText().startsWith(QStringLiteral("Done: the request is now approved.")),
                                 kPatience);
        QVERIFY2(dd->votesText().startsWith(QStringLiteral("2 of 2 needed")), qPrintable(dd->votesText()));

        // At the gate: approved by two distinct people, on the engine's time.
        ApprovalRequest stored;
        QVERIFY(engineGate.find(filed.id, stored));
        QCOMPARE(int(stored.state), int(RequestState::Approved));
        QCOMPARE(stored.votes.size(), std::size_t(2));
        QCOMPARE(stored.votes[0].approver, std::string("alice"));
        QCOMPARE(stored.votes[1].approver, std::string("bob"));
        QCOMPARE(stored.votes[1].ts, kStart);
        // The engine executes exactly what was approved.
        QVERIFY(engineGate.authorize(filed.id, filed.what.content));

        // The console's dialog, where someone else decided: the final votes.
        // (It may first see it approved, then follows it to executed.)
        QTRY_COMPARE_WITH_TIMEOUT(cd->countdownText(), QStringLiteral("no longer applies: the request is executed"),
                                  kPatience);
        QVERIFY2(cd->votesText().startsWith(QStringLiteral("2 of 2 needed")), qPrintable(cd->votesText()));
        QCOMPARE(cd->answerText(),
                 QStringLiteral("Decided: the request is now executed (2 of 2 approvals: alice, bob)."));
        QVERIFY(!cd->approveButton()->isEnabled());
        QCOMPARE(consoleQueue.rowCount(), 0);
        service->stop();
    }
};

QTEST_MAIN(TestDeskTwoPerson)
#include "tst_desktwoperson.moc"
