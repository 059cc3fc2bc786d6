// vigilctl automation across processes: a pause stored before a run holds from
// its first step (the planner suppresses with verdict "paused", nothing is
// executed), a resume from another process is taken into force by the running
// engine (audited as kill_switch.off) and healing goes on; bad calls exit 2
// and change nothing. Timeouts are hang guards; the pick-up delay is printed
// (docs/remediation.md), not asserted.
#include "CliTestSupport.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QElapsedTimer>
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

// Polls `sql` until it counts at least one row; false after `guardMs`.
bool waitFor(const QString& db, const char* sql, int guardMs = 60000) {
    for (int waited = 0; waited < guardMs; waited += 50) {
        if (count(db, sql) > 0) return true;
        QTest::qWait(50);
    }
    return false;
}

QString newDatabase(const QTemporaryDir& dir) {
    const QString db = dir.filePath(QStringLiteral("a.db"));
    auto d = vigil::store::Database::open(db.toStdString(), vigil::store::OpenMode::ReadWrite);
    if (!d) qFatal("%s", d.error().c_str());
    return db;
}
}  // namespace

class TestCliAutomation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(!vigilctlPath().isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)"); }

    void badCallsExitTwoAndChangeNothing() {
        QTemporaryDir dir;
        const QString db = newDatabase(dir);
        const QList<QStringList> bad = {
            {"automation"},
            {"automation", "stop", "--db", db, "--as", "alice"},
            {"automation", "pause", "--db", db},
            {"automation", "pause", "--db", db, "--as", "a b"},
            {"automation", "pause", "--db", db, "--as", ""},
            {"automation", "dry-run", "maybe", "--db", db, "--as", "alice"},
            {"automation", "dry-run", "--db", db, "--as", "alice"},
            {"automation", "resume", "now", "--db", db, "--as", "alice"},
            {"automation", "status", "--db", db, "--as", "alice"},
            {"automation", "pause", "--db", dir.filePath(QStringLiteral("none.db")), "--as", "alice"},
        };
        for (const QStringList& args : bad) {
            const Run r = vigilctl(args);
            QVERIFY2(r.code == 2, qPrintable(args.join(' ') + ": " + QString::number(r.code) + " " + r.out + r.err));
            QVERIFY2(r.err.startsWith(QStringLiteral("vigilctl: automation")) && r.err.count('\n') == 1, qPrintable(r.err));
        }
        const Run status = vigilctl({"automation", "status", "--db", db});
        QCOMPARE(status.code, 0);
        QVERIFY2(status.out.contains(QStringLiteral("automation: as the policy file says")), qPrintable(status.out));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit"), std::int64_t(0));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("none.db"))));
    }

    void aRunningEngineFollowsTheSwitch() {
        QTemporaryDir dir;
        const QString db = newDatabase(dir);
        const Run pause = vigilctl({"automation", "pause", "--db", db, "--as", "alice", "--reason", "deploy freeze"});
        QVERIFY2(pause.code == 0, qPrintable(pause.out + pause.err));
        QVERIFY2(pause.out.contains(QStringLiteral("automation: paused")), qPrintable(pause.out));

        QProcess run;
        run.setProcessChannelMode(QProcess::MergedChannels);
        run.start(vigilctlPath(), {"run", "--demo", "--scenario", "cascade", "--speed", "400", "--db", db});
        QString out;
        QVERIFY2(waitForOutput(run, QStringLiteral("automation paused (by alice: deploy freeze)"), out), qPrintable(out));
        // Faults come and the planner holds back: suppressed as paused, nothing executed.
        QVERIFY2(waitFor(db, "SELECT COUNT(*) FROM actions WHERE params LIKE '%\"verdict\":\"paused\"%'"), qPrintable(out));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM actions WHERE status = 'executing'"), std::int64_t(0));

        // Another process resumes; the running engine takes it into force and heals.
        const Run resume = vigilctl({"automation", "resume", "--db", db, "--as", "bob"});
        QVERIFY2(resume.code == 0, qPrintable(resume.out + resume.err));
        QElapsedTimer picked;
        picked.start();
        QVERIFY2(waitFor(db, "SELECT COUNT(*) FROM audit WHERE kind = 'kill_switch.off'", 20000), qPrintable(out));
        qInfo("automation resume taken into force by the running engine after %lld ms", static_cast<long long>(picked.elapsed()));
        QVERIFY2(waitFor(db, "SELECT COUNT(*) FROM actions WHERE status = 'executing'"), qPrintable(out));

        run.terminate();
        QVERIFY(run.waitForFinished(60000));
        out += QString::fromUtf8(run.readAllStandardOutput());
        QVERIFY2(run.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("automation running (by bob)")), qPrintable(out));
        const Run verify = vigilctl({"audit", "verify", "--db", db});
        QVERIFY2(verify.code == 0, qPrintable(verify.out + verify.err));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit WHERE kind = 'automation.pause' AND body LIKE '%\"by\":\"alice\"%'"
                           " AND body LIKE '%deploy freeze%'"),
                 std::int64_t(1));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit WHERE kind = 'automation.resume'"), std::int64_t(1));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit WHERE kind = 'kill_switch.on'"), std::int64_t(1));
        const Run status = vigilctl({"automation", "status", "--db", db});
        QVERIFY2(status.out.contains(QStringLiteral("automation: running")) && status.out.contains(QStringLiteral("by bob")),
                 qPrintable(status.out));
    }
};

QTEST_MAIN(TestCliAutomation)
#include "tst_cli_automation.moc"
