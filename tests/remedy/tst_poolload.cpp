// PoolLoad: sizing a scale-up from the records the planner sees. Arrivals are
// counted by conservation (tasks started + queue growth) since the queue last
// stood lowest, work per task from finished tasks, and the result follows
// Little's law at 80 % utilisation; nothing is sized without enough evidence.
#include "remedy/PoolLoad.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

namespace {
const std::string kPool = "pool:airdrop_claim";

MetricSample metric(TimestampMs ts, const char* series, double v) { return MetricSample{ts, series, kPool, v}; }

TaskEvent task(TimestampMs ts, TaskState state, double durationMs = 0) {
    TaskEvent t;
    t.ts = ts;
    t.task_id = "t-" + std::to_string(ts);
    t.agent = "agent-01";
    t.workflow = "airdrop_claim";
    t.state = state;
    t.duration_ms = durationMs;
    return t;
}

// `seconds` of a pool with 4 workers taking 10 s per task: one task starts
// every `startEveryMs` and the queue grows by `growthPerS` each second.
void feed(PoolLoad& load, TimestampMs from, int seconds, int startEveryMs, double depth0, double growthPerS) {
    load.observe(metric(from, "worker.count", 4));
    for (int i = 0; i < 5; ++i) load.observe(task(from, TaskState::Succeeded, 10'000));
    for (int s = 0; s <= seconds; ++s) {
        const TimestampMs t = from + s * 1000;
        load.observe(metric(t, "worker.queue_depth", depth0 + growthPerS * s));
    }
    for (TimestampMs t = from + startEveryMs; t <= from + seconds * 1000; t += startEveryMs)
        load.observe(task(t, TaskState::Started));
}
}  // namespace

class TestPoolLoad : public QObject {
    Q_OBJECT
private slots:
    void sizesToTheArrivalsAndTheBacklog() {
        PoolLoad load;
        // 0.5 tasks/s started + 0.25/s piling up = 0.75/s arriving; 10 s each.
        feed(load, 1'000'000, 40, 2000, 0, 0.25);
        const auto z = load.sizing(kPool, 60);
        QVERIFY(z);
        QCOMPARE(z->current, 4);
        QVERIFY2(std::abs(z->arrivalsPerS - 0.75) < 0.03, qPrintable(QString::number(z->arrivalsPerS)));
        QCOMPARE(z->taskS, 10.0);
        QCOMPARE(z->backlog, 10.0);
        // (0.75 + 10/60) x 10 s = 9.2 busy workers; at 80 %: 11.5 -> 12.
        QCOMPARE(z->desired, 12);
        QVERIFY2(QString::fromStdString(z->why).contains("0.75 tasks/s arriving"), z->why.c_str());
        // A longer drain allowance needs fewer workers.
        QVERIFY(load.sizing(kPool, 600)->desired < z->desired);
    }

    void measuresFromWhereTheQueueStartedGrowing() {
        PoolLoad load;
        // 20 s of calm at depth 1, then 10 s of growth: the calm seconds are not averaged in.
        const TimestampMs t0 = 2'000'000;
        load.observe(metric(t0, "worker.count", 4));
        for (int i = 0; i < 5; ++i) load.observe(task(t0, TaskState::Succeeded, 10'000));
        for (int s = 0; s <= 30; ++s) {
            const double depth = s <= 20 ? 1.0 : 1.0 + (s - 20) * 0.5;
            load.observe(metric(t0 + s * 1000, "worker.queue_depth", depth));
        }
        for (int s = 21; s <= 30; ++s) load.observe(task(t0 + s * 1000, TaskState::Started));  // 1/s while growing
        const auto z = load.sizing(kPool, 60);
        QVERIFY(z);
        // Since the last lowest point (t0+20 s): 10 starts + 5 queued in 10 s = 1.5/s.
        QVERIFY2(std::abs(z->arrivalsPerS - 1.5) < 0.01, qPrintable(QString::number(z->arrivalsPerS)));
    }

    void nothingWithoutEvidence() {
        PoolLoad load;
        QVERIFY(!load.sizing(kPool, 60));  // unknown pool
        load.observe(metric(1000, "worker.count", 4));
        for (int s = 1; s <= 5; ++s) load.observe(metric(1000 + s * 1000, "worker.queue_depth", s));
        QVERIFY(!load.sizing(kPool, 60));  // no finished task, 5 s of queue only
        // Malformed samples are ignored, not counted.
        load.observe(metric(7000, "worker.queue_depth", std::nan("")));
        load.observe(metric(3000, "worker.queue_depth", 99));  // older than the newest
        for (int i = 0; i < 5; ++i) load.observe(task(7000, TaskState::Succeeded, 8000));
        for (int s = 6; s <= 25; ++s) load.observe(metric(1000 + s * 1000, "worker.queue_depth", 5));
        const auto z = load.sizing(kPool, 60);
        QVERIFY(z);
        QCOMPARE(z->backlog, 5.0);
    }
};

QTEST_GUILESS_MAIN(TestPoolLoad)
#include "tst_poolload.moc"
