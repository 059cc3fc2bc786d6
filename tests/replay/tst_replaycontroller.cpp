// The replay controller: the same recording gives byte-identical incidents and
// actions at any speed, after pauses, steps and seeks back and forth; bad
// recordings are reported line by line and the replay goes on; actions are
// simulated, never sent.
#include "ReplayTestSupport.h"

#include "common/ReplayPipeline.h"
#include "replay/ReplayController.h"

#include <QTemporaryDir>

#include <atomic>
#include <memory>
#include <QTest>

using namespace vigil;

namespace {
constexpr std::int64_t kSeconds = 900;

struct Run {
    std::unique_ptr<app::ReplayPipeline> pipeline;
    std::unique_ptr<ReplayController> replay;
};

Run openRun(const std::string& path, ReplayControllerOptions opts = {}) {
    Run r;
    std::string error;
    r.pipeline = app::ReplayPipeline::create({}, error);
    if (!r.pipeline) qFatal("policy: %s", error.c_str());
    r.replay = std::make_unique<ReplayController>(r.pipeline->installer(), opts);
    if (!r.replay->open(path, error)) qFatal("open: %s", error.c_str());
    return r;
}

std::string straight(const std::string& path) {
    Run r = openRun(path);
    r.replay->play();
    r.replay->waitIdle();
    return r.replay->outputs().serialize();
}
}  // namespace

