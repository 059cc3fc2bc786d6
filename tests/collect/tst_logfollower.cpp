// LogFollower on real files in a temporary directory: JSON lines (NDJSON records
// and plain objects) and regex lines; rotation by rename + new file (the old
// file's tail, unterminated last line included, before the new file); truncation;
// an over-long line skipped; bad lines named FILE:LINE: reason; a refusing sink.
#include "collect/CollectTestSupport.h"
#include "collect/LogFollower.h"
#include "collect/LogFollowerSamples.h"
#include "collect/LogLineParser.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <fstream>

using namespace vigil;
using namespace vigil::collect;

namespace {

void append(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::app | std::ios::binary) << text;
}

std::vector<std::string> messages(const std::vector<Record>& rs) {
    std::vector<std::string> out;
    for (const auto& r : rs)
        if (const auto* l = std::get_if<LogLine>(&r)) out.push_back(l->message);
    return out;
}

LogFollowOptions quick(std::vector<LogFileOptions> files) {
    LogFollowOptions o;
    o.poll = std::chrono::milliseconds(20);
    o.files = std::move(files);
    return o;
}

}  // namespace

class TestLogFollower : public QObject {
    Q_OBJECT
private slots:
    void timesAndLevels();
    void jsonLines();
    void regexLines();
    void followsRenameRotation();
    void followsTruncation();
    void skipsAnOverlongLine();
    void refusedBatchesArriveOnceInOrder();
    void badOptionsNameTheirField();
};

void TestLogFollower::timesAndLevels() {
    QCOMPARE(*parseLogTime("2026-01-01T00:00:00Z"), TimestampMs(1767225600000));
    QCOMPARE(*parseLogTime("2026-01-01 00:00:00,123"), TimestampMs(1767225600123));
    QCOMPARE(*parseLogTime("2026-01-01T02:00:00.5+02:00"), TimestampMs(1767225600500));
    QCOMPARE(*parseLogTime("2025-12-31T19:00:00-0500"), TimestampMs(1767225600000));
    QCOMPARE(*parseLogTime("1767225600"), TimestampMs(1767225600000));
    QCOMPARE(*parseLogTime("1767225600.25"), TimestampMs(1767225600250));
    QCOMPARE(*parseLogTime("1767225600123"), TimestampMs(1767225600123));
    QVERIFY(!parseLogTime("yesterday"));
    QVERIFY(!parseLogTime("2026-13-01T00:00:00Z"));
    QVERIFY(!parseLogTime("2026-01-01T00:00:00Zjunk"));
    QCOMPARE(int(*parseLogLevel("WARNING")), int(LogLevel::Warn));
    QCOMPARE(int(*parseLogLevel("fatal")), int(LogLevel::Error));
    QCOMPARE(int(*parseLogLevel("trace")), int(LogLevel::Debug));
    QVERIFY(!parseLogLevel("loud"));
}

void TestLogFollower::jsonLines() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("app.log").toStdString();
    append(path, std::string(logsamples::kNdjsonRecord) + "\n" + logsamples::kPlainJson + "\n\n" +
                     logsamples::kNoMessage + "\nnot json\n" + logsamples::kPlainJsonEpoch + "\n" +
                     logsamples::kBadLevel + "\n" + logsamples::kBadRecord + "\n");
    collecttest::VectorSink sink;
    VirtualClock clock(1767225699000);
    collecttest::IoThread io;
    LogFileOptions f;
    f.path = path;
    f.fromStart = true;
    LogFollower follower(io.io(), quick({f}), sink, clock);
    follower.start();
    QTRY_COMPARE_WITH_TIMEOUT(int(sink.records().size()), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(int(follower.counters().malformed), 4, 5000);
    follower.stop();
    const auto rs = sink.records();
    const LogLine& record = std::get<LogLine>(rs[0]);
    QCOMPARE(record.source, std::string("agent-07"));  // an NDJSON record keeps its own fields
    QCOMPARE(record.ts, TimestampMs(1767225600003));
    const LogLine& plain = std::get<LogLine>(rs[1]);
    QCOMPARE(plain.source, std::string("app.log"));
    QCOMPARE(plain.ts, TimestampMs(1767225601250));
    QCOMPARE(int(plain.level), int(LogLevel::Warn));
    QCOMPARE(plain.message, std::string("disk 91% full"));
    QCOMPARE(std::get<LogLine>(rs[2]).ts, TimestampMs(1767225602000));
    QCOMPARE(int(std::get<LogLine>(rs[2]).level), int(LogLevel::Error));
    const auto errors = follower.lastErrors();
    QCOMPARE(int(errors.size()), 4);
    QCOMPARE(errors[0], path + ":4: JSON object without a message or msg field");
    QVERIFY(QString::fromStdString(errors[1]).startsWith(QString::fromStdString(path + ":5: not a JSON object")));
    QCOMPARE(errors[2], path + ":7: field 'level' (loud) is not a log level");
    QVERIFY(QString::fromStdString(errors[3]).startsWith(QString::fromStdString(path + ":8: ")));
    QCOMPARE(follower.counters().recordsOffered, std::uint64_t(3));
}

