// Engine: backpressure (a full queue slows the producer and loses nothing),
// stage wiring (marking stages annotate fresh outputs in place), snapshots, rejected
// inputs counted, the default pipeline's typed stage handles.
#include "correlate/IncidentCorrelator.h"
#include "detect/logs/LogAnomalyStage.h"
#include "detect/metric/MetricDetectionStage.h"
#include "engine/Engine.h"
#include "engine/Pipeline.h"
#include "record/NdjsonCodec.h"
#include "record/ThreadName.h"

#include <QtTest>

#include <array>
#include <atomic>
#include <cmath>
#include <thread>

using namespace vigil;

namespace {
// A deliberately slow stage, so producers outrun the engine.
class SlowStage final : public Stage {
public:
    bool process(const Record& in, std::vector<Record>& out) override {
        if (auto* m = std::get_if<MetricSample>(&in)) {
            if (!std::isfinite(m->value)) return false;
            std::this_thread::sleep_for(std::chrono::microseconds(20));
            if (m->value > 100) {
                Anomaly a;
                a.ts = m->ts;
                a.id = "AN-" + std::to_string(m->ts);
                a.detector = "test.threshold";
                a.series = m->series;
                a.observed = m->value;
                out.push_back(a);
            }
        }
        return true;
    }
    const char* name() const override { return "slow"; }
};
// Emits one Outcome per tick, carrying the tick time and how many inputs it saw.
class TickCounter final : public Stage {
public:
    bool process(const Record& in, std::vector<Record>&) override {
        if (std::holds_alternative<MetricSample>(in)) ++seen_;
        return true;
    }
    void tick(TimestampMs now, std::vector<Record>& out) override {
        out.push_back(Outcome{now, "tick", true, std::to_string(seen_)});
    }
    const char* name() const override { return "ticks"; }

private:
    int seen_ = 0;
};

// Emits an anomaly for each metric sample over 100; reads every kind (the default).
class Threshold final : public Stage {
public:
    bool process(const Record& in, std::vector<Record>& out) override {
        if (const auto* m = std::get_if<MetricSample>(&in); m && m->value > 100) {
            Anomaly a;
            a.ts = m->ts;
            a.id = "AN-" + std::to_string(m->ts);
            a.detector = "test.threshold";
            out.push_back(std::move(a));
        }
        return true;
    }
    const char* name() const override { return "threshold"; }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<Threshold>(*this); }
};
// Counts, per kind, the records it is handed; reads the kinds it is told. Its copies
// count into the same table (so what a restored engine hands them is seen too).
class KindCounter final : public Stage {
public:
    using Counts = std::array<int, kRecordKindCount>;
    KindCounter(std::uint32_t kinds, std::shared_ptr<Counts> counts) : kinds_(kinds), counts_(std::move(counts)) {}
    bool process(const Record& in, std::vector<Record>&) override {
        ++(*counts_)[in.index()];
        return true;
    }
    const char* name() const override { return "kinds"; }
    std::uint32_t reads() const override { return kinds_; }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<KindCounter>(*this); }

private:
    std::uint32_t kinds_;
    std::shared_ptr<Counts> counts_;
};

// A marking stage (Stage::marksOutputs()) standing in for a real one: marks every fresh
// anomaly silenced; counts the inputs it is handed and the outputs, per kind, it marks.
class MarkAnomalies final : public Stage {
public:
    bool process(const Record&, std::vector<Record>&) override {
        ++inputs;
        return true;
    }
    bool marksOutputs() const override { return true; }
    void markOutput(Record& fresh) override {
        ++marked[fresh.index()];
        if (auto* a = std::get_if<Anomaly>(&fresh)) a->silenced = true;
    }
    const char* name() const override { return "mark"; }
    std::uint32_t reads() const override {
        return kindBit(RecordKind::Anomaly) | kindBit(RecordKind::Action) | kindBit(RecordKind::Outcome);
    }
    int inputs = 0;
    std::array<int, kRecordKindCount> marked{};
};
// Keeps, for each anomaly it is handed, whether it was marked.
class MarksSeen final : public Stage {
public:
    bool process(const Record& in, std::vector<Record>&) override {
        if (const auto* a = std::get_if<Anomaly>(&in)) seen.push_back(a->silenced);
        return true;
    }
    const char* name() const override { return "seen"; }
    std::vector<bool> seen;
};

