// A running `vigilctl run --demo` follows the learned model of its database:
// it says the model in force at start (nothing learned yet), picks up a model
// `vigilctl learn import` writes from another process within a poll, and a
// `learn revert` takes it back out (issue #12). The engine-side effect of the
// cuts and orders is in common/tst_learnedmodelfollow. Process timeouts are
// hang guards, not timing assertions.
#include "CliTestSupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>
#include <csignal>

using namespace clitest;

class TestCliRunLearned : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() { CLITEST_REQUIRE_VIGILCTL(dir_); }

    void aRunningEngineFollowsLearnImportAndRevert() {
        const QString db = dir_.filePath(QStringLiteral("run.db"));
        const QString model = dir_.filePath(QStringLiteral("model.json"));
        QVERIFY(writeFile(model,
                          "{\"format\": \"vigil-learned-model\", \"version\": 1, \"series_cuts\": "
                          "[{\"series\": \"net.latency_ms\", \"target\": \"host:batch-1\", \"cut\": 0.9, "
                          "\"reason\": \"nightly backup\"}]}"));
        QProcess p;
        p.start(vigilctlPath(), {"run", "--demo", "--speed", "10", "--db", db});
        QString out;
        QVERIFY2(waitForOutput(p, QStringLiteral("learned model in force: 0 series cuts, 0 playbook orders"), out),
                 qPrintable(out));

        auto r = vigilctl({"learn", "import", model, "--as", "carol", "--db", db});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY2(waitForOutput(p, QStringLiteral("learned model in force: 1 series cut, 0 playbook orders"), out),
                 qPrintable(out));

        r = vigilctl({"learn", "revert", "1", "--as", "bob", "--db", db});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        out.clear();
        QVERIFY2(waitForOutput(p, QStringLiteral("learned model in force: 0 series cuts"), out), qPrintable(out));

        QVERIFY(::kill(pid_t(p.processId()), SIGTERM) == 0);
        QVERIFY2(p.waitForFinished(120000), "run --demo did not stop on SIGTERM");
        QCOMPARE(p.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliRunLearned)
#include "tst_cli_runlearned.moc"
