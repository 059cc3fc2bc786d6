// `vigilctl simulate` end to end: byte-identical recordings for the same seed,
// labels beside the log, gzip output, and exit 2 with a reason for bad usage.
#include "record/NdjsonCodec.h"
#include "sim/LabelsJson.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

class TestCliSimulate : public QObject {
    Q_OBJECT

    struct Result {
        int exitCode = -1;
        QByteArray out, err;
    };

    static Result run(const QStringList& args) {
        QProcess p;
        p.start(QString::fromLocal8Bit(qgetenv("VIGILCTL")), args);
        if (!p.waitForFinished(120'000)) return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }

    static QByteArray readAll(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase() { QVERIFY2(!qgetenv("VIGILCTL").isEmpty(), "VIGILCTL is set by CTest"); }

    void sameSeedGivesIdenticalFiles() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QStringList base{"simulate", "--scenario", "cascade", "--duration", "3600", "--seed", "7", "--out"};
        const Result a = run(base + QStringList{dir.filePath("a.ndjson")});
        const Result b = run(base + QStringList{dir.filePath("b.ndjson")});
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(b.exitCode, 0);
        QVERIFY(a.out.contains("records") && a.out.contains("5 faults"));  // the cascade: four faults and a stuck transfer
        QCOMPARE(a.out.count('\n'), 1);
        const QByteArray logA = readAll(dir.filePath("a.ndjson")), logB = readAll(dir.filePath("b.ndjson"));
        QVERIFY(logA.size() > 1'000'000);
        QCOMPARE(logA, logB);
        const QByteArray labelsA = readAll(dir.filePath("a.labels.json"));
        QVERIFY(!labelsA.isEmpty());
        QCOMPARE(labelsA, readAll(dir.filePath("b.labels.json")));

        vigil::LabelsFile labels;
        std::string error;
        QVERIFY2(vigil::parseLabelsJson(labelsA.toStdString(), labels, error), error.c_str());
        QCOMPARE(labels.scenario, std::string("cascade"));
        QCOMPARE(labels.seed, std::uint64_t(7));
        QCOMPARE(labels.durationS, std::int64_t(3600));
        QVERIFY(labels.faults.size() >= 3);

        // The log decodes cleanly, and a different seed gives a different log.
        vigil::DecodeStats stats;
        const auto records = vigil::decodeAll(std::string_view(logA.constData(), static_cast<std::size_t>(logA.size())), stats);
        QCOMPARE(stats.malformed, std::int64_t(0));
        QVERIFY(records.size() > 20'000 && records.size() < 200'000);
        QCOMPARE(run({"simulate", "--scenario", "cascade", "--duration", "3600", "--seed", "8", "--out", dir.filePath("c.ndjson")}).exitCode, 0);
        QVERIFY(readAll(dir.filePath("c.ndjson")) != logA);
    }

    void gzipOutputHoldsTheSameLog() {
        QTemporaryDir dir;
        const QStringList base{"simulate", "--scenario", "stuck-tx", "--duration", "900", "--seed", "3", "--out"};
        QCOMPARE(run(base + QStringList{dir.filePath("p.ndjson")}).exitCode, 0);
        QCOMPARE(run(base + QStringList{dir.filePath("z.ndjson.gz")}).exitCode, 0);
        QVERIFY(QFile::exists(dir.filePath("z.labels.json")));
        const QByteArray plain = readAll(dir.filePath("p.ndjson"));
        const QByteArray packed = readAll(dir.filePath("z.ndjson.gz"));
        QVERIFY(packed.size() > 0 && packed.size() < plain.size() / 3);
        gzFile gz = gzopen(dir.filePath("z.ndjson.gz").toLocal8Bit().constData(), "rb");
        QVERIFY(gz);
        QByteArray unpacked;
        char buf[65536];
        int n = 0;
        while ((n = gzread(gz, buf, sizeof buf)) > 0) unpacked.append(buf, n);
        gzclose(gz);
        QCOMPARE(unpacked, plain);
    }

    void badUsageExitsTwoWithAReason_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QString out = QDir::temp().filePath("vigil-never-written.ndjson");
        QTest::newRow("unknown scenario") << QStringList{"simulate", "--scenario", "meltdown", "--duration", "60", "--seed", "1", "--out", out}
                                          << "rpc-outage";
        QTest::newRow("bad duration") << QStringList{"simulate", "--scenario", "calm", "--duration", "ten", "--seed", "1", "--out", out}
                                      << "--duration";
        QTest::newRow("zero duration") << QStringList{"simulate", "--scenario", "calm", "--duration", "0", "--seed", "1", "--out", out}
                                       << "duration";
        QTest::newRow("too short for a fault") << QStringList{"simulate", "--scenario", "cascade", "--duration", "30", "--seed", "1", "--out", out}
                                               << "minimum";
        QTest::newRow("bad seed") << QStringList{"simulate", "--scenario", "calm", "--duration", "60", "--seed", "-4", "--out", out}
                                  << "--seed";
        QTest::newRow("missing out") << QStringList{"simulate", "--scenario", "calm", "--duration", "60", "--seed", "1"} << "--out";
        QTest::newRow("unwritable out") << QStringList{"simulate", "--scenario", "calm", "--duration", "60", "--seed", "1", "--out",
                                                       "/nonexistent-dir/x.ndjson"}
                                        << "/nonexistent-dir/x.ndjson";
    }
    void badUsageExitsTwoWithAReason() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(mentions.toUtf8()), r.err.constData());
        QVERIFY(!QFile::exists(QDir::temp().filePath("vigil-never-written.ndjson")));
    }
};

QTEST_GUILESS_MAIN(TestCliSimulate)
#include "tst_cli_simulate.moc"