// Appends "<name>:<kind>" to a shared log for each record it is handed; refuses
// log lines when told to, with its name in the reason.
class VisitLog final : public Stage {
public:
    VisitLog(std::string name, std::uint32_t kinds, std::shared_ptr<std::vector<std::string>> log,
             bool refuseLogs = false)
        : name_(std::move(name)), kinds_(kinds), log_(std::move(log)), refuseLogs_(refuseLogs) {}
    bool process(const Record& in, std::vector<Record>&) override {
        log_->push_back(name_ + ":" + std::string(kindName(kindOf(in))));
        return !(refuseLogs_ && std::holds_alternative<LogLine>(in));
    }
    std::string lastRejectReason() const override { return name_ + " refuses log lines"; }
    const char* name() const override { return name_.c_str(); }
    std::uint32_t reads() const override { return kinds_; }

private:
    std::string name_;
    std::uint32_t kinds_;
    std::shared_ptr<std::vector<std::string>> log_;
    bool refuseLogs_;
};

std::string toNdjsonLine(const Record& r) { return toNdjson(r); }

std::vector<std::string> runWithBatchSize(std::size_t batchSize) {
    VirtualClock clock;
    Engine engine(clock);
    engine.addStage(std::make_unique<TickCounter>());
    std::vector<std::string> lines;
    engine.addSink([&](const std::vector<Record>&, const std::vector<Record>& out) {
        for (const auto& r : out) lines.push_back(toNdjsonLine(r));
    });
    engine.start();
    std::vector<Record> batch;
    for (int i = 0; i < 5000; ++i) {
        batch.push_back(MetricSample{1000 + i * 37, "s", "t", 1.0});  // ~185 s of record time
        if (batch.size() == batchSize) engine.submit(std::exchange(batch, {}));
    }
    engine.submit(std::move(batch));
    engine.stop();
    return lines;
}
}  // namespace

class TestEngine : public QObject {
    Q_OBJECT
private slots:
    // Stage::reads(): a stage is handed only the kinds it reads, inputs and earlier
    // stages' outputs alike; the default is every kind. A restored engine's copies
    // of the stages read the same kinds.
    void stagesRunOnAThreadNamedForTheEngine() {
        // top -H, perf and tools/thread-cpu.sh tell the engine's thread by its name.
        class NameProbe final : public Stage {
        public:
            explicit NameProbe(std::string& seen) : seen_(seen) {}
            bool process(const Record&, std::vector<Record>&) override {
                seen_ = thisThreadName();
                return true;
            }
            const char* name() const override { return "name-probe"; }

        private:
            std::string& seen_;
        };
        std::string seen;
        VirtualClock clock;
        Engine e(clock);
        e.addStage(std::make_unique<NameProbe>(seen));
        e.start();
        QVERIFY(e.submit({MetricSample{1000, "s", "t", 1.0}}));
        e.drain();
        e.stop();
        QCOMPARE(seen, std::string("vigil-engine"));
        QVERIFY(thisThreadName() != "vigil-engine");
        // Names over Linux's 15 bytes are cut, not refused.
        std::string cut;
        std::thread([&cut] {
            nameThisThread("vigil-a-name-longer-than-fifteen");
            cut = thisThreadName();
        }).join();
        QCOMPARE(cut, std::string("vigil-a-name-lo"));
    }
    void stagesAreHandedOnlyTheKindsTheyRead() {
        VirtualClock clock;
        EngineOptions o;
        o.tickIntervalMs = 1'000'000'000;  // no ticks in this test: only records
        Engine engine(clock, o);
        auto metrics = std::make_shared<KindCounter::Counts>(), anomalies = std::make_shared<KindCounter::Counts>(),
             all = std::make_shared<KindCounter::Counts>();
        engine.addStage(std::make_unique<KindCounter>(kindBit(RecordKind::Metric), metrics));
        engine.addStage(std::make_unique<Threshold>());
        engine.addStage(std::make_unique<KindCounter>(kindBit(RecordKind::Anomaly), anomalies));
        engine.addStage(std::make_unique<KindCounter>(kAllKinds, all));
        engine.start();
        auto batch = [](TimestampMs t0) {
            std::vector<Record> b;
            for (int i = 0; i < 10; ++i) b.push_back(MetricSample{t0 + i, "s", "t", i % 2 ? 150.0 : 50.0});
            b.push_back(LogLine{t0 + 10, "agent-01", LogLevel::Info, "hello"});
            TaskEvent t;
            t.ts = t0 + 11;
            t.task_id = "t1";
            t.agent = "agent-01";
            b.push_back(std::move(t));
            return b;
        };
        QVERIFY(engine.submit(batch(1000)));
        engine.drain();
        const int M = int(RecordKind::Metric), A = int(RecordKind::Anomaly), L = int(RecordKind::Log),
                  T = int(RecordKind::Task);
        QCOMPARE((*metrics)[M], 10);
        QCOMPARE((*metrics)[A] + (*metrics)[L] + (*metrics)[T], 0);
        QCOMPARE((*anomalies)[A], 5);  // the threshold stage's outputs
        QCOMPARE((*anomalies)[M] + (*anomalies)[L] + (*anomalies)[T], 0);
        QCOMPARE((*all)[M], 10);
        QCOMPARE((*all)[A], 5);
        QCOMPARE((*all)[L], 1);
        QCOMPARE((*all)[T], 1);

        const auto saved = engine.saveState();
        QVERIFY(saved);
        engine.restoreState(*saved);
        QVERIFY(engine.submit(batch(2000)));
        engine.drain();
        QCOMPARE((*metrics)[M], 20);
        QCOMPARE((*metrics)[A] + (*metrics)[L] + (*metrics)[T], 0);
        QCOMPARE((*anomalies)[A], 10);
        QCOMPARE((*anomalies)[M] + (*anomalies)[L] + (*anomalies)[T], 0);
        QCOMPARE((*all)[L], 2);
        engine.stop();
    }

