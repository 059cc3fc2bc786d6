// The chunked decoder (simdjson parse_many over many lines, used by decodeAll() and
// LogFileReader) against the reference: NdjsonDecoder::decodeCopy() on each line by
// itself. Records, line counts and every error's line number and reason must be
// identical, also for the inputs parse_many sees differently from a line parser:
// several values on a line, a value spread over lines, blank and CRLF lines,
// trailing garbage and a truncated last line.
#include "record/NdjsonCodec.h"
#include "replay/LogFileReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

using namespace vigil;

namespace {

struct Decoded {
    std::vector<std::string> records;  // re-encoded, so NaN values compare equal
    DecodeStats stats;
};

void addRecords(Decoded& d, const std::vector<Record>& recs) {
    for (const auto& r : recs) d.records.push_back(toNdjson(r));
}

// The reference: split as the file format says, decode each line on its own.
Decoded lineByLine(std::string_view text) {
    Decoded d;
    NdjsonDecoder dec;
    std::string err;
    std::int64_t lineNo = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        ++d.stats.lines;
        Record r;
        if (dec.decodeCopy(line, r, err)) {
            ++d.stats.records;
            ++d.stats.perKind[r.index()];
            d.records.push_back(toNdjson(r));
        } else {
            d.stats.addError(lineNo, err);
        }
    }
    return d;
}

Decoded chunkedInMemory(std::string_view text) {
    Decoded d;
    addRecords(d, decodeAll(text, d.stats));
    return d;
}

Decoded chunkedFromFile(const std::string& path, std::size_t batch) {
    Decoded d;
    LogFileReader r;
    if (!r.open(path)) return d;
    std::vector<Record> recs;
    while (r.readBatch(recs, batch)) {}
    addRecords(d, recs);
    d.stats = r.stats();
    return d;
}

// Compares everything and names the first difference.
QString differences(const Decoded& want, const Decoded& got) {
    const auto& a = want.stats;
    const auto& b = got.stats;
    if (a.lines != b.lines) return QStringLiteral("lines %1 vs %2").arg(a.lines).arg(b.lines);
    if (a.records != b.records) return QStringLiteral("records %1 vs %2").arg(a.records).arg(b.records);
    if (a.malformed != b.malformed) return QStringLiteral("malformed %1 vs %2").arg(a.malformed).arg(b.malformed);
    if (a.perKind != b.perKind) return QStringLiteral("per-kind counts differ");
    if (want.records.size() != got.records.size()) return QStringLiteral("record vector sizes differ");
    for (std::size_t i = 0; i < want.records.size(); ++i)
        if (want.records[i] != got.records[i])
            return QStringLiteral("record %1: %2 vs %3").arg(i).arg(QString::fromStdString(want.records[i]),
                                                                     QString::fromStdString(got.records[i]));
    if (a.errors.size() != b.errors.size()) return QStringLiteral("kept errors differ in number");
    for (std::size_t i = 0; i < a.errors.size(); ++i)
        if (a.errors[i].line != b.errors[i].line || a.errors[i].reason != b.errors[i].reason)
            return QStringLiteral("error %1: line %2 '%3' vs line %4 '%5'")
                .arg(i).arg(a.errors[i].line).arg(QString::fromStdString(a.errors[i].reason))
                .arg(b.errors[i].line).arg(QString::fromStdString(b.errors[i].reason));
    return {};
}

std::string metric(int i) {
    return toNdjson(MetricSample{1767225600000 + i, "rpc.latency_ms", "rpc:eth-main-" + std::to_string(i % 3),
                                 80.0 + i * 0.125});
}
std::string task(int i) {
    return toNdjson(TaskEvent{1767225600000 + i, "t-" + std::to_string(i), "agent-07", "airdrop_claim",
                              TaskState::Failed, "eth-main-a", "rpc_unavailable", 5012.5});
}
std::string incident(int i) {
    return toNdjson(Incident{1767225600000 + i, "INC-" + std::to_string(i), IncidentState::Open, Severity::Critical,
                             1767225500000, {"rpc:eth-main-a", "agent-07"}, "rpc:eth-main-a", "down", 3});
}

}  // namespace

