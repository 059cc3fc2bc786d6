// `vigilctl run --demo --scenario cascade` heals the demo fleet on its own and
// leaves the cascade's stuck treasury transfer (12-18 ETH, above the shipped
// policy's 10 ETH two_person_limit) waiting for two people: another process
// lists the request with its evidence, the engine cannot approve its own
// request, one person's approval leaves it pending, a second person's approves
// it, the running engine executes it after the gate's check, and the audit log
// stays intact. The request is filed on the engine's time (the demo's, 200x
// ahead of the wall clock), beside its incident, not on the wall clock. With notify.webhook set, every action taken
// or proposed reaches a loopback receiver as an Alertmanager v4 payload.
// Timeouts are hang guards, not timing asserts.
#include "../net/CannedServer.h"
#include "CliTestSupport.h"
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)
#include "store/Database.h"
#include "store/Statement.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace clitest;

namespace {
std::int64_t count(const QString& db, const char* sql) {
    auto d = vigil::store::Database::open(db.toStdString(), vigil::store::OpenMode::ReadOnly);
    if (!d) qFatal("%s", d.error().c_str());
    vigil::store::Statement st;
    std::string error;
    if (!st.prepare(d->handle(), sql, error) || st.step() != SQLITE_ROW) qFatal("%s: %s", sql, error.c_str());
    return st.int64(0);
}

// The first pending request for a fee-bump replacement on an agent in `approvals list`.
QRegularExpressionMatch pendingTransfer(const QString& listing) {
    static const QRegularExpression row(
        QStringLiteral("^(apr-[0-9a-f]{10})\\s+pending\\s+0/2\\s+retry_tx\\s+(agent:agent-\\d+)\\s+([0-9.]+)"),
        QRegularExpression::MultilineOption);
    return row.match(listing);
}
}  // namespace