    // An input that makes no output visits only the stages that read its kind, in
    // order; from the first stage that emits, every later stage is handed the outputs
    // (the kinds it reads) whatever it reads of the input. A refusal is counted once
    // a record, its reason taken from the first stage that refused.
    void onlyReadersAreVisitedUntilAStageEmits() {
        VirtualClock clock;
        EngineOptions o;
        o.tickIntervalMs = 1'000'000'000;
        Engine engine(clock, o);
        auto log = std::make_shared<std::vector<std::string>>();
        const auto M = kindBit(RecordKind::Metric), L = kindBit(RecordKind::Log), A = kindBit(RecordKind::Anomaly);
        engine.addStage(std::make_unique<VisitLog>("a", L, log, true));
        engine.addStage(std::make_unique<VisitLog>("b", M, log));
        engine.addStage(std::make_unique<Threshold>());  // reads every kind; emits on values over 100
        engine.addStage(std::make_unique<VisitLog>("c", A | L, log, true));
        engine.addStage(std::make_unique<VisitLog>("d", M | A, log));
        engine.start();
        QVERIFY(engine.submit({MetricSample{1000, "s", "t", 50.0}, LogLine{1001, "agent-01", LogLevel::Info, "x"},
                               MetricSample{1002, "s", "t", 150.0}}));
        const auto snap = engine.snapshotNow();
        const std::vector<std::string> want{
            "b:metric", "d:metric",                           // a quiet sample: only its readers
            "a:log",    "c:log",                              // a log line both a and c refuse
            "b:metric", "c:anomaly", "d:metric", "d:anomaly"  // the threshold's anomaly reaches c and d
        };
        QCOMPARE(*log, want);
        QCOMPARE(snap->counters.rejected, std::int64_t(1));  // one record, two refusals
        QCOMPARE(snap->counters.rejectReasons.size(), std::size_t(1));
        QCOMPARE(snap->counters.rejectReasons.front(), std::string("a: a refuses log lines"));
        engine.stop();
    }

