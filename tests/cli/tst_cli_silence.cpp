// `vigilctl silence` across processes: a running `vigilctl run --demo --scenario
// cascade` picks up a silence added from another process on the cascade's first
// fault target (the gas spike's chain): its anomalies are stored, no incident
// names it, while a second run without the silence (the control, at the same
// time) does open one on it. Adding and expiring are audited and listed with
// who did it; bad usage exits 2 naming the option, an already ended silence 1.
// Timeouts and waits are hang guards, not timing asserts.
#include "CliTestSupport.h"
#include "sim/Scenario.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace clitest;

namespace {

std::int64_t count(const QString& db, const std::string& sql) {
    auto d = vigil::store::Database::open(db.toStdString(), vigil::store::OpenMode::ReadOnly);
    if (!d) qFatal("%s", d.error().c_str());
    vigil::store::Statement st;
    std::string error;
    if (!st.prepare(d->handle(), sql, error) || st.step() != SQLITE_ROW) qFatal("%s: %s", sql.c_str(), error.c_str());
    return st.int64(0);
}

constexpr int kSeed = 1;

}  // namespace

class TestCliSilence : public QObject {
    Q_OBJECT
private slots:
    void badUsageNamesTheOption() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("u.db"));
        const QStringList base = {"silence", "add", "--db", db};
        struct Case {
            QStringList args;
            const char* says;
        };
        const Case cases[] = {
            {base + QStringList{"--target", "rpc:x", "--for", "2h", "--reason", "r"}, "--as USER is required"},
            {base + QStringList{"--for", "2h", "--reason", "r", "--as", "alice"}, "a target, a label or a kind"},
            {base + QStringList{"--target", "rpc:x", "--for", "2h", "--as", "alice"}, "--reason R is required"},
            {base + QStringList{"--target", "rpc:x", "--reason", "r", "--as", "alice"}, "either --for DURATION or --until ISO"},
            {base + QStringList{"--target", "rpc:x", "--for", "2x", "--reason", "r", "--as", "alice"}, "--for '2x'"},
            {base + QStringList{"--target", "rpc:x", "--until", "yesterday", "--reason", "r", "--as", "alice"}, "--until 'yesterday'"},
            {base + QStringList{"--target", "rpc:x", "--until", "2001-01-01T00:00:00Z", "--reason", "r", "--as", "alice"}, "not in the future"},
            {base + QStringList{"--kind", "meteor", "--for", "2h", "--reason", "r", "--as", "alice"}, "--kind 'meteor': unknown"},
            {base + QStringList{"--label", "detector", "--for", "2h", "--reason", "r", "--as", "alice"}, "expected key=value"},
            {{"silence", "list", "--db", dir.filePath(QStringLiteral("none.db"))}, "no such database file"},
            {{"silence", "expire", "x1", "--as", "bob", "--db", db}, "'x1' is not a silence ID"},
            {{"silence", "expire", "1", "--db", db}, "--as USER is required"},
            {{"silence", "list", "--target", "rpc:x", "--db", db}, "--target belongs to add"},
            {{"silence", "mute"}, "unknown sub-command 'mute'"},
        };
        for (const Case& c : cases) {
            const Run r = vigilctl(c.args);
            QVERIFY2(r.code == 2, qPrintable(c.args.join(' ') + " -> " + QString::number(r.code) + r.err));
            QVERIFY2(r.err.contains(QString::fromUtf8(c.says)), qPrintable(r.err));
            QCOMPARE(r.err.count('\n'), 1);  // one line
        }
        QVERIFY(!QFile::exists(db));  // refused before anything was written
    }

    void addListExpireAreAudited() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("a.db"));
        const Run add = vigilctl({"silence", "add", "--target", "rpc:eth-*", "--label", "detector=level.shift", "--for", "2h",
                                  "--reason", "provider maintenance", "--as", "alice", "--db", db});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        QVERIFY2(add.out.startsWith(QStringLiteral("silence 1: target=rpc:eth-*, detector=level.shift from ")), qPrintable(add.out));
        QVERIFY(vigilctl({"silence", "add", "--kind", "stuck-tx", "--from", "2030-01-01T00:00:00Z", "--until", "2030-01-02T00:00:00Z",
                          "--reason", "planned", "--as", "carol", "--db", db}).code == 0);

        Run list = vigilctl({"silence", "list", "--db", db});
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(QRegularExpression(QStringLiteral("\\n1\\s+active\\s+\\S+\\s+\\S+\\s+alice\\s+target=rpc:eth-\\*, "
                                                                     "detector=level.shift — provider maintenance\\n"))),
                 qPrintable(list.out));
        QVERIFY2(list.out.contains(QRegularExpression(QStringLiteral("\\n2\\s+pending\\s+2030-01-01T00:00:00Z\\s+2030-01-02T00:00:00Z\\s+carol"))),
                 qPrintable(list.out));

        const Run ex = vigilctl({"silence", "expire", "1", "--as", "bob", "--db", db});
        QVERIFY2(ex.code == 0, qPrintable(ex.err));
        QVERIFY2(ex.out.contains(QStringLiteral("silence 1 expired at ")) && ex.out.contains(QStringLiteral(" by bob")), qPrintable(ex.out));
        list = vigilctl({"silence", "list", "--db", db});
        QVERIFY2(!list.out.contains(QStringLiteral("\n1 ")), qPrintable(list.out));  // no longer in force
        list = vigilctl({"silence", "list", "--all", "--db", db});
        QVERIFY2(list.out.contains(QRegularExpression(QStringLiteral("\\n1\\s+expired\\s+.*alice \\(expired by bob\\)"))), qPrintable(list.out));

        const Run again = vigilctl({"silence", "expire", "1", "--as", "bob", "--db", db});
        QCOMPARE(again.code, 1);  // the checked thing: it had already ended
        QVERIFY2(again.err.contains(QStringLiteral("already ended")), qPrintable(again.err));
        QCOMPARE(vigilctl({"silence", "expire", "9", "--as", "bob", "--db", db}).code, 2);

        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit WHERE kind = 'silence.created'"), std::int64_t(2));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit WHERE kind = 'silence.expired' AND subject = 'silence:1' "
                           "AND body LIKE '%\"expired_by\":\"bob\"%'"),
                 std::int64_t(1));
        const Run verify = vigilctl({"audit", "verify", "--db", db});
        QVERIFY2(verify.code == 0, qPrintable(verify.out + verify.err));
    }

    void aRunningDemoOpensNoIncidentForASilencedTarget() {
        // The demo's plan for this seed: the cascade's first fault and when it starts.
        vigil::ScenarioSpec spec;
        spec.name = "cascade";
        spec.durationS = 3600;
        spec.repeat = true;
        const auto faults = vigil::planFaults(spec, kSeed, 0, 0);
        QVERIFY(!faults.empty());
        const vigil::FaultLabel first = faults.front();
        QVERIFY2(first.target.rfind("chain:", 0) == 0, first.target.c_str());
        // Fast enough to reach the fault soon, slow enough that the silence (added
        // after the run started, picked up within a second) comes well before it;
        // then four simulated minutes of the fault: detected, an incident in the control.
        // (The run's first line can sit in its stdout buffer for up to 5 s.)
        const double speed = std::clamp(double(first.start) / 1000.0 / 25.0, 1.0, 200.0);
        const double untilS = double(first.start + 150'000) / 1000.0 / speed + 3;

        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("quiet.db")), control = dir.filePath(QStringLiteral("control.db"));
        const QStringList demo = {"run", "--demo", "--scenario", "cascade", "--seed", QString::number(kSeed), "--speed",
                                  QString::number(speed, 'f', 2), "--duration", QString::number(untilS, 'f', 0)};
        QProcess run, plain;
        run.start(vigilctlPath(), demo + QStringList{"--db", db});
        plain.start(vigilctlPath(), demo + QStringList{"--db", control});
        QString out;
        QVERIFY2(waitForOutput(run, QStringLiteral("demo fleet"), out), qPrintable(out + run.readAllStandardError()));

        const Run add = vigilctl({"silence", "add", "--target", QString::fromStdString(first.target), "--for", "30d", "--reason",
                                  "gas oracle maintenance", "--as", "alice", "--db", db});
        QVERIFY2(add.code == 0, qPrintable(add.err));

        QVERIFY(run.waitForFinished(int(untilS * 1000) + 240000));
        QVERIFY(plain.waitForFinished(240000));
        out += QString::fromUtf8(run.readAllStandardOutput());
        QVERIFY2(run.exitCode() == 0, qPrintable(out + run.readAllStandardError()));
        const QString plainOut = QString::fromUtf8(plain.readAllStandardOutput());
        QVERIFY2(plain.exitCode() == 0, qPrintable(plainOut + plain.readAllStandardError()));

        const std::string t = "'" + first.target + "'";
        const std::string named = "SELECT COUNT(*) FROM incidents WHERE cause = " + t +
                                  " OR id IN (SELECT incident_id FROM incident_targets WHERE target = " + t + ")";
        // The control: without the silence the fault opens an incident naming it.
        QVERIFY2(count(control, named) > 0, qPrintable(plainOut));
        // Silenced: its anomalies stored, no incident names it.
        QVERIFY2(count(db, "SELECT COUNT(*) FROM anomalies WHERE target = " + t) > 0, qPrintable(out));
        const std::int64_t silencedFrom = count(db, "SELECT starts FROM silences WHERE id = 1");
        QVERIFY2(count(db, named) == 0,
                 qPrintable(QStringLiteral("an incident names %1; the silence started at %2, the first anomaly on it at %3")
                                .arg(QString::fromStdString(first.target))
                                .arg(silencedFrom)
                                .arg(count(db, "SELECT MIN(ts) FROM anomalies WHERE target = " + t))));
        const auto m = QRegularExpression(QStringLiteral("silenced: (\\d+) anomalies")).match(out);
        QVERIFY2(m.hasMatch() && m.captured(1).toInt() > 0, qPrintable(out));
        QVERIFY2(plainOut.contains(QStringLiteral("silenced: 0 anomalies")), qPrintable(plainOut));
        const Run verify = vigilctl({"audit", "verify", "--db", db});
        QVERIFY2(verify.code == 0, qPrintable(verify.out + verify.err));
    }
};

QTEST_GUILESS_MAIN(TestCliSilence)
#include "tst_cli_silence.moc"
