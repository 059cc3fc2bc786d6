// Size limits on input (issue #7, item 8): a line over the line limit and a string
// field over its limit are malformed lines with a reason naming the line or field;
// the file reader skips an over-long line without holding it whole.
#include "record/NdjsonCodec.h"
#include "replay/LogFileReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace vigil;

namespace {

std::string logLine(std::int64_t ts, const std::string& msg, const std::string& source = "agent-01") {
    return toNdjson(LogLine{ts, source, LogLevel::Info, msg}) + "\n";
}

const char* const kOpen2 = "{\"v\":1,\"kind\":\"log\",\"ts\":2,\"level\":\"info\",\"msg\":\"";
const char* const kOpen20 = "{\"v\":1,\"kind\":\"log\",\"ts\":20,\"level\":\"info\",\"msg\":\"";

std::vector<Record> readAll(LogFileReader& r, std::size_t batch = 4096) {
    std::vector<Record> all;
    while (r.readBatch(all, batch)) {}
    return all;
}

}  // namespace

class TestSizeLimits : public QObject {
    Q_OBJECT
private slots:
    void stringFieldsOverTheirLimitAreMalformed() {
        const DecodeLimits lim;
        std::string text;
        text += logLine(1, std::string(lim.maxTextBytes, 'x'));          // line 1: at the limit, fine
        text += logLine(2, std::string(lim.maxTextBytes + 1, 'x'));      // line 2: one byte over
        text += logLine(3, "ok", std::string(lim.maxNameBytes + 1, 'a')); // line 3: a name too long
        std::string targets = "{\"v\":1,\"kind\":\"incident\",\"ts\":4,\"id\":\"INC-1\",\"state\":\"open\",\"severity\":\"info\",\"targets\":[";
        for (std::size_t i = 0; i <= lim.maxTargets; ++i) targets += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
        text += targets + "]}\n";                                          // line 4: too many targets
        DecodeStats st;
        const auto recs = decodeAll(text, st);
        QCOMPARE(recs.size(), std::size_t(1));
        QCOMPARE(st.malformed, std::int64_t(3));
        QCOMPARE(st.errors[0].line, std::int64_t(2));
        QCOMPARE(st.errors[0].reason, std::string("field 'msg' is 65537 bytes, over the 65536-byte limit"));
        QCOMPARE(st.errors[1].line, std::int64_t(3));
        QCOMPARE(st.errors[1].reason, std::string("field 'source' is 1025 bytes, over the 1024-byte limit"));
        QCOMPARE(st.errors[2].line, std::int64_t(4));
        QCOMPARE(st.errors[2].reason, std::string("field 'targets' has 257 entries, over the limit of 256"));
    }

    void longLinesAreMalformedInChunksToo() {
        // Many short lines (parsed in chunks) with over-long ones among them.
        DecodeLimits lim;
        lim.maxLineBytes = 120;
        std::string text;
        int longOnes = 0;
        for (int i = 0; i < 500; ++i) {
            const bool tooLong = i % 50 == 7;
            longOnes += tooLong;
            text += logLine(i, tooLong ? std::string(200, 'y') : "m" + std::to_string(i));
        }
        text.append(kJsonPadding, '\0');
        std::vector<NdjsonLine> lines;
        std::int64_t lineNo = 0;
        splitNdjsonLines(std::string_view(text.data(), text.size() - kJsonPadding), true, lineNo, lines, 100000);
        NdjsonDecoder dec(lim);
        DecodeStats st;
        std::vector<Record> out;
        dec.decodeLines(lines, out, st);
        QCOMPARE(st.malformed, std::int64_t(longOnes));
        QCOMPARE(out.size(), std::size_t(500 - longOnes));
        QCOMPARE(st.errors[0].line, std::int64_t(8));
        QVERIFY2(st.errors[0].reason.find("line is ") == 0 && st.errors[0].reason.find("over the 120-byte limit") != std::string::npos,
                 st.errors[0].reason.c_str());
    }

    void readerSkipsAnOverLongLineInBoundedMemory() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("long.ndjson").toStdString();
        {
            std::ofstream f(path, std::ios::binary);
            f << logLine(1, "before");
            // 40 MiB of one line, then valid lines, then an unterminated 3 MiB last line.
            const std::string block(1 << 20, 'z');
            f << kOpen2;
            for (int i = 0; i < 40; ++i) f << block;
            f << "\"}\n";
            for (int i = 0; i < 10; ++i) f << logLine(3 + i, "after " + std::to_string(i));
            f << kOpen20;
            for (int i = 0; i < 3; ++i) f << block;
        }
        LogFileReader r;
        QVERIFY(r.open(path));
        const auto recs = readAll(r, 3);
        QVERIFY(r.error().empty());
        QCOMPARE(recs.size(), std::size_t(11));
        QCOMPARE(r.stats().records, std::int64_t(11));
        QCOMPARE(r.stats().malformed, std::int64_t(2));
        QCOMPARE(r.stats().lines, std::int64_t(13));
        QCOMPARE(r.stats().errors[0].line, std::int64_t(2));
        // Its length is said, counted as it was skipped (the reader reads 256 KiB at a time).
        const std::size_t first = std::string_view(kOpen2).size() + (40u << 20) + 2,
                          last = std::string_view(kOpen20).size() + (3u << 20);
        QCOMPARE(r.stats().errors[0].reason,
                 "line is " + std::to_string(first) + " bytes, over the 1048576-byte limit, skipped");
        QCOMPARE(r.stats().errors[1].line, std::int64_t(13));
        QCOMPARE(r.stats().errors[1].reason,
                 "line is " + std::to_string(last) + " bytes, over the 1048576-byte limit, skipped");
        // Never held the 40 MiB line: about the limit plus one read.
        QVERIFY2(r.bufferBytes() <= (2u << 20), qPrintable(QString::number(r.bufferBytes())));
        QCOMPARE(std::get<LogLine>(recs.back()).message, std::string("after 9"));
    }
};

QTEST_GUILESS_MAIN(TestSizeLimits)
#include "tst_sizelimits.moc"
