// vigilctl replay on broken files: a cut gzip is exit 2 naming where it ended,
// a log without one valid record is exit 2, the listed errors are capped with a
// total, and a UTF-8 byte-order mark is not a malformed line.
#include "CliTestSupport.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

using namespace clitest;

class TestCliBadInput : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_, gz_;
    QByteArray gzBytes_;

private slots:
    void initTestCase() {
        QVERIFY2(!vigilctlPath().isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
        log_ = dir_.filePath(QStringLiteral("a.ndjson"));
        gz_ = dir_.filePath(QStringLiteral("a.ndjson.gz"));
        auto r = vigilctl({"simulate", "--scenario", "cascade", "--duration", "900", "--seed", "7", "--out", log_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = vigilctl({"simulate", "--scenario", "cascade", "--duration", "900", "--seed", "7", "--out", gz_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        gzBytes_ = readFile(gz_);
        QVERIFY(gzBytes_.size() > 10000);
        QCOMPARE(vigilctl({"replay", gz_}).code, 0);
    }

    void truncatedGzipIsExit2NamingWhereItEnded_data() {
        QTest::addColumn<int>("keep");
        QTest::newRow("half") << int(gzBytes_.size() / 2);
        QTest::newRow("no 4-byte size trailer") << int(gzBytes_.size() - 4);
    }
    void truncatedGzipIsExit2NamingWhereItEnded() {
        QFETCH(int, keep);
        const QString cut = dir_.filePath(QStringLiteral("cut.ndjson.gz"));
        QVERIFY(writeFile(cut, gzBytes_.left(keep)));
        const auto r = vigilctl({"replay", cut});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(cut + QStringLiteral(": truncated gzip")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("compressed byte %1").arg(keep)), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("after line ")), qPrintable(r.err));
    }

    void randomBytesAreExit2() {
        QByteArray junk(5 << 20, '\0');
        QRandomGenerator rng(42);
        rng.fillRange(reinterpret_cast<quint32*>(junk.data()), junk.size() / 4);
        const QString path = dir_.filePath(QStringLiteral("random.bin"));
        QVERIFY(writeFile(path, junk));
        const auto r = vigilctl({"replay", path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path + QStringLiteral(": no valid record")), qPrintable(r.err));
    }

    void everyLineMalformedIsExit2WithCappedList() {
        QByteArray bad;
        for (int i = 0; i < 1000; ++i) bad += "{\"v\":1,\"kind\":\"metric\",\"ts\":" + QByteArray::number(i) + "}\n";
        const QString path = dir_.filePath(QStringLiteral("allbad.ndjson"));
        QVERIFY(writeFile(path, bad));
        const auto r = vigilctl({"replay", path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path + QStringLiteral(": no valid record (1000 malformed lines)")), qPrintable(r.err));
        QVERIFY2(r.err.count(QStringLiteral("missing field")) == 20, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("1000 malformed lines in all, the first 20 listed")), qPrintable(r.err));

        const QString empty = dir_.filePath(QStringLiteral("empty.ndjson"));
        QVERIFY(writeFile(empty, {}));
        const auto e = vigilctl({"replay", empty});
        QCOMPARE(e.code, 2);
        QVERIFY2(e.err.contains(empty + QStringLiteral(": no valid record")), qPrintable(e.err));
    }

    void someValidRecordsStaySuccessWithCappedList() {
        QByteArray text = readFile(log_);
        for (int i = 0; i < 50; ++i) text += "garbage " + QByteArray::number(i) + "\n";
        const QString path = dir_.filePath(QStringLiteral("mostlygood.ndjson"));
        QVERIFY(writeFile(path, text));
        const auto r = vigilctl({"replay", path});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("malformed=50")), qPrintable(r.out));
        QVERIFY2(r.err.count(QStringLiteral("invalid JSON")) == 20, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("50 malformed lines in all, the first 20 listed")), qPrintable(r.err));
    }

    void byteOrderMarkIsSkipped() {
        const QString path = dir_.filePath(QStringLiteral("bom.ndjson"));
        QVERIFY(writeFile(path, QByteArray("\xEF\xBB\xBF") + readFile(log_)));
        const auto r = vigilctl({"replay", path});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("malformed=0")), qPrintable(r.out));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_badinput.moc"
