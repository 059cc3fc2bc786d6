// The batched file reader: plain and gzip logs, lines split across read chunks,
// malformed lines counted with their line numbers, unreadable files named.
#include "record/NdjsonCodec.h"
#include "replay/LogFileReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <zlib.h>

using namespace vigil;

class TestLogFileReader : public QObject {
    Q_OBJECT
private:
    static std::string makeLog(int n, int badEvery) {
        std::string text;
        for (int i = 0; i < n; ++i) {
            if (badEvery && i % badEvery == badEvery - 1) {
                text += "{broken line " + std::to_string(i) + "\n";
                continue;
            }
            // Long-ish messages so the 4 MiB chunks split lines.
            appendNdjson(text, LogLine{i, "agent-" + std::to_string(i % 13), LogLevel::Info,
                                       "tick " + std::to_string(i) + std::string(200, 'x')});
        }
        return text;
    }
    static std::vector<Record> readAll(LogFileReader& r, std::size_t batch) {
        std::vector<Record> all;
        while (r.readBatch(all, batch)) {}
        return all;
    }

private slots:
    void readsPlainFileAcrossChunks() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.ndjson").toStdString();
        const int n = 60000, badEvery = 1000;
        std::ofstream(path, std::ios::binary) << makeLog(n, badEvery);
        LogFileReader r;
        QVERIFY(r.open(path));
        auto all = readAll(r, 777);
        QCOMPARE(int(all.size()), n - n / badEvery);
        QCOMPARE(r.stats().malformed, n / badEvery);
        QCOMPARE(r.stats().errors.front().line, badEvery);  // 1-based line of the first bad line
        for (std::size_t i = 1; i < all.size(); ++i) QVERIFY(timestampOf(all[i - 1]) < timestampOf(all[i]));
    }

    void readsGzipTransparently() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.ndjson.gz").toStdString();
        const std::string text = makeLog(5000, 0);
        gzFile gz = gzopen(path.c_str(), "wb");
        QVERIFY(gz);
        QCOMPARE(gzwrite(gz, text.data(), unsigned(text.size())), int(text.size()));
        gzclose(gz);
        LogFileReader r;
        QVERIFY(r.open(path));
        auto all = readAll(r, 4096);
        QCOMPARE(int(all.size()), 5000);
        QCOMPARE(std::get<LogLine>(all.back()).message.substr(0, 9), std::string("tick 4999"));
    }

    void lastLineWithoutNewline() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.ndjson").toStdString();
        std::ofstream(path, std::ios::binary) << toNdjson(MetricSample{1, "s", "t", 1}) << "\n"
                                              << toNdjson(MetricSample{2, "s", "t", 2});
        LogFileReader r;
        QVERIFY(r.open(path));
        QCOMPARE(readAll(r, 10).size(), std::size_t(2));
    }

    // A gzip cut short (half of it, or only its 8-byte trailer's last 4 bytes gone)
    // is an error naming the file and where the data ended, never a short success.
    void truncatedGzipIsAnError_data() {
        QTest::addColumn<int>("cut");  // bytes removed from the end; < 0: keep half
        QTest::newRow("half") << -1;
        QTest::newRow("trailer's last 4 bytes") << 4;
        QTest::newRow("whole trailer") << 8;
    }
    void truncatedGzipIsAnError() {
        QFETCH(int, cut);
        QTemporaryDir dir;
        const std::string full = dir.filePath("full.gz").toStdString(), path = dir.filePath("cut.gz").toStdString();
        const std::string text = makeLog(20000, 0);
        gzFile gz = gzopen(full.c_str(), "wb");
        QVERIFY(gz);
        QCOMPARE(gzwrite(gz, text.data(), unsigned(text.size())), int(text.size()));
        gzclose(gz);
        std::ifstream in(full, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        bytes.resize(cut < 0 ? bytes.size() / 2 : bytes.size() - std::size_t(cut));
        std::ofstream(path, std::ios::binary) << bytes;
        LogFileReader r;
        QVERIFY(r.open(path));
        auto all = readAll(r, 4096);
        QVERIFY(int(all.size()) < 20000 || cut >= 0);
        const QString err = QString::fromStdString(r.error());
        QVERIFY2(err.startsWith(QString::fromStdString(path) + ": truncated gzip"), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("compressed byte %1").arg(bytes.size())), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("after line %1").arg(all.size())), qPrintable(err));
        QCOMPARE(r.stats().malformed, 0);  // the cut line is not counted as a malformed record
    }

    // A UTF-8 byte-order mark (editors on Windows add one) is skipped, not a bad line 1.
    void leadingByteOrderMarkIsSkipped() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("bom.ndjson").toStdString();
        std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBF" << toNdjson(MetricSample{1, "s", "t", 1}) << "\n"
                                              << toNdjson(MetricSample{2, "s", "t", 2}) << "\n";
        LogFileReader r;
        QVERIFY(r.open(path));
        QCOMPARE(readAll(r, 10).size(), std::size_t(2));
        QCOMPARE(r.stats().malformed, 0);
    }

    void missingFileIsNamed() {
        LogFileReader r;
        QVERIFY(!r.open("/nonexistent/dir/x.ndjson"));
        QVERIFY(QString::fromStdString(r.error()).startsWith("/nonexistent/dir/x.ndjson: cannot open"));
    }
};

QTEST_GUILESS_MAIN(TestLogFileReader)
#include "tst_logfilereader.moc"
