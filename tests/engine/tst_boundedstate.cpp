// Many distinct targets (issue #7, item 9): per-target state in the engine and its
// stages stays within its caps, the least recently used keys go first, every
// eviction is counted and reported in the snapshot. Counts, not timings (the
// records/s figures are in docs/performance.md).
#include "correlate/RecentChanges.h"
#include "detect/events/EventDetectors.h"
#include "detect/metric/MetricDetectionStage.h"
#include "engine/Engine.h"
#include "engine/Pipeline.h"

#include <QtTest>

using namespace vigil;

namespace {
constexpr TimestampMs kT0 = 1'767'225'600'000;

std::int64_t evictedBy(const Snapshot& s, const std::string& holder) {
    for (const auto& [h, n] : s.counters.evictions)
        if (h == holder) return n;
    return 0;
}
}  // namespace

class TestBoundedState : public QObject {
    Q_OBJECT
private slots:
    void keyedTableEvictsLeastRecentlyUsed() {
        events::KeyedTable<int> t(3);
        t.at("a", 1) = 1;
        t.at("b", 2) = 2;
        t.at("c", 3) = 3;
        t.at("a", 4);  // a is used again: b is now the least recent
        t.at("d", 5) = 4;
        QCOMPARE(t.size(), std::size_t(3));
        QCOMPARE(t.evicted(), std::uint64_t(1));
        QVERIFY(t.find("b") == nullptr);
        QVERIFY(t.find("a") != nullptr && *t.find("a") == 1);  // its state survived
    }

    // atIf(): a refused entry is left exactly as it was, recency included; an accepted
    // or a new one is what at() would have given.
    void keyedTableAtIfRefusesWithoutTouching() {
        events::KeyedTable<int> t(3);
        t.at("a", 1) = 1;
        t.at("b", 2) = 2;
        t.at("c", 3) = 3;
        int asked = 0;
        auto refuse = [&](const int&) {
            ++asked;
            return false;
        };
        QVERIFY(t.atIf("a", 4, refuse) == nullptr);  // refused: a stays the least recent
        QCOMPARE(asked, 1);
        int* d = t.atIf("d", 5, refuse);  // new: not asked, inserted, a evicted
        QVERIFY(d != nullptr);
        QCOMPARE(asked, 1);
        QCOMPARE(*d, 0);
        QVERIFY(t.find("a") == nullptr);
        QCOMPARE(t.evicted(), std::uint64_t(1));
        int* b = t.atIf("b", 6, [](const int& v) { return v == 2; });  // accepted: b the most recent
        QVERIFY(b != nullptr && *b == 2);
        t.at("e", 7);  // so c is the one to go
        QVERIFY(t.find("c") == nullptr);
        QVERIFY(t.find("b") != nullptr);
    }

    void metricStageForgetsInsteadOfRefusing() {
        // Past the cap, a new series replaces the least recently updated one: its
        // samples are scored, not refused, and memory stays at the cap.
        MetricDetectionStage st({}, 1000);
        std::vector<Record> out;
        for (int i = 0; i < 5000; ++i)
            QVERIFY(st.process(MetricSample{kT0 + i, "rpc.latency_ms", "rpc:ep-" + std::to_string(i), 50.0}, out));
        QCOMPARE(st.seriesCount(), std::size_t(1000));
        QCOMPARE(st.evictions(), std::uint64_t(4000));
    }

    void eventDetectorsStayWithinTheirCaps() {
        EventDetectConfig cfg;
        cfg.failure.maxKeys = 300;
        events::FailureRatioDetector d(cfg.failure);
        std::vector<Record> out;
        for (int i = 0; i < 3000; ++i) {
            const std::string n = std::to_string(i);
            QVERIFY(d.process(TaskEvent{kT0 + i, "t" + n, "agent-" + n, "wf-" + n, TaskState::Succeeded, "ep-" + n, "", 1},
                              out));
        }
        QCOMPARE(d.keys(), std::size_t(300));
        QCOMPARE(d.evictions(), std::uint64_t(3 * 3000 - 300));
    }

    void recentChangesKeepsTheNewestSources() {
        RecentChanges rc(10, 4);
        for (int i = 0; i < 100; ++i)
            rc.observe(LogLine{kT0 + i, "svc-" + std::to_string(i), LogLevel::Info, "deployed v" + std::to_string(i)});
        QCOMPARE(rc.sources(), std::size_t(10));
        QCOMPARE(rc.evicted(), std::uint64_t(90));
        QVERIFY(rc.latest("svc-99", kT0, kT0 + 1000) != nullptr);
        QVERIFY(rc.latest("svc-0", kT0, kT0 + 1000) == nullptr);
    }

    void engineStateIsBoundedAndEvictionsReported() {
        VirtualClock clock;
        EngineOptions o;
        o.snapshot.seriesLimit = 500;
        o.snapshot.agentLimit = 400;
        Engine engine(clock, o);
        installDefaultStages(engine);
        engine.start();
        const int n = 4000;
        std::vector<Record> batch;
        for (int i = 0; i < n; ++i) {
            const std::string k = std::to_string(i);
            const TimestampMs ts = kT0 + i * 10;
            batch.push_back(MetricSample{ts, "rpc.latency_ms", "rpc:ep-" + k, 50.0 + i % 7});
            batch.push_back(TaskEvent{ts, "t" + k, "agent-" + k, "wf-" + k, TaskState::Succeeded, "ep-" + k, "", 10});
            batch.push_back(LogLine{ts, "svc-" + k, LogLevel::Info, "deployed version " + k});
            if (batch.size() >= 999) engine.submit(std::exchange(batch, {}));
        }
        engine.submit(std::move(batch));
        auto snap = engine.snapshotNow();
        engine.stop();
        QCOMPARE(snap->series.size(), std::size_t(500));
        QCOMPARE(snap->agents.size(), std::size_t(400));
        QCOMPARE(evictedBy(*snap, "series window"), std::int64_t(n - 500));
        QCOMPARE(evictedBy(*snap, "fleet"), std::int64_t(n - 400));
        QVERIFY(evictedBy(*snap, "event.failure_ratio") > 0);
        QVERIFY(evictedBy(*snap, "correlate.incidents") > 0);  // change sources and topology links
        QCOMPARE(snap->counters.rejected, std::int64_t(0));    // forgetting is not refusing
        // The most recently updated series are the ones kept.
        QCOMPARE(snap->series.front().target, std::string("rpc:ep-3500"));  // sorted by name
        QCOMPARE(snap->series.back().target, std::string("rpc:ep-3999"));
    }
};

QTEST_GUILESS_MAIN(TestBoundedState)
#include "tst_boundedstate.moc"