void TestLogFollower::regexLines() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("svc.log").toStdString();
    append(path, "2026-01-01T00:00:00Z [ERROR] rpc eth-a unavailable\n"
                 "garbage\n"
                 "tomorrow [INFO] x\n"
                 "2026-01-01T00:00:02Z [INFO] claim ok, 3 attempts\n");
    collecttest::VectorSink sink;
    VirtualClock clock(0);
    collecttest::IoThread io;
    LogFileOptions f;
    f.path = path;
    f.source = "svc";
    f.format = LogFileFormat::Regex;
    f.pattern = logsamples::kPattern;
    f.fromStart = true;
    LogFollower follower(io.io(), quick({f}), sink, clock);
    follower.start();
    QTRY_COMPARE_WITH_TIMEOUT(int(sink.records().size()), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(int(follower.lastErrors().size()), 2, 5000);
    follower.stop();
    const auto rs = sink.records();
    const LogLine& first = std::get<LogLine>(rs[0]);
    QCOMPARE(first.ts, TimestampMs(1767225600000));
    QCOMPARE(int(first.level), int(LogLevel::Error));
    QCOMPARE(first.source, std::string("svc"));
    QCOMPARE(first.message, std::string("rpc eth-a unavailable"));
    QCOMPARE(std::get<LogLine>(rs[1]).message, std::string("claim ok, 3 attempts"));
    QCOMPARE(follower.lastErrors()[0], path + ":2: line does not match the pattern");
    QCOMPARE(follower.lastErrors()[1], path + ":3: time 'tomorrow' is neither ISO 8601 nor epoch seconds/milliseconds");
}

void TestLogFollower::followsRenameRotation() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("app.log").toStdString();
    append(path, "{\"msg\":\"old, before start\"}\n");  // not from start: skipped
    collecttest::VectorSink sink;
    VirtualClock clock(1767225600000);
    collecttest::IoThread io;
    LogFileOptions f;
    f.path = path;
    LogFollower follower(io.io(), quick({f}), sink, clock);
    follower.start();
    QTRY_VERIFY_WITH_TIMEOUT(follower.polls() >= 2, 5000);
    append(path, "{\"msg\":\"A1\"}\n{\"msg\":\"A2\"}\n");
    QTRY_COMPARE_WITH_TIMEOUT(int(sink.records().size()), 2, 5000);
    // Rotate: rename the file away, the writer still appends to it (a line without
    // its newline yet), then the new file appears under the name.
    append(path, "{\"msg\":\"A3\"}\n");
    QCOMPARE(std::rename(path.c_str(), (path + ".1").c_str()), 0);
    append(path + ".1", "{\"msg\":\"A4\"}");
    append(path, "{\"msg\":\"B1\"}\n{\"msg\":\"B2\"}\n");
    QTRY_COMPARE_WITH_TIMEOUT(int(sink.records().size()), 6, 5000);
    append(path, "{\"msg\":\"B3\"}\n");
    QTRY_COMPARE_WITH_TIMEOUT(int(sink.records().size()), 7, 5000);
    follower.stop();
    QCOMPARE(messages(sink.records()), (std::vector<std::string>{"A1", "A2", "A3", "A4", "B1", "B2", "B3"}));
    QCOMPARE(int(follower.files()[0].rotations), 1);
    QCOMPARE(int(follower.counters().malformed), 0);
}