    // A marking stage changes the earlier stages' fresh outputs (from inputs and from
    // ticks) in place before the later stages and the sinks see them; it is handed
    // inputs of the kinds it reads to observe, never to mark, and never sees the
    // outputs of the stages after it.
    void markingStagesAnnotateFreshOutputsInPlace() {
        VirtualClock clock;
        Engine engine(clock);
        engine.addStage(std::make_unique<TickCounter>());  // an Outcome per tick
        engine.addStage(std::make_unique<Threshold>());
        auto marker = std::make_unique<MarkAnomalies>();
        auto seen = std::make_unique<MarksSeen>();
        MarkAnomalies* const m = marker.get();
        MarksSeen* const later = seen.get();
        engine.addStage(std::move(marker));
        engine.addStage(std::move(seen));
        engine.addStage(std::make_unique<Threshold>());  // after the marker: its anomalies stay unmarked
        int markedOut = 0, plainOut = 0, outcomesOut = 0;
        engine.addSink([&](const std::vector<Record>&, const std::vector<Record>& outputs) {
            for (const Record& r : outputs) {
                if (const auto* a = std::get_if<Anomaly>(&r)) ++(a->silenced ? markedOut : plainOut);
                outcomesOut += std::holds_alternative<Outcome>(r);
            }
        });
        engine.start();
        Action input;
        input.ts = 3500;
        input.id = "act-1";
        engine.submit({MetricSample{1000, "s", "t", 500.0}, MetricSample{2000, "s", "t", 5.0},
                       MetricSample{3000, "s", "t", 500.0}, Record(input)});
        engine.stop();

        QCOMPARE(m->inputs, 1);  // the action: the metric samples are not of its kinds
        QCOMPARE(m->marked[int(RecordKind::Anomaly)], 2);
        QCOMPARE(later->seen, (std::vector<bool>{true, true}));
        QCOMPARE(markedOut, 2);
        QCOMPARE(plainOut, 2);
        QVERIFY(outcomesOut > 0);
        QCOMPARE(m->marked[int(RecordKind::Outcome)], outcomesOut);  // the ticks' outputs too
        QCOMPARE(m->marked[int(RecordKind::Action)], 0);             // an input is observed, not marked
    }

    void fullQueueSlowsProducerAndLosesNothing() {
        VirtualClock clock;
        EngineOptions o;
        o.queueCapacity = 2;
        Engine engine(clock, o);
        engine.addStage(std::make_unique<SlowStage>());
        std::atomic<std::int64_t> sunk{0}, anomalies{0};
        engine.addSink([&](const std::vector<Record>& in, const std::vector<Record>& out) {
            sunk += std::int64_t(in.size());
            anomalies += std::int64_t(out.size());
        });
        engine.start();
        const int batches = 200, perBatch = 50;
        std::size_t maxDepth = 0;
        for (int b = 0; b < batches; ++b) {
            std::vector<Record> batch;
            for (int i = 0; i < perBatch; ++i) {
                const int n = b * perBatch + i;
                batch.push_back(MetricSample{n, "s", "t", double(n % 200)});
            }
            QVERIFY(engine.submit(std::move(batch)));
            maxDepth = std::max(maxDepth, engine.queueDepth());
        }
        engine.drain();
        QVERIFY(maxDepth <= o.queueCapacity);   // bounded
        QVERIFY(engine.producerWaits() > 0);    // the producer was slowed
        QCOMPARE(sunk.load(), std::int64_t(batches * perBatch));  // nothing lost
        QCOMPARE(anomalies.load(), std::int64_t(batches * perBatch / 200 * 99));
        auto snap = engine.snapshotNow();
        QCOMPARE(snap->counters.inputs(), std::int64_t(batches * perBatch));
        QCOMPARE(snap->counters.outputsPerKind[int(RecordKind::Anomaly)], anomalies.load());
        engine.stop();
    }

    // The collectors' path: a full queue refuses without blocking and leaves the
    // batch with the caller; once the engine catches up the same batch goes in.
    void trySubmitRefusesWhenFullAndKeepsTheBatch() {
        VirtualClock clock;
        EngineOptions o;
        o.queueCapacity = 1;
        Engine engine(clock, o);
        std::atomic<bool> release{false};
        std::atomic<std::int64_t> sunk{0};
        engine.addSink([&](const std::vector<Record>& in, const std::vector<Record>&) {
            while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            sunk += std::int64_t(in.size());
        });
        engine.start();
        std::vector<Record> first{MetricSample{1, "s", "t", 1.0}};
        QVERIFY(engine.trySubmit(first));  // taken by the engine thread, which then waits in the sink
        QVERIFY(first.empty());
        // Fill the one queue slot (the engine may not have popped `first` yet: retry until it has).
        std::vector<Record> second{MetricSample{2, "s", "t", 2.0}};
        while (!engine.trySubmit(second)) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        std::vector<Record> third{MetricSample{3, "s", "t", 3.0}, MetricSample{4, "s", "t", 4.0}};
        const auto refusedBefore = engine.submitRefusals();
        QVERIFY(!engine.trySubmit(third));
        QCOMPARE(third.size(), std::size_t(2));  // kept for the next offer
        QCOMPARE(std::get<MetricSample>(third[1]).value, 4.0);
        QCOMPARE(engine.submitRefusals(), refusedBefore + 1);
        release = true;
        while (!engine.trySubmit(third)) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        engine.drain();
        QCOMPARE(sunk.load(), std::int64_t(4));
        engine.stop();
    }

