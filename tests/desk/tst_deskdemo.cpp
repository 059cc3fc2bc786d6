// The done-when of the sign-off desk: `vigilctl run --demo --scenario cascade
// --signoff-tokens FILE` runs the demo fleet and serves its queue; a desk
// (DeskWindow over a RemoteApprovalSource, signed in as bob, a second
// identity beside the engine's `vigil`) lists the stuck transfer's fee-bump
// replacement (above the two-person limit), approves it through the dialog
// path ("1 of 2"), a second person (alice, through the service) approves too,
// and the running demo executes it. And `vigil --desk` itself: its options are checked before any
// window, and started offscreen it connects and says as whom.
// Timeouts are hang guards, not timing asserts.
#include "approve/SignoffTestSupport.h"
#include "cli/CliTestSupport.h"

#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)
#include "signoff/SignoffClient.h"
#include "store/Database.h"
#include "ui/ApprovalDialog.h"
#include "ui/ApprovalQueueModel.h"
#include "ui/ApprovalQueuePanel.h"
#include "ui/DecisionPrompt.h"
#include "ui/DeskWindow.h"
#include "ui/RemoteApprovalSource.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace vigil;
using namespace signofftest;

namespace {

void stop(QProcess& p) {
    if (p.state() == QProcess::NotRunning) return;
    ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished();
    }
}

std::unique_ptr<signoff::SignoffClient> client(const QString& url, const std::string& token) {
    signoff::SignoffClientOptions o;
    o.url = url.toStdString();
    o.token = token;
    std::string err;
    auto c = signoff::SignoffClient::create(o, err);
    if (!c) qFatal("%s", err.c_str());
    return c;
}

}  // namespace

