// vigilctl replay --compare end to end: one cascade recording replayed under the
// shipped policy (A) and under the same policy with the kill switch on (B) finds
// the same incidents and every automatic action taken in A suppressed in B; with
// the event detectors switched off in B, A's incidents are only in A. The JSON
// diff and report parse and are byte-identical run to run; bad input exits 2.
#include "CliTestSupport.h"
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using clitest::vigilctl;

class TestCliWhatIf : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_, killSwitch_;

    static QJsonObject parse(const QByteArray& bytes) {
        QJsonParseError e;
        const auto doc = QJsonDocument::fromJson(bytes, &e);
        return e.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
    }

private slots:
    void initTestCase() {
        QVERIFY2(!clitest::vigilctlPath().isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
        log_ = dir_.filePath(QStringLiteral("c.ndjson"));
        auto r = vigilctl({"simulate", "--scenario", "cascade", "--duration", "900", "--seed", "7", "--out", log_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QByteArray policy = clitest::readFile(QStringLiteral(VIGIL_SOURCE_DIR "/resources/policy.yaml"));
        QVERIFY(policy.contains("kill_switch: false"));
        policy.replace("kill_switch: false", "kill_switch: true ");
        killSwitch_ = dir_.filePath(QStringLiteral("paused.yaml"));
        QVERIFY(clitest::writeFile(killSwitch_, policy));
    }

    void killSwitchSuppressesWhatAWouldTake() {
        const auto r = vigilctl({"replay", log_, "--compare", killSwitch_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("what-if: A = shipped policy, B = paused.yaml")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("0 only in A, 0 only in B")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("status executing -> suppressed")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("B: kill switch is on")), qPrintable(r.out));

        const auto j = vigilctl({"replay", log_, "--compare", killSwitch_, "--json"});
        QCOMPARE(j.code, 0);
        const QJsonObject d = parse(j.out.toUtf8());
        QVERIFY2(!d.isEmpty(), qPrintable(j.out.left(400)));
        QCOMPARE(d[QStringLiteral("identical")].toBool(), false);
        QVERIFY(d[QStringLiteral("incidents_only_a")].toArray().isEmpty());
        QVERIFY(d[QStringLiteral("incidents_only_b")].toArray().isEmpty());
        const QJsonArray both = d[QStringLiteral("incidents_both")].toArray();
        QVERIFY(!both.isEmpty());
        for (const auto& m : both)  // the policy does not change detection
            QCOMPARE(m.toObject()[QStringLiteral("detect_delta_ms")].toInteger(), 0);
        // Every action A took is, in B, suppressed with the kill switch as the reason.
        int executedInA = 0;
        for (const auto& v : d[QStringLiteral("actions_differ")].toArray()) {
            const QJsonObject x = v.toObject();
            if (!x.contains(QStringLiteral("a")) || !x.contains(QStringLiteral("b"))) continue;
            const QJsonObject a = x[QStringLiteral("a")].toObject(), b = x[QStringLiteral("b")].toObject();
            QCOMPARE(b[QStringLiteral("status")].toString(), QStringLiteral("suppressed"));
            QVERIFY(b[QStringLiteral("params")].toString().contains(QStringLiteral("kill switch is on")));
            QCOMPARE(a[QStringLiteral("kind")].toString(), b[QStringLiteral("kind")].toString());
            if (a[QStringLiteral("status")].toString() == QLatin1String("executing")) ++executedInA;
        }
        QVERIFY(executedInA >= 2);
        // The same two runs give the same bytes.
        QCOMPARE(vigilctl({"replay", log_, "--compare", killSwitch_, "--json"}).out, j.out);
    }

    void detectorsOffLosesIncidents() {
        const auto j = vigilctl({"replay", log_, "--compare-setting", "detect.events=off", "--json"});
        QVERIFY2(j.code == 0, qPrintable(j.err));
        const QJsonObject d = parse(j.out.toUtf8());
        QCOMPARE(d[QStringLiteral("b")].toString(), QStringLiteral("shipped policy, detect.events=off"));
        const QJsonArray onlyA = d[QStringLiteral("incidents_only_a")].toArray();
        QVERIFY(onlyA.size() >= 2);
        QStringList kinds;
        for (const auto& i : onlyA) kinds << i.toObject()[QStringLiteral("kind")].toString();
        QVERIFY2(kinds.contains(QStringLiteral("stuck-tx")), qPrintable(kinds.join(',')));
        QVERIFY(d[QStringLiteral("incidents_both")].toArray().isEmpty());
        QCOMPARE(d[QStringLiteral("actions_b")].toInt(), 0);
    }

    void reportCarriesTheDifference() {
        const QString out = dir_.filePath(QStringLiteral("whatif.json"));
        const auto r = vigilctl({"replay", log_, "--compare", killSwitch_, "--report", out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject rep = parse(clitest::readFile(out));
        QVERIFY(rep.contains(QStringLiteral("what_if")));
        QCOMPARE(rep[QStringLiteral("what_if")].toObject()[QStringLiteral("b")].toString(),
                 QStringLiteral("paused.yaml"));
        QCOMPARE(rep[QStringLiteral("simulated")].toBool(), true);
        // A's incidents with their actions, counted consistently.
        int actions = 0;
        for (const auto& i : rep[QStringLiteral("incidents")].toArray())
            actions += i.toObject()[QStringLiteral("actions")].toArray().size();
        QCOMPARE(actions, rep[QStringLiteral("action_count")].toInt());
        QCOMPARE(actions, rep[QStringLiteral("what_if")].toObject()[QStringLiteral("actions_a")].toInt());
    }

    void badInputExitsTwo() {
        const QString bad = dir_.filePath(QStringLiteral("bad.yaml"));
        QVERIFY(clitest::writeFile(bad, "version: 1\nbogus: 3\n"));
        auto r = vigilctl({"replay", log_, "--compare", bad});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("bad.yaml:2: bogus")), qPrintable(r.err));
        r = vigilctl({"replay", log_, "--compare-setting", "detect.log=off"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'detect.log': unknown key")), qPrintable(r.err));
        r = vigilctl({"replay", log_, "--compare", killSwitch_, "--db", dir_.filePath(QStringLiteral("x.db"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("leave out --db")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("x.db"))));
        r = vigilctl({"replay", log_, "--json"});
        QCOMPARE(r.code, 2);
        r = vigilctl({"replay", log_, "--report", dir_.filePath(QStringLiteral("r.txt"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("must end in .json, .html or .pdf")), qPrintable(r.err));
        r = vigilctl({"replay", dir_.filePath(QStringLiteral("missing.ndjson")), "--compare", killSwitch_});
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliWhatIf)
#include "tst_cli_whatif.moc"
