// `vigil --replay LOG`: a recording that cannot be opened is refused before any
// window, exit code 2 and a one-line reason naming the file; --replay excludes
// the live options. (The replay window itself: tests/ui/tst_replaywindow.cpp.)
#include <QProcess>
#include <QTest>

class TestCliReplayConsole : public QObject {
    Q_OBJECT

    struct Result {
        int code;
        QString err;
    };
    static Result vigil(const QStringList& args) {
        QProcess p;
        p.start(QString::fromLocal8Bit(qgetenv("VIGIL")), args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {-1, QStringLiteral("timed out")};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariableIsEmpty("VIGIL"), "VIGIL is set by CTest"); }

    void unreadableRecordingExitsTwoNamingIt() {
        const auto r = vigil({QStringLiteral("--replay"), QStringLiteral("/nonexistent/rec.ndjson.gz")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("vigil: --replay: /nonexistent/rec.ndjson.gz: cannot open")), qPrintable(r.err));
    }

    void replayExcludesLiveSources() {
        const auto r = vigil({QStringLiteral("--replay"), QStringLiteral("x.ndjson"), QStringLiteral("--config"),
                              QStringLiteral("c.yaml")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--replay and --config exclude each other")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReplayConsole)
#include "tst_cli_replayconsole.moc"