void TestLogFollower::followsTruncation() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("app.log").toStdString();
    append(path, "");
    collecttest::VectorSink sink;
    VirtualClock clock(1767225600000);
    collecttest::IoThread io;
    LogFileOptions f;
    f.path = path;
    LogFollower follower(io.io(), quick({f}), sink, clock);
    follower.start();
    QTRY_VERIFY_WITH_TIMEOUT(follower.polls() >= 2, 5000);
    append(path, "{\"msg\":\"a long line before the truncation, longer than what follows it\"}\n");
    QTRY_COMPARE_WITH_TIMEOUT(int(sink.records().size()), 1, 5000);
    std::ofstream(path, std::ios::trunc | std::ios::binary) << "{\"msg\":\"C1\"}\n";  // copytruncate + new line
    QTRY_COMPARE_WITH_TIMEOUT(int(sink.records().size()), 2, 5000);
    follower.stop();
    QCOMPARE(messages(sink.records()).back(), std::string("C1"));
    QCOMPARE(int(follower.files()[0].truncations), 1);
    QCOMPARE(int(follower.files()[0].rotations), 0);
}

void TestLogFollower::skipsAnOverlongLine() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("app.log").toStdString();
    append(path, "{\"msg\":\"" + std::string(300000, 'x') + "\"}\n{\"msg\":\"after\"}\n");
    collecttest::VectorSink sink;
    VirtualClock clock(1767225600000);
    collecttest::IoThread io;
    LogFollowOptions o = quick({});
    o.maxLineBytes = 1000;
    LogFileOptions f;
    f.path = path;
    f.fromStart = true;
    o.files = {f};
    LogFollower follower(io.io(), o, sink, clock);
    follower.start();
    QTRY_COMPARE_WITH_TIMEOUT(int(sink.records().size()), 1, 5000);
    follower.stop();
    QCOMPARE(messages(sink.records()), std::vector<std::string>{"after"});
    QCOMPARE(follower.lastErrors().at(0), path + ":1: line is over the 1000-byte limit, skipped");
    QCOMPARE(int(follower.counters().dropped), 1);
}

void TestLogFollower::refusedBatchesArriveOnceInOrder() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("app.log").toStdString();
    std::string text;
    for (int i = 0; i < 25; ++i) text += "{\"msg\":\"m" + std::to_string(i) + "\"}\n";
    append(path, text);
    collecttest::VectorSink sink;
    sink.refuseNext(3);
    VirtualClock clock(1767225600000);
    collecttest::IoThread io;
    LogFollowOptions o = quick({});
    o.maxBatch = 10;
    LogFileOptions f;
    f.path = path;
    f.fromStart = true;
    o.files = {f};
    LogFollower follower(io.io(), o, sink, clock);
    follower.start();
    QTRY_COMPARE_WITH_TIMEOUT(int(sink.records().size()), 25, 5000);
    follower.stop();
    const auto got = messages(sink.records());
    for (int i = 0; i < 25; ++i) QCOMPARE(got[static_cast<std::size_t>(i)], "m" + std::to_string(i));
    QCOMPARE(int(follower.counters().offersRefused), 3);
    QCOMPARE(sink.accepted(), 3);  // batches of at most maxBatch
}

void TestLogFollower::badOptionsNameTheirField() {
    LogFollowOptions o;
    LogFileOptions f;
    f.path = "/tmp/x.log";
    f.format = LogFileFormat::Regex;
    f.pattern = "(?<message>.*";
    o.files = {f};
    f.pattern = "(?<msg>.*)";
    o.files.push_back(f);
    const auto problems = LogFollower::check(o);
    QCOMPARE(int(problems.size()), 2);
    QVERIFY2(QString::fromStdString(problems[0]).startsWith("files[0].pattern: "), problems[0].c_str());
    QCOMPARE(problems[1], std::string("files[1].pattern: needs a named group (?<message>...)"));
}

QTEST_GUILESS_MAIN(TestLogFollower)
#include "tst_logfollower.moc"