    void spentBatchesComeBackWholeAfterTheSinks() {
        // EngineOptions::spentBatches: each input batch, records intact, after every sink
        // had it, in submission order (the replay frees them on its own thread).
        VirtualClock clock;
        EngineOptions o;
        std::vector<std::vector<Record>> spent;  // engine thread only until drain()
        std::int64_t sunk = 0;
        std::vector<std::int64_t> sunkAtHandBack;
        o.spentBatches = [&](std::vector<Record>&& b) {
            sunkAtHandBack.push_back(sunk);
            spent.push_back(std::move(b));
        };
        Engine engine(clock, o);
        engine.addSink(
            [&](const std::vector<Record>& in, const std::vector<Record>&) { sunk += std::int64_t(in.size()); });
        engine.start();
        for (int b = 0; b < 3; ++b) {
            std::vector<Record> batch;
            for (int i = 0; i < 100; ++i)
                batch.push_back(MetricSample{1000 * b + i, "worker.queue_depth", "pool:wallet_monitor", double(i)});
            QVERIFY(engine.submit(std::move(batch)));
        }
        engine.drain();
        engine.stop();
        QCOMPARE(spent.size(), std::size_t(3));
        QCOMPARE(sunkAtHandBack, (std::vector<std::int64_t>{100, 200, 300}));  // after the sinks
        for (int b = 0; b < 3; ++b) {
            QCOMPARE(spent[b].size(), std::size_t(100));
            const auto& last = std::get<MetricSample>(spent[b].back());
            QCOMPARE(last.ts, TimestampMs(1000 * b + 99));
            QCOMPARE(last.target, std::string("pool:wallet_monitor"));  // the strings are still there
        }
        QCOMPARE(engine.recordsProcessed(), std::int64_t(300));
    }
    void snapshotCarriesSeriesAndFleet() {
        VirtualClock clock;
        EngineOptions o;
        o.snapshot.seriesCapacity = 10;
        Engine engine(clock, o);
        engine.start();
        std::vector<Record> batch;
        for (int i = 0; i < 25; ++i) batch.push_back(MetricSample{1000 + i, "rpc.latency_ms", "rpc:a", double(i)});
        batch.push_back(TaskEvent{2000, "t1", "agent-1", "rebalance", TaskState::Failed, "rpc:a", "timeout", 10});
        batch.push_back(TaskEvent{2001, "t2", "agent-1", "rebalance", TaskState::Succeeded, "rpc:a", "", 10});
        engine.submit(std::move(batch));
        auto snap = engine.snapshotNow();
        QCOMPARE(snap->series.size(), std::size_t(1));
        const auto& pts = snap->series[0].points;
        QCOMPARE(pts.size(), std::size_t(10));          // ring buffer bounded
        QCOMPARE(pts.front().value, 15.0);              // oldest kept, in order
        QCOMPARE(pts.back().value, 24.0);
        QCOMPARE(snap->agents.size(), std::size_t(1));
        QCOMPARE(snap->agents[0].failed, 1);
        QCOMPARE(snap->agents[0].succeeded, 1);
        QCOMPARE(snap->agents[0].lastError, std::string("timeout"));
        QCOMPARE(snap->engineTime, TimestampMs(2001));
        const auto seq = snap->sequence;
        QVERIFY(engine.snapshotNow()->sequence > seq);
    }

