// `vigilctl feedback` and `vigilctl learn` on a database holding three incidents
// on a noisy series: feedback is stored and audited; learn update raises that
// series' cut by one step per false alarm; list shows it with its reason;
// revert takes it back (and refuses twice); export then import brings it back
// in force; bad calls and a bad model file exit 2 naming the field; the audit
// log still verifies.
#include "CliTestSupport.h"

#include "store/StoreWriter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using clitest::vigilctl;

class TestCliLearn : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString db_;

    clitest::Run run(QStringList args) { return vigilctl(args << QStringLiteral("--db") << db_, 60'000); }

private slots:
    void initTestCase() {
        QVERIFY2(!clitest::vigilctlPath().isEmpty(), "VIGILCTL is set by CTest");
        db_ = dir_.filePath(QStringLiteral("vigil.db"));
        auto w = store::StoreWriter::open(db_.toStdString());
        QVERIFY2(w, w ? "" : w.error().c_str());
        std::vector<Record> batch;
        for (int i = 0; i < 3; ++i) {
            const TimestampMs t = 1'767'225'600'000 + i * 3'600'000LL;
            Anomaly a;
            a.ts = t;
            a.id = "an-" + std::to_string(i);
            a.detector = "level.shift";
            a.series = "net.latency_ms";
            a.target = "host:batch-1";
            a.score = 0.82;
            batch.push_back(a);
            Incident inc;
            inc.ts = t;
            inc.id = "inc-" + std::to_string(i);
            inc.opened = t;
            inc.targets = {"host:batch-1"};
            inc.cause = "host:batch-1";
            inc.narrative = "net.latency_ms on host:batch-1 shifted";
            batch.push_back(inc);
        }
        QVERIFY(w.value()->append(std::move(batch)));
        w.value()->close();
    }

    void feedbackIsStoredAndLearnedFrom() {
        for (const char* id : {"inc-0", "inc-1", "inc-2"}) {
            const auto r = run({"feedback", id, "--false-alarm", "--as", "alice", "--comment", "nightly backup"});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.contains("false_alarm by alice (audited)"), qPrintable(r.out));
        }
        auto r = run({"learn", "update"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("3 false alarms confirmed on net.latency_ms on host:batch-1 in ") &&
                     r.out.contains("score cut 0.000 -> 0.900") && r.out.contains("1 new change (audited)"),
                 qPrintable(r.out));
        r = run({"learn", "update"});  // nothing new
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("nothing new to learn"), qPrintable(r.out));
        r = run({"learn", "list"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("in force") && r.out.contains("cut 0.000 -> 0.900"), qPrintable(r.out));
        QVERIFY(r.out.contains("1 change, 1 in force"));
    }

    void revertExportImport() {
        const QString model = dir_.filePath(QStringLiteral("model.json"));
        QCOMPARE(run({"learn", "export", model}).code, 0);
        QVERIFY(clitest::readFile(model).contains("\"cut\": 0.9"));
        auto r = run({"learn", "revert", "1", "--as", "bob"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("change 1 reverted"), qPrintable(r.out));
        r = run({"learn", "revert", "1", "--as", "bob"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("already reverted by bob"), qPrintable(r.err));
        r = run({"learn", "list"});
        QVERIFY2(r.out.contains("1 change, 0 in force") && r.out.contains("reverted by bob"), qPrintable(r.out));
        QVERIFY(run({"learn", "update"}).out.contains("nothing new to learn"));  // a revert sticks

        r = run({"learn", "import", model, "--as", "carol"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("imported 1 change"), qPrintable(r.out));
        QVERIFY(run({"learn", "list"}).out.contains("2 changes, 1 in force"));
    }

    void badCallsExit2NamingWhat() {
        const QString bad = dir_.filePath(QStringLiteral("bad.json"));
        QVERIFY(clitest::writeFile(bad, "{\"format\": \"vigil-learned-model\", \"version\": 1, \"series_cuts\": "
                                        "[{\"series\": \"a\", \"target\": \"b\", \"cut\": 1.5}]}"));
        const struct {
            QStringList args;
            const char* error;
        } cases[] = {
            {{"feedback", "inc-404", "--real", "--as", "alice"}, "no incident 'inc-404'"},
            {{"feedback", "inc-0", "--real"}, "--as USER is required"},
            {{"feedback", "inc-0", "--real", "--false-alarm", "--as", "alice"}, "exactly one of"},
            {{"learn", "revert", "7", "--as", "bob"}, "no learned change 7"},
            {{"learn", "revert", "1"}, "--as USER is required"},
            {{"learn", "import", bad, "--as", "bob"}, "bad.json: series_cuts[0].cut: must be a number in (0, 0.950]"},
            {{"learn", "frobnicate"}, "unknown subcommand 'frobnicate'"},
        };
        for (const auto& c : cases) {
            const auto r = run(c.args);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QString::fromLatin1(c.error)), qPrintable(c.args.join(' ') + ": " + r.err));
        }
        QVERIFY(run({"learn", "list"}).out.contains("2 changes, 1 in force"));  // nothing changed
        const struct {
            QStringList args;
            const char* error;
        } evaluate[] = {
            {{"evaluate", "--learn", "--heal"}, "give --heal or --learn, not both"},
            {{"evaluate", "--cycles", "2"}, "--cycles needs --learn"},
            {{"evaluate", "--learn", "--json", "x.json"}, "--json does not apply to --learn"},
        };
        for (const auto& c : evaluate) {
            const auto r = vigilctl(c.args, 60'000);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QString::fromLatin1(c.error)), qPrintable(c.args.join(' ') + ": " + r.err));
        }
    }

    void auditLogVerifies() {
        const auto r = vigilctl({"audit", "verify", "--db", db_});
        QCOMPARE(r.code, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliLearn)
#include "tst_cli_learn.moc"
