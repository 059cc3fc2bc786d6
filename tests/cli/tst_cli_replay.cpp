// vigilctl replay end to end: a simulated recording goes through the engine into a
// real SQLite file; malformed lines are reported with their line numbers; the
// report is byte-identical for the same log; exit codes follow the contract.
#include "store/StoreReader.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliReplay : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_;

    struct Run {
        int code;
        QString out, err;
    };
    static Run vigilctl(const QStringList& args) {
        QProcess p;
        p.start(QString::fromLocal8Bit(qgetenv("VIGILCTL")), args);
        if (!p.waitForFinished(240000)) return {-1, {}, QStringLiteral("timeout")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void initTestCase() {
        QVERIFY2(!qgetenv("VIGILCTL").isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
        log_ = dir_.filePath(QStringLiteral("a.ndjson"));
        auto r = vigilctl({"simulate", "--scenario", "cascade", "--duration", "900", "--seed", "7", "--out", log_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void replayStoresEveryRecord() {
        const QString db = dir_.filePath(QStringLiteral("a.db"));
        auto r = vigilctl({"replay", log_, "--db", db});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QRegularExpression re(QStringLiteral("replayed .*: (\\d+) records metric=(\\d+) task=(\\d+).*malformed=0"));
        auto m = re.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        const qint64 records = m.captured(1).toLongLong();
        QVERIFY(records > 10000);

        auto reader = vigil::store::StoreReader::open(db.toStdString());
        QVERIFY2(reader.ok(), reader.error().c_str());
        auto counts = reader.value()->counts();
        QVERIFY(counts.ok());
        QCOMPARE(counts->perKind[int(vigil::RecordKind::Metric)], m.captured(2).toLongLong());
        QCOMPARE(counts->perKind[int(vigil::RecordKind::Task)], m.captured(3).toLongLong());
        QVERIFY(counts->series > 5);

        // The same log again would double every row: refused, naming the earlier import.
        r = vigilctl({"replay", log_, "--db", db});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(log_ + QStringLiteral(": already imported into ") + db + QStringLiteral(" as import 1")),
                 qPrintable(r.err));
        auto again = vigil::store::StoreReader::open(db.toStdString());
        QCOMPARE(again.value()->counts()->perKind[int(vigil::RecordKind::Metric)], m.captured(2).toLongLong());
        QCOMPARE(int(again.value()->imports()->size()), 1);
    }

    void malformedLinesAreReportedNotFatal() {
        QFile in(log_);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = in.readAll().split('\n');
        lines.insert(2, "{\"v\":1,\"kind\":\"metric\",\"ts\":1}");  // line 3: no series
        lines.insert(5, "garbage");                                // line 6
        const QString bad = dir_.filePath(QStringLiteral("bad.ndjson"));
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(lines.join('\n'));
        out.close();
        auto r = vigilctl({"replay", bad});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("malformed=2")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("bad.ndjson:3: missing field 'series'")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("bad.ndjson:6: invalid JSON")), qPrintable(r.err));
    }

    void reportIsByteIdentical() {
        const QString a = dir_.filePath(QStringLiteral("r1.json")), b = dir_.filePath(QStringLiteral("r2.json"));
        QCOMPARE(vigilctl({"replay", log_, "--report", a}).code, 0);
        QCOMPARE(vigilctl({"replay", log_, "--report", b}).code, 0);
        QFile fa(a), fb(b);
        QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
        const QByteArray ba = fa.readAll();
        QVERIFY(ba.contains("\"incidents\""));
        QCOMPARE(ba, fb.readAll());
    }

    void exitCodes() {
        QCOMPARE(vigilctl({"replay", dir_.filePath(QStringLiteral("missing.ndjson"))}).code, 2);
        QCOMPARE(vigilctl({"replay"}).code, 2);
        QCOMPARE(vigilctl({"replay", log_, "--speed", "fast"}).code, 2);
        QCOMPARE(vigilctl({"no-such-command"}).code, 2);
        auto v = vigilctl({"--version"});
        QCOMPARE(v.code, 0);
        QVERIFY(v.out.startsWith(QStringLiteral("vigilctl ")));
        // A file that is not a database is refused with a reason naming it.
        const QString notDb = dir_.filePath(QStringLiteral("junk.db"));
        QFile j(notDb);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write(QByteArray(8192, 'x'));
        j.close();
        auto r = vigilctl({"replay", log_, "--db", notDb});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(notDb), qPrintable(r.err));
    }

    void runDemoHeadless() {
        const QString db = dir_.filePath(QStringLiteral("live.db"));
        auto r = vigilctl({"run", "--demo", "--duration", "3", "--speed", "20", "--db", db});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains(QStringLiteral("stored ")), qPrintable(r.out));
        auto reader = vigil::store::StoreReader::open(db.toStdString());
        QVERIFY(reader.ok());
        QVERIFY(reader.value()->counts()->records() > 1000);  // ~60 simulated s of the fleet
    }
};

QTEST_GUILESS_MAIN(TestCliReplay)
#include "tst_cli_replay.moc"