    // Headless runs (vigilctl replay, what-if) keep no chart points: capacity 0 means
    // none, not one; the rest of the snapshot is as before.
    void snapshotWithoutChartPointsStillCarriesTheFleet() {
        VirtualClock clock;
        EngineOptions o;
        o.snapshot.seriesCapacity = 0;
        Engine engine(clock, o);
        engine.start();
        std::vector<Record> batch;
        for (int i = 0; i < 25; ++i) batch.push_back(MetricSample{1000 + i, "rpc.latency_ms", "rpc:a", double(i)});
        batch.push_back(TaskEvent{2000, "t1", "agent-1", "rebalance", TaskState::Failed, "rpc:a", "timeout", 10});
        engine.submit(std::move(batch));
        auto snap = engine.snapshotNow();
        QVERIFY(snap->series.empty());
        QCOMPARE(snap->agents.size(), std::size_t(1));
        QCOMPARE(snap->agents[0].failed, 1);
        QCOMPARE(snap->engineTime, TimestampMs(2000));
        QCOMPARE(snap->counters.inputsPerKind[std::size_t(RecordKind::Metric)], std::int64_t(25));
    }

    void rejectedInputsAreCounted() {
        VirtualClock clock;
        Engine engine(clock);
        engine.addStage(std::make_unique<SlowStage>());
        engine.start();
        engine.submit({MetricSample{1, "s", "t", NAN}, MetricSample{2, "s", "t", 1.0}});
        auto snap = engine.snapshotNow();
        QCOMPARE(snap->counters.rejected, 1);
        QCOMPARE(snap->counters.inputs(), 2);
    }

    void snapshotNowCoversEverythingSubmitted() {
        VirtualClock clock;
        Engine engine(clock);
        engine.start();
        std::int64_t n = 0;
        for (int b = 0; b < 40; ++b) {
            std::vector<Record> batch;
            for (int i = 0; i < 1000; ++i) batch.push_back(MetricSample{n++, "s", "t", 1.0});
            engine.submit(std::move(batch));
            if (b == 3) engine.requestSnapshot();  // an earlier async request must not satisfy snapshotNow
        }
        QCOMPARE(engine.snapshotNow()->counters.inputs(), n);
    }

    void ticksFollowRecordTimeNotBatching() {
        const auto a = runWithBatchSize(1);
        const auto b = runWithBatchSize(1000);
        QVERIFY(a.size() > 150);  // one tick per second of record time
        QCOMPARE(a, b);           // same log ⇒ same outputs, however it was batched
    }

    void requestSnapshotPublishesWhileIdle() {
        VirtualClock clock;
        Engine engine(clock);
        engine.start();
        QVERIFY(!engine.latestSnapshot());
        engine.requestSnapshot();
        QTRY_VERIFY_WITH_TIMEOUT(engine.latestSnapshot() != nullptr, 5000);
    }

    void defaultPipelineHandlesAreTheLiveStages_data() {
        QTest::addColumn<bool>("metrics");
        QTest::addColumn<bool>("logs");
        QTest::newRow("everything") << true << true;
        QTest::newRow("no metric stage") << false << true;
        QTest::newRow("no log stage") << true << false;
    }
    void defaultPipelineHandlesAreTheLiveStages() {
        QFETCH(bool, metrics);
        QFETCH(bool, logs);
        VirtualClock clock;
        Engine engine(clock);
        PipelineConfig cfg;
        cfg.detect.metrics = metrics;
        cfg.detect.logs = logs;
        const PipelineStages stages = installDefaultStages(engine, cfg);
        QCOMPARE(stages.metrics != nullptr, metrics);
        QCOMPARE(stages.logs != nullptr, logs);
        QVERIFY(stages.incidents);
        engine.start();
        // An endpoint failing every task: the event detectors report it.
        std::vector<Record> batch;
        for (int i = 0; i < 600; ++i)
            batch.push_back(TaskEvent{1'767'225'600'000 + i * 500, "t" + std::to_string(i), "agent-01", "rebalance",
                                      TaskState::Failed, "rpc:a", "timeout", 10});
        engine.submit(std::move(batch));
        const auto snap = engine.snapshotNow();
        engine.stop();
        // The handle is the stage that ran: the correlator saw every anomaly the engine counted.
        const auto anomalies = snap->counters.outputsPerKind[int(RecordKind::Anomaly)];
        QVERIFY(anomalies > 0);
        QCOMPARE(stages.incidents->counters().anomalies, anomalies);
        QVERIFY(stages.incidents->topology().linked("agent:agent-01", "rpc:a"));
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
