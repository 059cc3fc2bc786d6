// vigilctl run --demo: speed and duration are validated (the option named in
// the error), a flat-out speed still stops on time, SIGTERM/SIGINT end it with a
// summary (issue #7 item 5). The console and vigilctl share one default database
// and one engine lock, so a second engine on it is refused naming the first
// (items 6, 10). Process timeouts are hang guards, not timing assertions.
#include "CliTestSupport.h"

#include "store/EngineLock.h"

#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace clitest;

class TestCliRunDemo : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() { CLITEST_REQUIRE_VIGILCTL(dir_); }

    void badSpeedOrDurationIsAUsageErrorNamingIt_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        for (const char* v : {"nan", "inf", "-inf", "1e-18", "0", "-1", "1e7", "fast"})
            QTest::newRow(qPrintable(QStringLiteral("speed %1").arg(QLatin1String(v)))) << "--speed" << QString::fromLatin1(v);
        for (const char* v : {"1e20", "nan", "inf", "0", "-5", "soon"})
            QTest::newRow(qPrintable(QStringLiteral("duration %1").arg(QLatin1String(v)))) << "--duration" << QString::fromLatin1(v);
    }
    void badSpeedOrDurationIsAUsageErrorNamingIt() {
        QFETCH(QString, option);
        QFETCH(QString, value);
        const QString db = dir_.filePath(QStringLiteral("never.db"));
        const auto r = vigilctl({"run", "--demo", option, value, "--db", db}, 30000);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("vigilctl: run: ") + option + QStringLiteral(" '") + value + "'"),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(db));  // refused before anything is created
    }

    // Used to run forever at 3.4 GB: one simulator step of hours per batch.
    void flatOutSpeedStopsOnTimeWithASummary() {
        const QString db = dir_.filePath(QStringLiteral("fast.db"));
        const auto r = vigilctl({"run", "--demo", "--speed", "1e6", "--duration", "2", "--db", db}, 120000);
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains(QStringLiteral("(duration reached)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("stored ")), qPrintable(r.out));
        // What the correlator kept out of its incidents is reported, not dropped in silence.
        static const QRegularExpression notEvidence(QStringLiteral(
            "not evidence: \\d+ anomalies below their learned cut, \\d+ Vigil's own action taking effect\n"));
        QVERIFY2(notEvidence.match(r.out).hasMatch(), qPrintable(r.out));
        // The engine's judgement of the fleet: the demo's twelve agents, and the
        // workers healing added to overloaded pools, counted by health.
        static const QRegularExpression health(
            QStringLiteral("incidents=\\d+, agents: (\\d+) healthy, (\\d+) degraded, (\\d+) failing, (\\d+) silent, "
                           "(\\d+) retired\\n"));
        const auto m = health.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        int agents = 0;
        for (int i = 1; i <= 5; ++i) agents += m.captured(i).toInt();
        const int reporting = agents - m.captured(4).toInt() - m.captured(5).toInt();
        const auto healed = QRegularExpression(QStringLiteral("remediation: (\\d+) actions taken")).match(r.out);
        QVERIFY2(healed.hasMatch(), qPrintable(r.out));
        // Pools grow within max_replicas; workers retired by a scale-down say so and
        // are listed as retired, so only the reporting ones are bounded (how many
        // scale cycles fit in 2 s depends on the machine).
        QVERIFY2(agents >= 12 && reporting >= 1 && reporting <= 12 + 3 * 16, qPrintable(r.out));
    }

    void signalEndsItWithASummary_data() {
        QTest::addColumn<int>("sig");
        QTest::addColumn<QString>("name");
        QTest::newRow("SIGTERM") << int(SIGTERM) << "SIGTERM";
        QTest::newRow("SIGINT") << int(SIGINT) << "SIGINT";
    }
    void signalEndsItWithASummary() {
        QFETCH(int, sig);
        QFETCH(QString, name);
        QProcess p;
        p.start(vigilctlPath(), {"run", "--demo", "--speed", "1e6", "--db", dir_.filePath(name + ".db")});
        QString out;
        QVERIFY2(waitForOutput(p, QStringLiteral("demo fleet"), out), qPrintable(out));
        QTest::qWait(1000);  // let it get going at full speed
        QVERIFY(::kill(pid_t(p.processId()), sig) == 0);
        QVERIFY2(p.waitForFinished(120000), "run --demo did not stop on the signal");
        out += QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains(QStringLiteral("stopped after ")) && out.contains(QStringLiteral("(%1)").arg(name)),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("stored ")), qPrintable(out));
    }

    // vigilctl and the console resolve the same default database
    // ($XDG_DATA_HOME/vigil/vigil.db): while this test holds its engine lock,
    // both refuse to record, naming this process.
    void consoleAndVigilctlShareTheDefaultDatabase() {
        const QString xdg = dir_.filePath(QStringLiteral("xdg"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), xdg);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const QString expected = xdg + QStringLiteral("/vigil/vigil.db");

        QProcess ctl;
        ctl.setProcessEnvironment(env);
        ctl.start(vigilctlPath(), {"run", "--demo", "--speed", "10", "--duration", "1"});
        QVERIFY(ctl.waitForFinished(120000));
        QCOMPARE(ctl.exitCode(), 0);
        QVERIFY2(QString::fromUtf8(ctl.readAllStandardOutput()).contains(expected), qPrintable(expected));
        QVERIFY(QFileInfo::exists(expected));

        auto lock = vigil::store::EngineLock::acquire(expected.toStdString());
        QVERIFY2(lock.ok(), lock.error().c_str());
        const QString refused = expected + QStringLiteral(": another engine is recording into this database: pid ") +
                                QString::number(::getpid());

        ctl.start(vigilctlPath(), {"run", "--demo", "--duration", "1"});
        QVERIFY(ctl.waitForFinished(120000));
        QCOMPARE(ctl.exitCode(), 2);
        const QString ctlErr = QString::fromUtf8(ctl.readAllStandardError());
        QVERIFY2(ctlErr.contains(refused), qPrintable(ctlErr));

        const QString vigilPath = QString::fromLocal8Bit(qgetenv("VIGIL"));
        QVERIFY2(!vigilPath.isEmpty(), "VIGIL must point at the built console (set by CTest)");
        QProcess console;
        console.setProcessEnvironment(env);
        console.start(vigilPath, {});
        // The console prints the reason, then shows it in a dialog that waits
        // for a click: read stderr, then end it.
        QString err;
        for (int waited = 0; waited < 60000 && !err.contains(refused) && console.state() != QProcess::NotRunning;
             waited += 100) {
            console.waitForReadyRead(100);
            err += QString::fromUtf8(console.readAllStandardError());
        }
        err += QString::fromUtf8(console.readAllStandardError());
        console.kill();
        console.waitForFinished();
        QVERIFY2(err.contains(refused), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCliRunDemo)
#include "tst_cli_rundemo.moc"
