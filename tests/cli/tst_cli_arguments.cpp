// Every vigilctl command reads its arguments one way (parseArguments): --help is
// exit 0 with the usage on stdout, an unknown option is exit 2 with one line
// "vigilctl: COMMAND: ..." on stderr, before anything runs.
#include "CliTestSupport.h"

#include <QtTest>

using namespace clitest;

class TestCliArguments : public QObject {
    Q_OBJECT
private slots:
    void helpAndBadOptions_data() {
        QTest::addColumn<QString>("command");
        for (const char* c : {"simulate", "replay", "run", "evaluate", "nab", "nab-score", "logparse", "logbench",
                              "policy", "approvals", "audit", "actions", "feedback", "learn"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }
    void helpAndBadOptions() {
        QFETCH(QString, command);
        const auto help = vigilctl({command, "--help"}, 60000);
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--help")), qPrintable(help.out));
        QVERIFY2(help.err.isEmpty(), qPrintable(help.err));

        const auto bad = vigilctl({command, "--no-such-option"}, 60000);
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.startsWith(QStringLiteral("vigilctl: ") + command + QStringLiteral(": ")),
                 qPrintable(bad.err));
        QVERIFY2(bad.err.contains(QStringLiteral("no-such-option")), qPrintable(bad.err));
        QCOMPARE(bad.err.count(QLatin1Char('\n')), 1);  // one line
        QVERIFY2(bad.out.isEmpty(), qPrintable(bad.out));
    }

    // bench ingest's values are checked before any socket or thread exists.
    void benchRefusesBadValues_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("queue 0") << QStringList{"bench", "ingest", "--queue", "0"} << QStringLiteral("--queue must be 1..4096");
        QTest::newRow("queue text") << QStringList{"bench", "ingest", "--queue", "many"} << QStringLiteral("--queue must be 1..4096");
        QTest::newRow("stages") << QStringList{"bench", "ingest", "--stages", "all"} << QStringLiteral("--stages must be default or none");
    }
    void benchRefusesBadValues() {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const auto r = vigilctl(args, 60000);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliArguments)
#include "tst_cli_arguments.moc"
