// `vigilctl evaluate --heal` end to end: the closed loop on the demo fleet acts
// on a fault (and the fleet recovers sooner than without Vigil), takes no action
// in calm, is byte-for-byte repeatable, leaves a rollback to people, and refuses
// a bad policy (or --policy without --heal) with exit 2.
#include "CliTestSupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace clitest;

class TestCliHeal : public QObject {
    Q_OBJECT
private slots:
    void healsAnRpcOutageFasterThanTheFleetAlone() {
        const Run r = vigilctl({"evaluate", "--heal", "--scenario", "rpc-outage", "--duration", "1800"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains("executing failover_rpc rpc:"), qPrintable(r.out));
        QVERIFY2(r.out.contains("-> ok: agents on rpc:"), qPrintable(r.out));
        // The fix's outcome reached the correlator: the incident became mitigated by it.
        QVERIFY2(r.out.contains("incidents mitigated by an action: 1"), qPrintable(r.out));
        // "median time to recover  A s with Vigil, B s without": A < B.
        const auto m = QRegularExpression(QStringLiteral("median time to recover\\s+(\\d+) s with Vigil, (\\d+) s without")).match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY2(m.captured(1).toInt() < m.captured(2).toInt(), qPrintable(r.out));
        // Deterministic: the same run prints the same report.
        const Run again = vigilctl({"evaluate", "--heal", "--scenario", "rpc-outage", "--duration", "1800"});
        QCOMPARE(again.out, r.out);
    }

    void calmTakesNoAction() {
        const Run r = vigilctl({"evaluate", "--heal", "--scenario", "calm", "--calm-duration", "7200"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains("calm: actions taken 0"), qPrintable(r.out));
        QVERIFY2(r.out.contains("closed loop with policy <shipped policy.yaml>"), qPrintable(r.out));
    }

    void anApprovalActionWaitsAndIsCounted() {
        const Run r = vigilctl({"evaluate", "--heal", "--scenario", "failed-tx-burst", "--duration", "1800"});
        QVERIFY2(r.out.contains("awaiting_approval rollback_workflow agent:"), qPrintable(r.out));
        QVERIFY2(!r.out.contains("executing rollback_workflow"), qPrintable(r.out));
    }

    void badPolicyIsAUsageError() {
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.yaml");
        QVERIFY(writeFile(path, "version: 1\napproval_limit: 1\ntwo_person_limit: 10\ncooldown: soon\n"));
        const Run r = vigilctl({"evaluate", "--heal", "--scenario", "rpc-outage", "--policy", path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("bad.yaml:4"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        const Run j = vigilctl({"evaluate", "--heal", "--scenario", "rpc-outage", "--json", dir.filePath("x.json")});
        QCOMPARE(j.code, 2);
        QVERIFY2(j.err.contains("--json does not apply to --heal"), qPrintable(j.err));
        const Run q = vigilctl({"evaluate", "--scenario", "rpc-outage", "--policy", path});
        QCOMPARE(q.code, 2);
        QVERIFY2(q.err.contains("--policy needs --heal"), qPrintable(q.err));
    }
};

QTEST_GUILESS_MAIN(TestCliHeal)
#include "tst_cli_heal.moc"
