// Engine time against hostile timestamps (issue #7, item 4): a record far ahead of
// engine time, or outside 1970..2100, is refused one by one with a reason and never
// moves engine time; a stream that really moved on (a resumed recording) is followed;
// `rejected` counts inputs, never more than there are.
#include "engine/Engine.h"
#include "engine/Pipeline.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace vigil;

namespace {

constexpr TimestampMs kT0 = 1'767'225'600'000;  // 2026-01-01

// Remembers the timestamps of the metric samples that reached the stages.
class SeenTimes final : public Stage {
public:
    explicit SeenTimes(std::vector<TimestampMs>& seen) : seen_(seen) {}
    bool process(const Record& in, std::vector<Record>&) override {
        if (const auto* m = std::get_if<MetricSample>(&in)) seen_.push_back(m->ts);
        return true;
    }
    const char* name() const override { return "seen"; }

private:
    std::vector<TimestampMs>& seen_;
};

MetricSample sample(TimestampMs ts, double v = 1.0) { return MetricSample{ts, "rpc.latency_ms", "rpc:a", v}; }

bool anyContains(const std::vector<std::string>& v, const char* what) {
    for (const auto& s : v)
        if (s.find(what) != std::string::npos) return true;
    return false;
}

}  // namespace

class TestTimeGate : public QObject {
    Q_OBJECT
private slots:
    void farOffRecordsAreRefusedOneByOne() {
        VirtualClock clock;
        Engine engine(clock);
        std::vector<TimestampMs> seen;
        engine.addStage(std::make_unique<SeenTimes>(seen));
        engine.start();
        std::vector<Record> batch;
        int bad = 0;
        for (int i = 0; i < 600; ++i) {
            batch.push_back(sample(kT0 + i * 1000));
            switch (i) {
            case 100: batch.push_back(sample(kLatestTimestampMs)); ++bad; break;               // 2100-01-01
            case 200: batch.push_back(sample(std::numeric_limits<TimestampMs>::max())); ++bad; break;
            case 300: batch.push_back(sample(kT0 + 365LL * 86'400'000)); ++bad; break;       // a year ahead
            case 400: batch.push_back(sample(std::numeric_limits<TimestampMs>::min())); ++bad; break;
            case 450: batch.push_back(sample(-5)); ++bad; break;
            default: break;
            }
            if (batch.size() >= 64) engine.submit(std::exchange(batch, {}));
        }
        engine.submit(std::move(batch));
        auto snap = engine.snapshotNow();
        engine.stop();
        QCOMPARE(seen.size(), std::size_t(600));  // only the valid ones reached the stages
        QCOMPARE(seen.back(), kT0 + 599'000);
        QCOMPARE(snap->engineTime, kT0 + 599'000);  // engine time never jumped
        QCOMPARE(snap->counters.inputs(), std::int64_t(600 + bad));
        QCOMPARE(snap->counters.rejected, std::int64_t(bad));
        QCOMPARE(snap->counters.rejectedTime, std::int64_t(bad));
        QCOMPARE(snap->counters.timeResyncs, std::int64_t(0));
        QCOMPARE(snap->counters.rejectReasons.size(), std::size_t(5));
        QVERIFY(anyContains(snap->counters.rejectReasons, "ahead of engine time 2026-01-01T00:05:00.000Z"));
        QVERIFY(anyContains(snap->counters.rejectReasons, "ts 9223372036854775807: outside 1970-01-01..2100-01-01"));
        QVERIFY(anyContains(snap->counters.rejectReasons, "ts -5: outside"));
    }

    void bogusFirstRecordDoesNotPoisonTheRest() {
        // A first record at 0 (a producer that forgot its clock) sets engine time to
        // 1970; the real stream is then "56 years ahead". After a short run of records
        // agreeing on their time, engine time follows them.
        VirtualClock clock;
        EngineOptions o;
        Engine engine(clock, o);
        std::vector<TimestampMs> seen;
        engine.addStage(std::make_unique<SeenTimes>(seen));
        engine.start();
        std::vector<Record> batch{sample(0)};
        for (int i = 0; i < 100; ++i) batch.push_back(sample(kT0 + i * 1000));
        engine.submit(std::move(batch));
        auto snap = engine.snapshotNow();
        engine.stop();
        QCOMPARE(snap->engineTime, kT0 + 99'000);
        QCOMPARE(snap->counters.timeResyncs, std::int64_t(1));
        QCOMPARE(snap->counters.rejectedTime, std::int64_t(o.resyncAfterRecords - 1));
        QCOMPARE(seen.size(), std::size_t(1 + 100 - (o.resyncAfterRecords - 1)));
    }

    void resumedRecordingIsFollowed() {
        // An hour of silence, then the fleet talks again: 31 records refused, then on.
        VirtualClock clock;
        Engine engine(clock);
        engine.start();
        std::vector<Record> batch;
        for (int i = 0; i < 60; ++i) batch.push_back(sample(kT0 + i * 1000));
        for (int i = 0; i < 100; ++i) batch.push_back(sample(kT0 + 3'600'000 + i * 1000));
        engine.submit(std::move(batch));
        auto snap = engine.snapshotNow();
        engine.stop();
        QCOMPARE(snap->engineTime, kT0 + 3'600'000 + 99'000);
        QCOMPARE(snap->counters.timeResyncs, std::int64_t(1));
        QCOMPARE(snap->counters.rejectedTime, std::int64_t(31));
    }

    void aRecordRefusedByManyStagesCountsOnce() {
        // A NaN latency is refused by the metric detector and the level-shift detector.
        VirtualClock clock;
        Engine engine(clock);
        installDefaultStages(engine);
        engine.start();
        std::vector<Record> batch;
        for (int i = 0; i < 10; ++i) batch.push_back(sample(kT0 + i * 1000, 50));
        batch.push_back(sample(kT0 + 10'000, NAN));
        engine.submit(std::move(batch));
        auto snap = engine.snapshotNow();
        engine.stop();
        QCOMPARE(snap->counters.rejected, std::int64_t(1));
        QVERIFY(snap->counters.rejected <= snap->counters.inputs());
        QCOMPARE(snap->counters.rejectedTime, std::int64_t(0));
        QCOMPARE(snap->counters.rejectReasons.size(), std::size_t(1));
        QVERIFY2(anyContains(snap->counters.rejectReasons, "detect.metric: rpc.latency_ms on rpc:a"),
                 snap->counters.rejectReasons.front().c_str());
    }

    void zeroTickIntervalDoesNotDivideByZero() {
        VirtualClock clock;
        EngineOptions o;
        o.tickIntervalMs = 0;
        Engine engine(clock, o);
        engine.start();
        engine.submit({sample(kT0), sample(kT0 + 1500)});
        QCOMPARE(engine.snapshotNow()->engineTime, kT0 + 1500);
    }
};

QTEST_GUILESS_MAIN(TestTimeGate)
#include "tst_timegate.moc"
