// `vigilctl signoff serve` and `vigilctl approvals --url` end to end: the
// service started as a process on a free loopback port (it prints its URL),
// the CLI listing the same table as with --db, two token identities reaching
// two-person approval, self-approval refused (exit 1) with the gate's text,
// unknown ids and bad calls exit 2 and change nothing, SIGTERM stopping the
// service cleanly and the CLI then saying it cannot connect (exit 2), a
// non-loopback bind without TLS refused, the CLI over TLS with --ca and --pin,
// `vigilctl run --signoff-tokens` serving its own queue, and the decisions
// taken through the service passing `vigilctl audit verify`.
#include "CliTestSupport.h"
#include "approve/SignoffTestSupport.h"
#include "approve/TransferRequest.h"

#include "approve/ApprovalGate.h"
#include "approve/ExecutionContent.h"
#include "store/Statement.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace vigil;
using namespace vigil::approve;
using namespace signofftest;

class TestCliSignoff : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dbPath_, tokensPath_;
    store::Database db_;
    SystemClock clock_;
    std::unique_ptr<ApprovalGate> engine_;
    std::string big_, small_;

    QString tokenFile(const QString& name, const std::string& token) {
        const QString path = dir_.filePath(name + ".token");
        writePrivate(path, token + "\n");
        return path;
    }

    std::string request(const std::string& action, remedy::Wei value, int approvers) {
        NewApprovalRequest r = approvetest::transferRequest(action, value, approvers, clock_.now());
        r.incidentId = "inc-9";
        r.narrative = "agent-04 wallet below floor";
        r.rule = "transfer-limits";
        ApprovalRequest out;
        const GateStatus s = engine_->request(r, out);
        if (!s) qFatal("%s", s.message.c_str());
        return out.id;
    }

    std::string decisions() {
        store::Statement st;
        std::string err;
        st.prepare(db_.handle(),
                   "SELECT coalesce(group_concat(id || ':' || decision || ':' || approver, ' '), '(none)') FROM approvals "
                   "WHERE decision != 'requested'",
                   err);
        return st.step() == SQLITE_ROW ? st.text(0) : err;
    }

    // Starts `vigilctl ARGS` and waits for its "sign-off service on URL" line.
    QString startServing(QProcess& p, const QStringList& args) {
        p.start(clitest::vigilctlPath(), args);
        QString seen;
        if (!clitest::waitForOutput(p, QStringLiteral("sign-off service on "), seen)) return {};
        const auto m = QRegularExpression(QStringLiteral("sign-off service on (\\S+)")).match(seen);
        return m.captured(1);
    }

    void stop(QProcess& p) {
        if (p.state() == QProcess::NotRunning) return;
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        if (!p.waitForFinished(30'000)) {
            p.kill();
            p.waitForFinished();
        }
    }

    static QString masked(QString text) {  // "14m59s" vs "15m0s": seconds tick between two runs
        return text.replace(QRegularExpression(QStringLiteral("\\b\\d+m\\d+s\\b|\\b\\d+s\\b")), QStringLiteral("T"));
    }

private slots:
    void initTestCase() {
        QVERIFY2(!clitest::vigilctlPath().isEmpty(), "VIGILCTL is set by CTest");
        dbPath_ = dir_.filePath("vigil.db");
        auto db = store::Database::open(dbPath_.toStdString(), store::OpenMode::ReadWrite);
        QVERIFY2(db.ok(), db.error().c_str());
        db_ = std::move(db.value());
        engine_ = std::make_unique<ApprovalGate>(db_, clock_);
        big_ = request("act-big", 12 * remedy::kWeiPerEth, 2);
        small_ = request("act-small", 2 * remedy::kWeiPerEth, 1);
        tokensPath_ = dir_.filePath("tokens");
        QVERIFY(writePrivate(tokensPath_, tokensText()));
    }

    void approvalsThroughTheServiceMatchTheDatabase() {
        QProcess service;
        const QString url = startServing(service, {"signoff", "serve", "--db", dbPath_, "--tokens", tokensPath_, "--listen", "127.0.0.1:0"});
        QVERIFY2(url.startsWith("http://127.0.0.1:"), qPrintable(url));
        const QString alice = tokenFile("alice", kAliceToken), bob = tokenFile("bob", kBobToken), vigil = tokenFile("vigil", kVigilToken);
        const QStringList viaUrl{"--url", url, "--token-file", alice};

        const auto remoteList = clitest::vigilctl(QStringList{"approvals", "list"} + viaUrl);
        const auto localList = clitest::vigilctl({"approvals", "list", "--db", dbPath_});
        QCOMPARE(remoteList.code, 0);
        QCOMPARE(masked(remoteList.out), masked(localList.out));
        QVERIFY(remoteList.out.contains(QString::fromStdString(big_)));
        const QString big = QString::fromStdString(big_), small = QString::fromStdString(small_);
        const auto remoteShow = clitest::vigilctl(QStringList{"approvals", "show", big} + viaUrl);
        QCOMPARE(remoteShow.code, 0);
        QCOMPARE(masked(remoteShow.out), masked(clitest::vigilctl({"approvals", "show", big, "--db", dbPath_}).out));

        // The engine's name cannot approve what it asked for: exit 1, the gate's words.
        auto r = clitest::vigilctl({"approvals", "approve", small, "--url", url, "--token-file", vigil});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("vigil requested this action and cannot approve it"), qPrintable(r.err));
        // Bad calls: exit 2, nothing changed.
        QCOMPARE(clitest::vigilctl(QStringList{"approvals", "approve", "apr-0000000000"} + viaUrl).code, 2);
        r = clitest::vigilctl(QStringList{"approvals", "approve", big, "--as", "bob"} + viaUrl);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--as is not used with --url"), qPrintable(r.err));
        r = clitest::vigilctl({"approvals", "list", "--url", url});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--url needs --token-file FILE"), qPrintable(r.err));
        writePrivate(dir_.filePath("loose.token"), kAliceToken, 0644);
        r = clitest::vigilctl({"approvals", "list", "--url", url, "--token-file", dir_.filePath("loose.token")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("token file has mode 0644"), qPrintable(r.err));
        QCOMPARE(decisions(), std::string("(none)"));

        r = clitest::vigilctl(QStringList{"approvals", "approve", big, "--comment", "checked the explorer"} + viaUrl);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), big + ": approved by alice (1 of 2 approvals): waiting for another person");
        r = clitest::vigilctl(QStringList{"approvals", "approve", big} + viaUrl);
        QCOMPARE(r.code, 1);  // alice twice is still one person
        r = clitest::vigilctl({"approvals", "approve", big, "--url", url, "--token-file", bob});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), big + ": approved by bob: may execute transfer on agent:agent-04 (until it expires)");
        QCOMPARE(decisions(), big_ + ":approved:alice " + big_ + ":approved:bob");
        // ... and joined the audit log under the default key, which still verifies.
        r = clitest::vigilctl({"audit", "verify", "--db", dbPath_});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

        stop(service);
        QCOMPARE(service.exitStatus(), QProcess::NormalExit);
        QCOMPARE(service.exitCode(), 0);
        QVERIFY(QString::fromUtf8(service.readAllStandardOutput()).contains("stopped (SIGTERM)"));
        r = clitest::vigilctl(QStringList{"approvals", "list"} + viaUrl);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("connection refused (is the sign-off service running?)"), qPrintable(r.err));
    }

    void refusesBadServiceSetups() {
        auto r = clitest::vigilctl({"signoff", "serve", "--db", dbPath_, "--tokens", tokensPath_, "--listen", "0.0.0.0:0"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("refusing to serve sign-off on a non-loopback address without TLS"), qPrintable(r.err));
        r = clitest::vigilctl({"signoff", "serve", "--db", dir_.filePath("missing.db"), "--tokens", tokensPath_, "--listen", "127.0.0.1:0"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("missing.db: no such database file"), qPrintable(r.err));
        r = clitest::vigilctl({"signoff", "serve", "--db", dbPath_});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--tokens FILE is required"), qPrintable(r.err));
        r = clitest::vigilctl({"run", "--demo", "--signoff-listen", "127.0.0.1:0", "--db", dir_.filePath("run.db")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--signoff-listen needs --signoff-tokens FILE"), qPrintable(r.err));
    }

    // The console takes the same options, checked before any window exists.
    void consoleRefusesBadSignoffOptions() {
#ifdef VIGIL_NO_GUI_BUILD
        QSKIP("the sanitizer build has no console (vigil); this case runs in the normal build");
#endif
        const QString vigil = QString::fromLocal8Bit(qgetenv("VIGIL"));
        QVERIFY2(!vigil.isEmpty(), "VIGIL is set by CTest");
        QProcess p;
        p.start(vigil, {"--signoff-cert", dir_.filePath("cert.pem")});
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains("--signoff-cert needs --signoff-tokens FILE"));
        p.start(vigil, {"--no-store", "--signoff-tokens", tokensPath_});
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains("not with --no-store"));
    }

    void approvalsOverTlsWithCaOrPin() {
        const QString cert = dir_.filePath("cert.pem"), key = dir_.filePath("key.pem");
        QString why;
        QVERIFY2(makeSelfSigned(cert, key, why), qPrintable(why));
        QProcess service;
        const QString url = startServing(service, {"signoff", "serve", "--db", dbPath_, "--tokens", tokensPath_, "--listen",
                                                   "127.0.0.1:0", "--cert", cert, "--key", key});
        QVERIFY2(url.startsWith("https://127.0.0.1:"), qPrintable(url));
        const QString alice = tokenFile("alice", kAliceToken);
        auto r = clitest::vigilctl({"approvals", "list", "--url", url, "--token-file", alice, "--ca", cert});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QString::fromStdString(small_)));
        r = clitest::vigilctl({"approvals", "show", QString::fromStdString(small_), "--url", url, "--token-file", alice, "--pin", fingerprint(cert)});
        QCOMPARE(r.code, 0);
        r = clitest::vigilctl({"approvals", "list", "--url", url, "--token-file", alice});  // the system CAs do not know it
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("certificate verify failed"), qPrintable(r.err));
        stop(service);
        QCOMPARE(service.exitCode(), 0);
    }

    void aRunningEngineServesItsQueue() {
        QProcess run;
        const QString url = startServing(run, {"run", "--demo", "--duration", "120", "--db", dir_.filePath("run.db"),
                                               "--signoff-tokens", tokensPath_, "--signoff-listen", "127.0.0.1:0"});
        QVERIFY2(url.startsWith("http://127.0.0.1:"), qPrintable(url));
        const auto r = clitest::vigilctl({"approvals", "list", "--all", "--url", url, "--token-file", tokenFile("bob", kBobToken)});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith("ID "), qPrintable(r.out));
        stop(run);
        QCOMPARE(run.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliSignoff)
#include "tst_cli_signoff.moc"