class TestCliHealDemo : public QObject {
    Q_OBJECT
private slots:
    void cascadeHealsAndLeavesATransferForPeople() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.db"));
        // The gate expires requests on engine time: 15 min at speed 200 are 4.5 s of
        // the wall clock, too short for a loaded machine; the policy allows 24 h.
        QFile shipped(QStringLiteral(VIGIL_SOURCE_DIR "/resources/policy.yaml"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QByteArray policy = shipped.readAll();
        QVERIFY(policy.contains("approval_expiry: 15m"));
        policy.replace("approval_expiry: 15m", "approval_expiry: 24h");
        const QString policyPath = dir.filePath(QStringLiteral("policy.yaml"));
        QVERIFY(writeFile(policyPath, policy));
        QProcess run;
        run.start(vigilctlPath(), {"run", "--demo", "--scenario", "cascade", "--speed", "200", "--db", db, "--policy", policyPath});
        QString out;
        QVERIFY2(waitForOutput(run, QStringLiteral("demo fleet"), out), qPrintable(out));

        // The request appears in the database while the demo runs.
        QRegularExpressionMatch m;
        Run list;
        for (int i = 0; i < 120 && !m.hasMatch(); ++i) {
            QTest::qWait(500);
            list = vigilctl({"approvals", "list", "--db", db});
            m = pendingTransfer(list.out);
        }
        QVERIFY2(m.hasMatch(), qPrintable(list.out + list.err + out + QString::fromUtf8(run.readAllStandardError())));
        const QString id = m.captured(1);
        QVERIFY2(m.captured(3).toDouble() >= 10.0, qPrintable(list.out));  // at or above two_person_limit
        // Engine time: filed at or after its incident opened and its action was
        // decided, within a simulated minute (on the wall clock it would be minutes before).
        const std::int64_t created = count(db, qPrintable(QStringLiteral("SELECT created FROM approval_requests WHERE id = '%1'").arg(m.captured(1))));
        const std::int64_t decided = count(db, qPrintable(QStringLiteral(
            "SELECT MIN(ts) FROM approvals WHERE decision = 'requested' AND id = '%1'").arg(m.captured(1))));
        const std::int64_t opened = count(db, qPrintable(QStringLiteral(
            "SELECT MIN(i.opened) FROM incidents i JOIN approval_requests r ON r.incident_id = i.id WHERE r.id = '%1'").arg(m.captured(1))));
        QVERIFY2(opened > 0 && created >= opened && created - opened < 10 * 60'000,
                 qPrintable(QStringLiteral("incident opened %1, request filed %2").arg(opened).arg(created)));
        QCOMPARE(decided, created);

        // Its evidence: incident and narrative, the metric window with its points
        // (the agent's pending-transaction age), the exact transaction, the rule.
        const Run show = vigilctl({"approvals", "show", id, "--db", db});
        QCOMPARE(show.code, 0);
        for (const char* needle : {"rule:        stuck-tx-fee-bump", "requester:   vigil", "narrative:   ",
                                   "\"detector\":\"tx.stuck\"", "\"points\":[[", "\"action\":\"retry_tx\"", "\"nonce\":", "\"value_wei\":\""})
            QVERIFY2(show.out.contains(QString::fromUtf8(needle)), qPrintable(show.out));

        // The engine asked; it cannot approve. A person can, and the running engine executes it.
        const Run self = vigilctl({"approvals", "approve", id, "--as", "vigil", "--db", db});
        QCOMPARE(self.code, 1);
        const Run ok = vigilctl({"approvals", "approve", id, "--as", "alice", "--comment", "top-up checked", "--db", db});
        QVERIFY2(ok.code == 0, qPrintable(ok.out + ok.err));
        QVERIFY2(ok.out.contains(QStringLiteral("1 of 2")), qPrintable(ok.out));
        QCOMPARE(vigilctl({"approvals", "approve", id, "--as", "alice", "--db", db}).code, 1);  // the same person again
        const Run second = vigilctl({"approvals", "approve", id, "--as", "bob", "--comment", "second person", "--db", db});
        QVERIFY2(second.code == 0, qPrintable(second.out + second.err));
        Run after;
        for (int i = 0; i < 360; ++i) {  // guard: 3 min (a loaded sanitizer build's engine lags)
            QTest::qWait(500);
            after = vigilctl({"approvals", "show", id, "--db", db});
            if (after.out.contains(QStringLiteral("state:       executed"))) break;
        }
        QVERIFY2(after.out.contains(QStringLiteral("state:       executed (2 of 2 approvals)")), qPrintable(after.out));

        run.terminate();  // SIGTERM: it stops with a summary
        QVERIFY(run.waitForFinished(60000));
        out += QString::fromUtf8(run.readAllStandardOutput());
        QCOMPARE(run.exitCode(), 0);
        const auto s = QRegularExpression(QStringLiteral(
                           "remediation: (\\d+) actions taken, (\\d+) awaiting approval \\((\\d+) filed\\), (\\d+) approved and executed"))
                           .match(out);
        QVERIFY2(s.hasMatch(), qPrintable(out));
        QVERIFY2(s.captured(1).toInt() > 0, qPrintable(out));  // healed on its own
        QVERIFY2(s.captured(3).toInt() >= 1, qPrintable(out));
        QCOMPARE(s.captured(4).toInt(), 1);

        const Run verify = vigilctl({"audit", "verify", "--db", db});
        QVERIFY2(verify.code == 0, qPrintable(verify.out + verify.err));
        // The policy in force was audited when the run loaded it.
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit WHERE kind = 'policy.loaded'"), std::int64_t(1));

        // After the run: the actions as stored, the approved replacement among
        // them, and every escalation the run raised, listed.
        const Run acts = vigilctl({"actions", "--db", db});
        QCOMPARE(acts.code, 0);
        QVERIFY2(acts.out.contains(QRegularExpression(QStringLiteral("retry_tx\\s+agent:agent-\\d+\\s+executing"))), qPrintable(acts.out));
        const auto e = QRegularExpression(QStringLiteral("(\\d+) escalations\\n")).match(out);
        QVERIFY2(e.hasMatch(), qPrintable(out));
        const Run escs = vigilctl({"actions", "--escalations", "--db", db});
        QCOMPARE(escs.code, 0);
        QVERIFY2(escs.out.endsWith(e.captured(1) + (e.captured(1) == QLatin1String("1") ? " escalation\n" : " escalations\n")),
                 qPrintable(escs.out + out));
        QCOMPARE(vigilctl({"actions", "--db", dir.filePath(QStringLiteral("none.db"))}).code, 2);

        // Stored once: one "requested" decision per filed request (the gate's,
        // not also the planner's own record), and no action row without its request.
        const std::int64_t requests = count(db, "SELECT COUNT(*) FROM approval_requests");
        QCOMPARE(requests, static_cast<std::int64_t>(s.captured(3).toInt()));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM approvals WHERE decision = 'requested'"), requests);
        QCOMPARE(count(db, "SELECT COUNT(*) FROM actions WHERE status = 'awaiting_approval' AND id NOT IN "
                           "(SELECT action_id FROM approval_requests)"),
                 std::int64_t(0));
    }
    void actionsAreNotifiedToTheWebhook() {
        nettest::CannedServer receiver(nettest::httpReply(200, "{}"));
        QTemporaryDir dir;
        QFile shipped(QStringLiteral(VIGIL_SOURCE_DIR "/resources/policy.yaml"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QByteArray policy = shipped.readAll();
        const QByteArray off = "webhook: \"\"";
        QVERIFY(policy.contains(off));
        policy.replace(off, "webhook: \"" + QByteArray::fromStdString(receiver.url()) + "hook\"");
        const QString path = dir.filePath(QStringLiteral("policy.yaml"));
        QVERIFY(writeFile(path, policy));
        // Runs until the receiver has the payload of an action taken (guard: 3 min
        // of wall time, however slow the machine), then stops with its summary.
        const auto isFix = [](const std::string& req) {
            const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(req.substr(req.find("\r\n\r\n") + 4))).object();
            return o["alerts"].toArray().at(0).toObject()["labels"].toObject()["action_status"].toString() ==
                   QStringLiteral("executing");
        };
        QProcess run;
        run.start(vigilctlPath(), {"run", "--demo", "--scenario", "cascade", "--speed", "400", "--duration", "180", "--policy",
                                   path, "--db", dir.filePath(QStringLiteral("n.db"))});
        QVERIFY(run.waitForStarted());
        bool sawFix = false;
        for (int i = 0; i < 1800 && !sawFix && run.state() == QProcess::Running; ++i) {
            QTest::qWait(100);
            for (const std::string& req : receiver.requests()) sawFix = sawFix || isFix(req);
        }
        run.terminate();  // SIGTERM: it flushes the notifier and prints its summary
        QVERIFY(run.waitForFinished(120000));
        const QString out = QString::fromUtf8(run.readAllStandardOutput());
        QVERIFY2(run.exitCode() == 0, qPrintable(out + QString::fromUtf8(run.readAllStandardError())));
        QVERIFY2(sawFix, qPrintable(out));
        const auto m = QRegularExpression(QStringLiteral("notify: (\\d+) sent to http://127.0.0.1:\\d+/hook, 0 failed, 0 dropped")).match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY2(m.captured(1).toInt() > 0, qPrintable(out));
        const auto reqs = receiver.requests();
        QCOMPARE(int(reqs.size()), m.captured(1).toInt());
        for (const std::string& req : reqs) {
            QVERIFY2(req.rfind("POST /hook HTTP/1.1", 0) == 0, req.c_str());
            const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(req.substr(req.find("\r\n\r\n") + 4))).object();
            QCOMPARE(o["version"].toString(), QStringLiteral("4"));
            QCOMPARE(o["receiver"].toString(), QStringLiteral("vigil"));
            const QJsonObject alert = o["alerts"].toArray().at(0).toObject();
            QVERIFY(alert["annotations"].toObject()["description"].toString().contains(QStringLiteral("Action: ")));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliHealDemo)
#include "tst_cli_healdemo.moc"