class TestDeskDemo : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString tokenFile(const QString& name, const std::string& token) {
        const QString path = dir_.filePath(name + QStringLiteral(".token"));
        writePrivate(path, token + "\n");
        return path;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        QVERIFY(writePrivate(dir_.filePath(QStringLiteral("tokens")), tokensText()));
    }

    void aDeskApprovesTheCascadesTransferAndTheDemoExecutesIt() {
        const QString db = dir_.filePath(QStringLiteral("demo.db"));
        // Requests expire on engine time: 15 min at speed 200 are 4.5 wall seconds.
        QFile shipped(QStringLiteral(VIGIL_SOURCE_DIR "/resources/policy.yaml"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QByteArray policy = shipped.readAll();
        QVERIFY(policy.contains("approval_expiry: 15m"));
        policy.replace("approval_expiry: 15m", "approval_expiry: 24h");
        const QString policyPath = dir_.filePath(QStringLiteral("policy.yaml"));
        QVERIFY(writePrivate(policyPath, policy.toStdString()));
        QProcess run;
        run.start(clitest::vigilctlPath(),
                  {"run", "--demo", "--scenario", "cascade", "--speed", "200", "--db", db, "--policy", policyPath,
                   "--signoff-tokens", dir_.filePath(QStringLiteral("tokens")), "--signoff-listen", "127.0.0.1:0"});
        QString out;
        QVERIFY2(clitest::waitForOutput(run, QStringLiteral("sign-off service on "), out), qPrintable(out));
        const QString url = QRegularExpression(QStringLiteral("sign-off service on (\\S+)")).match(out).captured(1);
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(out));

        SystemClock clock;
        ui::RemoteApprovalSource source(client(url, kBobToken), clock, {500, 250, 1000});
        ui::DeskWindow desk(&source);
        desk.queuePanel()->setOpenOnArrival(false);
        // The cascade's stuck transfer: a fee-bump replacement at or above the approval
        // limit, which needs two people. Other retries may be waiting too (on a slow
        // machine the demo runs further ahead), some needing only one: not those.
        QString id;
        for (int i = 0; i < 240 && id.isEmpty(); ++i) {
            QTest::qWait(250);
            for (int row = 0; row < desk.queue()->rowCount(); ++row) {
                const QModelIndex at = desk.queue()->index(row, 0);
                if (at.data(ui::ApprovalQueueModel::ActionKindRole).toString() == QStringLiteral("retry_tx") &&
                    desk.queue()->request(row).what.approversNeeded >= 2)
                    id = at.data(ui::ApprovalQueueModel::IdRole).toString();
            }
        }
        QVERIFY2(!id.isEmpty(), qPrintable(source.statusText() + QLatin1Char(' ') + source.lastError()));
        QCOMPARE(source.signedInAs(), QStringLiteral("bob"));
        const approve::ApprovalRequest asked = desk.queue()->request(desk.queue()->rowOf(id));
        QCOMPARE(asked.what.requester, std::string("vigil"));

        desk.queuePanel()->review(id);
        ui::ApprovalDialog* d = desk.queuePanel()->dialog();
        QCOMPARE(d->shownId(), id);
        QTRY_VERIFY(d->approveButton()->isEnabled());
        d->approveButton()->click();
        QVERIFY(d->prompt());
        QCOMPARE(d->prompt()->identityEdit()->text(), QStringLiteral("bob"));
        if (QLineEdit* amount = d->prompt()->amountEdit())
            amount->setText(QString::fromStdString(remedy::formatEth(asked.what.value)));
        d->prompt()->commentEdit()->setText(QStringLiteral("replacement checked at the desk"));
        QVERIFY(d->prompt()->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        d->prompt()->buttons()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(
            d->answerText().startsWith(QStringLiteral("Approved by bob (1 of 2): waiting for another person.")),
            qPrintable(d->answerText()), 30'000);
        QCOMPARE(int(asked.what.approversNeeded), 2);

        // The second person; then the running demo executes it after the gate's
        // check, and the service shows it so.
        auto c = client(url, kAliceToken);
        approve::ApprovalRequest second;
        QVERIFY(c->approve(id.toStdString(), "second person", second));
        approve::ApprovalRequest after;
        for (int i = 0; i < 240 && after.state != approve::RequestState::Executed; ++i) {
            QTest::qWait(250);
            QVERIFY(c->show(id.toStdString(), after));
        }
        QCOMPARE(int(after.state), int(approve::RequestState::Executed));
        QCOMPARE(after.votes.size(), std::size_t(2));
        QCOMPARE(after.votes[0].approver, std::string("bob"));
        QCOMPARE(after.votes[1].approver, std::string("alice"));

        stop(run);
        out += QString::fromUtf8(run.readAllStandardOutput());
        QCOMPARE(run.exitCode(), 0);
        const auto s = QRegularExpression(QStringLiteral("(\\d+) approved and executed")).match(out);
        QVERIFY2(s.hasMatch(), qPrintable(out));
        QCOMPARE(s.captured(1).toInt(), 1);
    }

    void theConsoleChecksDeskOptions() {
        const QString vigil = QString::fromLocal8Bit(qgetenv("VIGIL"));
        QVERIFY2(!vigil.isEmpty(), "VIGIL is set by CTest");
        const QString bob = tokenFile(QStringLiteral("bob"), kBobToken);
        struct Case {
            QStringList args;
            const char* says;
        };
        const Case cases[] = {
            {{"--desk", "http://127.0.0.1:1"}, "--desk needs --token-file FILE"},
            {{"--token-file", bob}, "--token-file belongs to --desk URL"},
            {{"--desk", "http://127.0.0.1:1", "--token-file", bob, "--db", "x.db"},
             "--db is for the console's own engine; a --desk has none"},
            {{"--desk", "http://192.0.2.1:8787", "--token-file", bob},
             "refusing to send a bearer token over plain http"},
            {{"--desk", "http://127.0.0.1:1", "--token-file", dir_.filePath(QStringLiteral("missing"))},
             "--token-file: "},
        };
        for (const Case& c : cases) {
            QProcess p;
            p.start(vigil, c.args);
            QVERIFY(p.waitForFinished(60'000));
            const QString err = QString::fromUtf8(p.readAllStandardError());
            QCOMPARE(p.exitCode(), 2);
            QVERIFY2(err.contains(QString::fromUtf8(c.says)),
                     qPrintable(c.args.join(' ') + QStringLiteral(": ") + err));
        }
    }

    // `vigil --desk` started offscreen against a service: it connects and says as whom.
    void theConsoleStartsAsADesk() {
        const QString vigil = QString::fromLocal8Bit(qgetenv("VIGIL"));
        QVERIFY2(!vigil.isEmpty(), "VIGIL is set by CTest");
        const QString db = dir_.filePath(QStringLiteral("serve.db"));
        QVERIFY(
            store::Database::open(db.toStdString(), store::OpenMode::ReadWrite).ok());  // an empty database to serve
        QProcess service;
        service.start(clitest::vigilctlPath(), {"signoff", "serve", "--db", db, "--tokens",
                                                dir_.filePath(QStringLiteral("tokens")), "--listen", "127.0.0.1:0"});
        QString seen;
        QVERIFY2(clitest::waitForOutput(service, QStringLiteral("sign-off service on "), seen), qPrintable(seen));
        const QString url = QRegularExpression(QStringLiteral("sign-off service on (\\S+)")).match(seen).captured(1);
        QProcess desk;
        desk.start(vigil, {"--desk", url, "--token-file", tokenFile(QStringLiteral("alice"), kAliceToken)});
        QString said;
        QVERIFY2(clitest::waitForOutput(desk, QStringLiteral("vigil: desk: Connected to %1 as alice").arg(url), said),
                 qPrintable(said + QString::fromUtf8(desk.readAllStandardError())));
        stop(service);
        QVERIFY2(
            clitest::waitForOutput(
                desk, QStringLiteral("vigil: desk: Disconnected from %1 — retrying (last contact ").arg(url), said),
            qPrintable(said));
        stop(desk);
        QCOMPARE(desk.exitCode(), 0);
    }
};

QTEST_MAIN(TestDeskDemo)
#include "tst_deskdemo.moc"
