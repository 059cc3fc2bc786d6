// Many distinct targets (issue #7, item 9): per-target state in the engine and its
// stages stays within its caps, the least recently used keys go first, every
// eviction is counted and reported in the snapshot. Counts, not timings (the
// records/s figures are in docs/performance.md).
#include "correlate/RecentChanges.h"
#include "detect/events/EventDetectors.h"
#include "detect/metric/MetricDetectionStage.h"
#include "engine/Engine.h"
#include "engine/FleetState.h"
#include "engine/Pipeline.h"
#include "engine/SeriesWindow.h"

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
        KeyedTable<int> t(3);
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
        KeyedTable<int> t(3);
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

    // The fleet, the chart windows and the change memory evict the entry used least
    // recently, not the oldest (record/Recency.h), and so does a copy taken before or
    // after their recency list is first built (a checkpoint), independently of the original.
    void lruTablesEvictTheLeastRecentlyUsedAlsoInCopies() {
        auto sample = [](int ts, int k) {
            return MetricSample{kT0 + ts, "rpc.latency_ms", "rpc:ep-" + std::to_string(k), 1.0};
        };
        auto task = [](int ts, int k) {
            const std::string n = std::to_string(k);
            return TaskEvent{kT0 + ts, "t" + n, "agent-" + n, "wf", TaskState::Succeeded, "", "", 1};
        };
        auto change = [](int ts, int k) {
            return LogLine{kT0 + ts, "svc-" + std::to_string(k), LogLevel::Info, "deployed v1"};
        };
        auto targets = [](const SeriesWindow& w) {
            QStringList l;
            for (const auto& t : w.tails()) l << QString::fromStdString(t.target);
            return l.join(',');
        };
        auto agents = [](const FleetState& f) {
            QStringList l;
            for (const auto& a : f.agents(kT0 + 100)) l << QString::fromStdString(a.agent);
            return l.join(',');
        };
        auto sources = [](const RecentChanges& rc) {
            QStringList l;
            for (int k = 0; k < 6; ++k)
                if (rc.latest("svc-" + std::to_string(k), kT0, kT0 + 100)) l << QString::number(k);
            return l.join(',');
        };
        SeriesWindow w(8, 3);
        FleetState f({}, 3);
        RecentChanges rc(3, 4);
        for (int k = 0; k < 3; ++k) {  // 0, 1, 2, then 0 again: 1 is the least recent
            w.add(sample(k, k));
            f.add(task(k, k));
            rc.observe(change(k, k));
        }
        w.add(sample(3, 0));
        f.add(task(3, 0));
        rc.observe(change(3, 0));
        SeriesWindow w0(w);  // copies before any eviction (no list yet)
        FleetState f0(f);
        RecentChanges rc0(rc);
        w.add(sample(4, 3));  // 3 replaces 1
        f.add(task(4, 3));
        rc.observe(change(4, 3));
        QCOMPARE(targets(w), QString("rpc:ep-0,rpc:ep-2,rpc:ep-3"));
        QCOMPARE(agents(f), QString("agent-0,agent-2,agent-3"));
        QCOMPARE(sources(rc), QString("0,2,3"));
        SeriesWindow w1(w);  // copies after the list was built
        FleetState f1(f);
        RecentChanges rc1(rc);
        for (int step = 0; step < 2; ++step) {  // 2 is used again; 4 replaces 0, then 5 replaces 3
            const int k = step == 0 ? 4 : 5;
            for (auto* x : {&w, &w1}) x->add(sample(5 + step * 2, 2)), x->add(sample(6 + step * 2, k));
            for (auto* x : {&f, &f1}) x->add(task(5 + step * 2, 2)), x->add(task(6 + step * 2, k));
            for (auto* x : {&rc, &rc1}) x->observe(change(5 + step * 2, 2)), x->observe(change(6 + step * 2, k));
        }
        for (const auto* x : {&w, &w1}) QCOMPARE(targets(*x), QString("rpc:ep-2,rpc:ep-4,rpc:ep-5"));
        for (const auto* x : {&f, &f1}) QCOMPARE(agents(*x), QString("agent-2,agent-4,agent-5"));
        for (const auto* x : {&rc, &rc1}) QCOMPARE(sources(*x), QString("2,4,5"));
        // The early copies were left as they were, and evict on their own.
        QCOMPARE(targets(w0), QString("rpc:ep-0,rpc:ep-1,rpc:ep-2"));
        w0.add(sample(9, 9));
        f0.add(task(9, 9));
        rc0.observe(change(9, 5));
        QCOMPARE(targets(w0), QString("rpc:ep-0,rpc:ep-2,rpc:ep-9"));
        QCOMPARE(agents(f0), QString("agent-0,agent-2,agent-9"));
        QCOMPARE(sources(rc0), QString("0,2,5"));
        QCOMPARE(w.evicted() + f.evicted() + rc.evicted(), std::uint64_t(9));
        QCOMPARE(w0.evicted() + f0.evicted() + rc0.evicted(), std::uint64_t(3));
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