class TestReplayController : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string gz_, plain_;
    std::string expected_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const std::string text = replaytest::cascadeText(kSeconds);
        gz_ = dir_.filePath(QStringLiteral("cascade.ndjson.gz")).toStdString();
        plain_ = dir_.filePath(QStringLiteral("cascade.ndjson")).toStdString();
        QVERIFY(replaytest::writeFile(gz_, text, true));
        QVERIFY(replaytest::writeFile(plain_, text, false));
        expected_ = straight(gz_);
    }

    void straightRunFindsTheCascadeAndIsRepeatable() {
        Run r = openRun(gz_);
        r.replay->play();
        r.replay->waitIdle();
        const auto out = r.replay->outputs();
        const auto p = r.replay->progress();
        QVERIFY(p.finished);
        QVERIFY(!p.playing);
        QCOMPARE(p.fraction, 1.0);
        QVERIFY2(out.incidents.size() >= 1, "the cascade opens an incident");
        QVERIFY2(!out.actions.empty(), "the planner plans for it");
        QVERIFY(p.first != ReplayProgress::kUnknown && p.last > p.first);
        QCOMPARE(p.now, p.last);
        QVERIFY(p.checkpoints >= 10);  // one a minute of a 15-minute recording
        QCOMPARE(out.serialize(), expected_);
        QCOMPARE(straight(plain_), expected_);  // plain and gzip alike
    }

    // The reader runs at most the engine's queue ahead: 32 batches of 1 024 records
    // unless told otherwise (the live default of 64 batches of 4 096 held tens of MB of
    // records in flight). How far ahead it may run and how the records are cut into
    // batches change nothing in the outputs, from one batch of 64 in flight to the
    // earlier 16 batches of 4 096.
    void queuedBatchesAreBoundedAndDoNotChangeTheOutputs() {
        Run byDefault = openRun(gz_);
        QCOMPARE(byDefault.replay->engine().queueCapacity(), std::size_t(32));
        QCOMPARE(ReplayControllerOptions{}.batchRecords, std::size_t(1024));
        ReplayControllerOptions tight, coarse;
        tight.engine.queueCapacity = 1;
        tight.batchRecords = 64;
        coarse.engine.queueCapacity = 16;
        coarse.batchRecords = 4096;
        for (const auto& opts : {tight, coarse}) {
            Run r = openRun(gz_, opts);
            QCOMPARE(r.replay->engine().queueCapacity(), opts.engine.queueCapacity);
            r.replay->play();
            r.replay->waitIdle();
            QVERIFY(r.replay->progress().finished);
            QCOMPARE(r.replay->outputs().serialize(), expected_);
        }
    }

    void seeksBackAndForthThenToTheEndGiveTheStraightRun() {
        Run r = openRun(gz_);
        const auto start = FleetSimulator::kDefaultStart;
        r.replay->seek(start + 600'000);  // forward, nothing replayed yet
        r.replay->waitIdle();
        QCOMPARE(r.replay->progress().now <= start + 600'000, true);
        QVERIFY(r.replay->progress().now > start + 590'000);
        const auto checkpoints = r.replay->progress().checkpoints;
        QVERIFY(checkpoints >= 5);
        r.replay->seek(start + 120'000);  // back: from a checkpoint
        r.replay->waitIdle();
        QVERIFY(r.replay->progress().now <= start + 120'000);
        QVERIFY(r.replay->progress().now > start + 110'000);
        QCOMPARE(r.replay->progress().checkpoints, checkpoints);  // the way was known
        r.replay->seek(start + 450'000);
        r.replay->waitIdle();
        r.replay->seek(start + 30'000);
        r.replay->waitIdle();
        r.replay->seek(start - 1);  // before the first record: the very start
        r.replay->waitIdle();
        QCOMPARE(r.replay->progress().records, std::int64_t(0));
        QCOMPARE(r.replay->progress().anomalies, std::int64_t(0));
        r.replay->seek(start + 700'000);
        r.replay->waitIdle();
        r.replay->play();
        r.replay->waitIdle();
        QCOMPARE(r.replay->progress().seeks, std::int64_t(6));
        QCOMPARE(r.replay->outputs().serialize(), expected_);
    }

    // Checkpoints take at most checkpointBytes together: beyond it every other one
    // goes and the spacing doubles, and seeks from the fewer checkpoints left still
    // give the straight run. Each checkpoint here "takes" 1 MB (the heap count is
    // the test's), the budget is 4 MB: a 15-minute recording would keep 15.
    // Knowing the recording's end, the replay starts at the spacing thinning would reach:
    // every checkpoint it takes is kept (none copied only to be dropped), where without
    // the end it takes many more on the way. The heap count is called twice a checkpoint.
    void aKnownEndSetsTheSpacingAtOnce() {
        auto taken = [&](bool findEnd) {
            ReplayControllerOptions opts;
            opts.findEnd = findEnd;
            opts.checkpointEveryMs = 5'000;  // 900 s of recording: 180 spacings, max 32 kept
            auto calls = std::make_shared<std::atomic<std::size_t>>(0);
            opts.heapInUse = [calls] { return calls->fetch_add(1); };
            Run r = openRun(plain_, opts);
            r.replay->play();
            r.replay->waitIdle();
            const auto p = r.replay->progress();
            if (!p.finished || r.replay->outputs().serialize() != expected_) qFatal("the run went wrong");
            return std::pair{calls->load() / 2, std::size_t(p.checkpoints)};
        };
        const auto [withEnd, keptWithEnd] = taken(true);
        const auto [withoutEnd, keptWithoutEnd] = taken(false);
        QVERIFY2(withEnd == keptWithEnd, qPrintable(QString("%1 taken, %2 kept").arg(withEnd).arg(keptWithEnd)));
        QVERIFY(keptWithEnd >= 16 && keptWithEnd <= 32);
        QVERIFY2(withoutEnd > withEnd + 16, qPrintable(QString("%1 vs %2").arg(withoutEnd).arg(withEnd)));
        QVERIFY(keptWithoutEnd <= 32);
    }

    // The spacing from the end copes with a log whose first and last times are int64
    // extremes (their signed difference overflows; UBSan in the sanitizer build).
    void aKnownEndFarFromTheStartIsNoOverflow() {
        const std::string path = dir_.filePath(QStringLiteral("extremes.ndjson")).toStdString();
        const std::string text =
            "{\"v\":1,\"kind\":\"metric\",\"ts\":-9223372036854775807,\"series\":\"s\",\"target\":\"t\",\"value\":1}\n"
            "{\"v\":1,\"kind\":\"metric\",\"ts\":9223372036854775807,\"series\":\"s\",\"target\":\"t\",\"value\":2}\n";
        QVERIFY(replaytest::writeFile(path, text, false));
        Run r = openRun(path);
        r.replay->play();
        r.replay->waitIdle();
        const auto p = r.replay->progress();
        QVERIFY(p.finished);
        QCOMPARE(p.records, std::int64_t(2));
        QVERIFY(p.checkpoints >= 1);
    }

    void checkpointsStayWithinTheirByteBudgetAndSeeksStillAgree() {
        ReplayControllerOptions opts;
        auto calls = std::make_shared<std::atomic<std::size_t>>(0);
        opts.heapInUse = [calls] { return calls->fetch_add(1) * (std::size_t(1) << 20); };
        opts.checkpointBytes = std::size_t(4) << 20;
        Run r = openRun(gz_, opts);
        r.replay->play();
        r.replay->waitIdle();
        auto p = r.replay->progress();
        QVERIFY(p.finished);
        QVERIFY2(p.checkpoints >= 2 && p.checkpoints <= 4, qPrintable(QString::number(p.checkpoints)));
        QVERIFY(p.checkpointBytes <= std::int64_t(4) << 20);
        QCOMPARE(p.checkpointBytes, p.checkpoints << 20);
        QCOMPARE(r.replay->outputs().serialize(), expected_);
        const auto start = FleetSimulator::kDefaultStart;
        for (const TimestampMs at : {start + 700'000, start + 100'000, start + 450'000}) {
            r.replay->seek(at);
            r.replay->waitIdle();
            QVERIFY(r.replay->progress().now <= at);
            QVERIFY(r.replay->progress().checkpoints <= 4);
        }
        r.replay->play();
        r.replay->waitIdle();
        QCOMPARE(r.replay->outputs().serialize(), expected_);
        QVERIFY(r.replay->progress().checkpointBytes <= std::int64_t(4) << 20);
    }

    void seekBackAfterTheEndReplaysTheSame() {
        Run r = openRun(plain_);
        r.replay->play();
        r.replay->waitIdle();
        const auto digest = r.replay->outputs().digest;
        r.replay->seek(FleetSimulator::kDefaultStart + 200'000);
        r.replay->waitIdle();
        QVERIFY(!r.replay->progress().finished);
        QVERIFY(r.replay->outputs().digest != digest);
        r.replay->play();
        r.replay->waitIdle();
        QVERIFY(r.replay->progress().finished);
        QCOMPARE(r.replay->outputs().digest, digest);
        QCOMPARE(r.replay->outputs().serialize(), expected_);
    }

    void stepsAndSpeedsGiveTheSameOutputs() {
        Run r = openRun(gz_);
        r.replay->stepTo(ReplayStep::Anomaly);
        r.replay->waitIdle();
        auto p = r.replay->progress();
        QVERIFY(!p.finished);
        QVERIFY(!p.playing);
        QVERIFY(p.anomalies >= 1);
        QCOMPARE(p.incidents, std::int64_t(0));
        r.replay->stepTo(ReplayStep::Incident);
        r.replay->waitIdle();
        p = r.replay->progress();
        QVERIFY(!p.finished);
        QCOMPARE(p.incidents, std::int64_t(1));
        // Paced at 1000x for a moment (about 100 s of record time), then as fast as possible.
        r.replay->setSpeed(1000);
        r.replay->play();
        QTest::qWait(100);
        // On a loaded machine 100 ms may pass before the replay thread runs at all.
        QTRY_VERIFY_WITH_TIMEOUT(r.replay->progress().now > p.now, 20'000);
        r.replay->pause();
        r.replay->waitIdle();
        QVERIFY(r.replay->progress().now > p.now);
        QCOMPARE(r.replay->progress().speed, 1000.0);
        r.replay->setSpeed(0);
        r.replay->play();
        r.replay->waitIdle();
        QCOMPARE(r.replay->outputs().serialize(), expected_);
    }

    void actionsAreSimulatedNeverSent() {
        Run r = openRun(gz_);
        r.replay->play();
        r.replay->waitIdle();
        const auto out = r.replay->outputs();
        const auto& handed = r.pipeline->actuator().recorded();
        // Every action the planner carried out went to the recording actuator, and
        // its outcome says it was simulated; there is no other actuator in a replay.
        std::size_t executing = 0;
        for (const auto& a : out.actions)
            if (a.status == ActionStatus::Executing) ++executing;
        QVERIFY(executing > 0);
        QCOMPARE(handed.size(), executing);
        for (const auto& a : handed) {
            const auto it = out.outcomes.find(a.id);
            QVERIFY2(it != out.outcomes.end(), a.id.c_str());
            QVERIFY2(it->second.detail.rfind("simulated", 0) == 0, it->second.detail.c_str());
        }
    }

    void badRecordingIsReportedLineByLineAndGoesOn() {
        const std::string good = replaytest::cascadeText(120);
        std::vector<std::string> lines;
        for (std::size_t at = 0; at < good.size();) {
            const auto nl = good.find('\n', at);
            lines.push_back(good.substr(at, nl - at));
            at = nl + 1;
        }
        const std::size_t n = lines.size();
        QVERIFY(n > 1000);
        // Line 11: not JSON. Line 21: another wire version. Line 31 swapped with a
        // later one (under 1.5 s apart: put back in order). Line n/2+1: line 6 again, about
        // a minute behind its neighbours: beyond the 2 s window, reported.
        lines[10] = "{not json";
        QVERIFY(lines[20].find("\"v\":1,") != std::string::npos);
        lines[20].replace(lines[20].find("\"v\":1,"), 6, "\"v\":9,");
        Record old;
        std::string error;
        NdjsonDecoder dec;
        auto tsOf = [&](const std::string& l) {
            Record r;
            return dec.decodeCopy(l, r, error) ? timestampOf(r) : TimestampMs(-1);
        };
        std::size_t later = 31;
        while (later < 300 && !(tsOf(lines[later]) > tsOf(lines[30]) && tsOf(lines[later]) < tsOf(lines[30]) + 1500)) ++later;
        QVERIFY(later < 300);
        std::swap(lines[30], lines[later]);
        QVERIFY(dec.decodeCopy(lines[5], old, error));
        QVERIFY(std::holds_alternative<MetricSample>(old));
        const std::size_t lateAt = n / 2;
        lines.insert(lines.begin() + std::ptrdiff_t(lateAt), toNdjson(old));
        std::string text;
        for (const auto& l : lines) text += l + "\n";
        // Cut the gzip stream short: the last lines are lost, said with the offset.
        const std::string full = dir_.filePath(QStringLiteral("bad-full.ndjson.gz")).toStdString();
        QVERIFY(replaytest::writeFile(full, text, true));
        QFile f(QString::fromStdString(full));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const std::string cut = dir_.filePath(QStringLiteral("bad.ndjson.gz")).toStdString();
        QVERIFY(replaytest::writeFile(cut, bytes.left(bytes.size() * 3 / 4).toStdString(), false));

        Run r = openRun(cut);
        r.replay->play();
        r.replay->waitIdle();
        const auto p = r.replay->progress();
        QVERIFY(p.finished);
        QCOMPARE(p.malformed, std::int64_t(2));
        QVERIFY(p.reordered >= 1);
        QCOMPARE(p.late, std::int64_t(1));
        QVERIFY2(p.error.find("truncated gzip") != std::string::npos, p.error.c_str());
        QVERIFY(p.records > std::int64_t(n / 2));  // it went on past every bad line
        const auto problems = r.replay->problems();
        auto has = [&](const std::string& s) {
            for (const auto& m : problems)
                if (m.find(s) != std::string::npos) return true;
            return false;
        };
        QVERIFY(has(cut + ":11: "));
        QVERIFY(has(cut + ":21: unsupported wire version 9"));
        QVERIFY(has(cut + ":" + std::to_string(lateAt + 1) + ": timestamp "));
        QVERIFY(has("beyond the 2000 ms reorder window"));
        QVERIFY(has("truncated gzip"));
    }

    void openErrorsNameTheFile() {
        ReplayController replay;
        std::string error;
        QVERIFY(!replay.open("/nonexistent/x.ndjson", error));
        QVERIFY2(error.find("/nonexistent/x.ndjson") == 0, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestReplayController)
#include "tst_replaycontroller.moc"
