// `vigilctl approvals` against a database an "engine" (a gate on its own
// connection, open for the whole test) is using: list and show the evidence,
// two people approve in separate processes and the engine sees it at once
// (WAL); self-approval and late approvals are refused (exit 1); unknown ids,
// a missing --as and malformed calls exit 2 and change nothing (issue #9, test 7).
#include "approve/ApprovalGate.h"
#include "approve/CanonicalJson.h"
#include "approve/ExecutionContent.h"
#include "store/Statement.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::approve;

class TestCliApprovals : public QObject {
    Q_OBJECT

    struct Result {
        int exitCode = -1;
        QByteArray out, err;
    };

    QTemporaryDir dir_;
    QString dbPath_;
    store::Database db_;  // the engine's connection
    VirtualClock clock_;
    std::unique_ptr<ApprovalGate> engine_;
    TransferDryRun tx_;
    std::string big_, small_, stale_;

    Result run(QStringList args, bool withDb = true) {
        if (withDb) args = QStringList{args.value(0), "--db", dbPath_} + args.mid(1);
        QProcess p;
        p.start(QString::fromLocal8Bit(qgetenv("VIGILCTL")), args);
        if (!p.waitForFinished(60'000)) return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }

    // Every decision row and request state: a refused or malformed call must leave it equal.
    std::string snapshot() {
        store::Statement st;
        std::string err, out;
        st.prepare(db_.handle(),
                   "SELECT (SELECT group_concat(seq || decision || approver, ',') FROM approvals) || '|' || "
                   "(SELECT group_concat(id || state, ',') FROM approval_requests)",
                   err);
        if (st.step() == SQLITE_ROW) out = st.text(0);
        return out;
    }

    std::string request(const std::string& action, remedy::Wei value, int approvers) {
        NewApprovalRequest r;
        r.actionId = action;
        r.actionKind = "transfer";
        r.target = "agent:agent-04";
        r.incidentId = "inc-9";
        r.narrative = "agent-04 wallet below floor after a burst of claims";
        r.metricWindow = "{\"series\":\"wallet.balance_eth\",\"points\":[[0,0.5],[60000,0.05]]}";
        tx_.value = value;
        r.content = transferContent(tx_);
        r.rule = "transfer-limits";
        r.requester = "vigil";
        r.value = value;
        r.approversNeeded = approvers;
        ApprovalRequest out;
        const GateStatus s = engine_->request(r, out);
        if (!s) qFatal("%s", s.message.c_str());
        return out.id;
    }

private slots:
    void initTestCase() {
        QVERIFY2(!qgetenv("VIGILCTL").isEmpty(), "VIGILCTL is set by CTest");
        dbPath_ = dir_.filePath("vigil.db");
        auto db = store::Database::open(dbPath_.toStdString(), store::OpenMode::ReadWrite);
        QVERIFY2(db.ok(), db.error().c_str());
        db_ = std::move(db.value());
        engine_ = std::make_unique<ApprovalGate>(db_, clock_);
        tx_.chain = "ethereum";
        tx_.from = "0x00000000000000000000000000000000000000a0";
        tx_.to = "0x00000000000000000000000000000000000000b0";
        tx_.maxFeePerGas = 30'000'000'000ULL;
        tx_.nonce = 4;
        // vigilctl decides in wall-clock time; one request was made 20 min ago.
        const TimestampMs now = QDateTime::currentMSecsSinceEpoch();
        clock_.set(now - 20 * 60'000);
        stale_ = request("act-stale", 2 * remedy::kWeiPerEth, 1);
        clock_.set(now);
        big_ = request("act-big", 12 * remedy::kWeiPerEth, 2);
        small_ = request("act-small", 2 * remedy::kWeiPerEth, 1);
    }

    void listAndShowTheEvidence() {
        const Result list = run({"approvals", "list"});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.startsWith("ID "));
        QVERIFY(list.out.contains(QByteArray::fromStdString(big_)) && list.out.contains(QByteArray::fromStdString(small_)));
        QVERIFY2(list.out.contains("pending, expired"), list.out.constData());  // the stale one, not yet swept
        QVERIFY(list.out.contains("12"));
        const Result show = run({"approvals", "show", QString::fromStdString(big_)});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("state:       pending (0 of 2 approvals)"));
        QVERIFY(show.out.contains("narrative:   agent-04 wallet below floor after a burst of claims"));
        QVERIFY(show.out.contains("\"value_wei\":\"12000000000000000000\""));
        TransferDryRun bigTx = tx_;
        bigTx.value = 12 * remedy::kWeiPerEth;
        QVERIFY(show.out.contains("sha256:      " + QByteArray::fromStdString(sha256Hex(transferContent(bigTx)))));
        QVERIFY(show.out.contains("\"points\":[[0,0.5],[60000,0.05]]"));
    }

    void malformedCallsChangeNothing() {
        const std::string before = snapshot();
        const QString big = QString::fromStdString(big_);
        struct Case {
            QStringList args;
            bool withDb;
            const char* words;
        };
        const QList<Case> cases{
            {{"approvals", "approve", big}, true, "--as USER is required"},
            {{"approvals", "approve", "apr-0000000000", "--as", "alice"}, true, "no approval request 'apr-0000000000'"},
            {{"approvals", "reject", "nope", "--as", "alice"}, true, "no approval request 'nope'"},
            {{"approvals", "show", "nope"}, true, "no approval request 'nope'"},
            {{"approvals", "approve", "--as", "alice"}, true, "expected exactly one request ID"},
            {{"approvals", "approve", big, big, "--as", "alice"}, true, "expected exactly one request ID"},
            {{"approvals", "approve", big, "--as", ""}, true, "is not an identity"},
            {{"approvals", "approve", big, "--as", "alice smith"}, true, "is not an identity"},
            {{"approvals", "approve", big, "--as"}, true, "Missing value after '--as'"},
            {{"approvals", "list", "--as", "alice"}, true, "--as and --comment belong to approve and reject"},
            {{"approvals", "frobnicate"}, true, "unknown sub-command 'frobnicate'"},
            {{"approvals"}, true, "expected list, show, approve or reject"},
            {{"approvals", "approve", big, "--as", "alice", "--db", dir_.filePath("missing.db")}, false, "no such database file"},
        };
        for (const Case& c : cases) {
            const Result r = run(c.args, c.withDb);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(c.words), r.err.constData());
            QVERIFY(r.out.isEmpty());
        }
        QCOMPARE(snapshot(), before);
        QVERIFY(!QFile::exists(dir_.filePath("missing.db")));
    }

    void selfApprovalAndLateApprovalAreRefused() {
        const std::string before = snapshot();
        const Result self = run({"approvals", "approve", QString::fromStdString(small_), "--as", "Vigil"});
        QCOMPARE(self.exitCode, 1);
        QVERIFY2(self.err.contains("vigil requested this action and cannot approve it"), self.err.constData());
        QCOMPARE(snapshot(), before);
        const Result late = run({"approvals", "approve", QString::fromStdString(stale_), "--as", "alice"});
        QCOMPARE(late.exitCode, 1);
        QVERIFY2(late.err.contains("expired at"), late.err.constData());
        ApprovalRequest r;
        QVERIFY(static_cast<bool>(engine_->find(stale_, r)));
        QCOMPARE(toString(r.state), std::string_view("expired"));  // the late call recorded the expiry, nothing else
    }

    void twoPeopleInOtherProcessesApproveAndTheEngineSeesIt() {
        const QString big = QString::fromStdString(big_);
        const Result first = run({"approvals", "approve", big, "--as", "alice", "--comment", "checked the treasury"});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("approved by alice (1 of 2 approvals): waiting for another person"), first.out.constData());
        tx_.value = 12 * remedy::kWeiPerEth;
        const GateStatus early = engine_->authorize(big_, transferContent(tx_));
        QCOMPARE(int(early.code), int(GateCode::Refused));
        const Result again = run({"approvals", "approve", big, "--as", "ALICE"});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("alice already approved it"));
        const Result second = run({"approvals", "approve", big, "--as", "bob", "--comment", "ok"});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains("approved by bob: may execute transfer on agent:agent-04"), second.out.constData());
        QVERIFY(static_cast<bool>(engine_->authorize(big_, transferContent(tx_))));
        const Result shown = run({"approvals", "show", big});
        QVERIFY(shown.out.contains("state:       executed (2 of 2 approvals)"));
        QVERIFY(shown.out.contains("decision:    approved by alice at "));
        QVERIFY(shown.out.contains(": checked the treasury"));
    }

    void rejectWithComment() {
        const Result r = run({"approvals", "reject", QString::fromStdString(small_), "--as", "carol", "--comment", "not our address"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("rejected by carol: will not execute"), r.out.constData());
        ApprovalRequest req;
        QVERIFY(static_cast<bool>(engine_->find(small_, req)));
        QCOMPARE(toString(req.state), std::string_view("rejected"));
        QCOMPARE(req.votes.back().comment, std::string("not our address"));
        const Result list = run({"approvals", "list"});
        QVERIFY(list.out.contains("(no approval requests)"));
        const Result all = run({"approvals", "list", "--all"});
        QCOMPARE(all.out.count('\n'), 4);  // header + 3 requests
    }

    // Decisions made with vigilctl are in the audit log, and the log verifies.
    void decisionsAreAudited() {
        store::Statement st;
        std::string err;
        QVERIFY(st.prepare(db_.handle(), "SELECT group_concat(kind || ':' || subject, ',') FROM audit", err));
        QCOMPARE(st.step(), SQLITE_ROW);
        const QString entries = QString::fromStdString(st.text(0));
        QVERIFY2(entries.contains("rejection:"), qPrintable(entries));  // carol's, above
        QVERIFY2(entries.contains("approval:"), qPrintable(entries));   // the two-person approvals
        const Result verify = run({"audit", "verify"});
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliApprovals)
#include "tst_cli_approvals.moc"