class TestNdjsonChunked : public QObject {
    Q_OBJECT
private slots:
    void mixedFileMatchesLineByLine() {
        const std::string m1 = metric(1), m2 = metric(2);
        std::string text;
        for (int i = 0; i < 50; ++i) text += metric(100 + i) + "\n";  // a clean run first
        const std::vector<std::string> odd = {
            "this is not json",
            m1 + m2,                              // two objects on one line
            m1 + " " + m2,                        // two objects, a space between
            m1 + " x",                            // trailing garbage
            m1 + "]",                             // a stray closing bracket
            R"({"v":1,"kind":"metric",)",        // one object spread over two lines ...
            R"("ts":1,"series":"s","value":1})",  // ... both lines are malformed
            "",                                   // blank lines: skipped, not counted
            "   \t ",
            "\r",
            "  \t" + m1,                          // leading blanks are fine
            m2 + "  ",
            task(3) + "\r",                       // CRLF
            "[1,2,3]",
            "123",
            "\"just a string\"",
            "{}",
            "}",
            R"({"v":1,"kind":"metric","ts":1,"series":"s","value":"x"})",
            R"({"v":2,"kind":"metric","ts":1,"series":"s","value":1})",
            "{\"v\":1,\"kind\":\"log\",\"ts\":1,\"level\":\"info\",\"msg\":\"bad utf-8 \xff\xfe\"}",
            "{\"v\":1,\"kind\":\"log\",\"ts\":1,\"level\":\"info\",\"msg\":\"raw control \x01\"}",
            incident(4),
            "\r\r",
            R"({"v":1,"kind":"metric","ts":1,"series":"s","value":1,"nested":{"a":[1,{"b":2}]}})",
        };
        // Each odd line sits among 40 good ones: after a bad line the decoder goes line by
        // line for a while, and every odd line must also meet the chunked path.
        constexpr int kGap = 40;
        for (std::size_t k = 0; k < odd.size(); ++k) {
            text += odd[k] + "\n";
            for (int i = 0; i < kGap; ++i) text += metric(1000 * int(k) + i) + "\n";
        }
        text += m1.substr(0, m1.size() / 2);  // truncated last line, no newline

        const Decoded want = lineByLine(text);
        // Absolute anchors, so the comparison below is not only relative.
        const std::int64_t nOdd = std::int64_t(odd.size());
        QCOMPARE(want.stats.records, 50 + kGap * nOdd + 5);  // m1 (leading blanks), m2 (trailing), task, incident, nested
        QCOMPARE(want.stats.malformed, nOdd - 5 - 3 + 1);   // 3 blank lines; + the truncated last line
        QCOMPARE(want.stats.errors.front().line, 51);
        QCOMPARE(want.stats.errors.back().line, 50 + nOdd * (kGap + 1) + 1);

        QVERIFY2(differences(want, chunkedInMemory(text)).isEmpty(), qPrintable(differences(want, chunkedInMemory(text))));
        QTemporaryDir dir;
        const std::string path = dir.filePath("mixed.ndjson").toStdString();
        std::ofstream(path, std::ios::binary) << text;
        for (std::size_t batch : {std::size_t(1), std::size_t(7), std::size_t(4096)}) {
            const QString diff = differences(want, chunkedFromFile(path, batch));
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("batch %1: %2").arg(batch).arg(diff)));
        }
    }

    // Many random mixes of good lines and the damage real logs show (truncated writes,
    // interleaved writers, stray bytes), at random places, with a fixed seed.
    void randomMixesMatchLineByLine() {
        std::mt19937 rng(20261128);
        auto pick = [&](int n) { return int(rng() % unsigned(n)); };
        QTemporaryDir dir;
        for (int round = 0; round < 40; ++round) {
            std::string text;
            const int lines = 200 + pick(3000);
            const int badPerMille = round % 4 == 0 ? 0 : std::vector<int>{1, 10, 100, 500}[pick(4)];
            for (int i = 0; i < lines; ++i) {
                std::string good = pick(5) ? metric(i) : pick(2) ? task(i) : incident(i);
                if (pick(1000) >= badPerMille) {
                    text += good;
                } else {
                    switch (pick(10)) {
                    case 0: text += good.substr(0, 1 + pick(int(good.size()) - 1)); break;   // truncated
                    case 1: text += good + metric(i + 1); break;                              // two writers
                    case 2: text += good + " " + std::string(1, "x]}{,:\"1"[pick(8)]); break; // stray byte
                    case 3: text += good.substr(0, good.size() / 2) + "\n" + good.substr(good.size() / 2); break;
                    case 4: text += std::string(pick(3), ' ') + (pick(2) ? "" : "\r"); break; // blank
                    case 5: text += good + "\r"; break;                                       // CRLF
                    case 6: { std::string s = good; s[std::size_t(pick(int(s.size())))] = char(pick(256)); text += s; break; }
                    case 7: text += "\t" + good + " "; break;
                    case 8: text += "[" + good + "]"; break;
                    default: text += "{}"; break;
                    }
                }
                text += "\n";
            }
            if (pick(2)) text.pop_back();                             // no final newline
            if (pick(4) == 0) text.resize(text.size() - 1 - pick(30)); // truncated tail

            const Decoded want = lineByLine(text);
            const QString inMemory = differences(want, chunkedInMemory(text));
            QVERIFY2(inMemory.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(inMemory)));
            const std::string path = dir.filePath(QStringLiteral("r%1.ndjson").arg(round)).toStdString();
            std::ofstream(path, std::ios::binary) << text;
            const QString fromFile = differences(want, chunkedFromFile(path, 1 + std::size_t(pick(5000))));
            QVERIFY2(fromFile.isEmpty(), qPrintable(QStringLiteral("round %1 (file): %2").arg(round).arg(fromFile)));
        }
    }
};

QTEST_GUILESS_MAIN(TestNdjsonChunked)
#include "tst_ndjsonchunked.moc"
