// The platform event detectors on synthetic task, transaction and metric streams
// whose right answer is known by construction.
#include "detect/ExplainedCheck.h"
#include "detect/events/EventDetectors.h"

#include <QtTest>

#include <random>
#include <set>

using namespace vigil;
using namespace vigil::events;

namespace {

constexpr TimestampMs kT0 = 1'700'000'000'000;

TaskEvent task(TimestampMs ts, bool failed, const std::string& agent = "agent-01",
               const std::string& endpoint = "eth-main-a", const std::string& workflow = "rebalance",
               const std::string& error = "rpc_unavailable") {
    TaskEvent e;
    e.ts = ts;
    e.task_id = "t" + std::to_string(ts);
    e.agent = agent;
    e.workflow = workflow;
    e.endpoint = endpoint;
    e.state = failed ? TaskState::Failed : TaskState::Succeeded;
    e.error = failed ? error : "";
    return e;
}

TxEvent tx(TimestampMs ts, const std::string& hash, TxState state, std::int64_t nonce, double fee = 30,
           const std::string& agent = "agent-05") {
    TxEvent t;
    t.ts = ts;
    t.tx_hash = hash;
    t.agent = agent;
    t.chain = "ethereum";
    t.endpoint = "eth-main-a";
    t.nonce = nonce;
    t.state = state;
    t.max_fee_gwei = fee;
    t.priority_fee_gwei = 1.5;
    return t;
}

MetricSample sample(TimestampMs ts, const std::string& series, const std::string& target, double v) {
    return MetricSample{ts, series, target, v};
}

std::vector<Anomaly> anomalies(const std::vector<Record>& out, const std::string& detector = {}) {
    std::vector<Anomaly> a;
    for (const auto& r : out)
        if (const auto* x = std::get_if<Anomaly>(&r); x && (detector.empty() || x->detector == detector)) {
            checkExplained(*x);
            a.push_back(*x);
        }
    return a;
}

// A healthy history: 2% failures, spread evenly (one in fifty).
TimestampMs warmFailures(FailureRatioDetector& d, std::vector<Record>& out, int n, TimestampMs ts = kT0) {
    for (int i = 0; i < n; ++i, ts += 1000) d.process(task(ts, i % 50 == 25), out);
    return ts;
}

}  // namespace

class TestEventDetectors : public QObject {
    Q_OBJECT
private slots:
    void oneUnluckyFailureDoesNotFire() {
        FailureRatioDetector d;
        std::vector<Record> out;
        TimestampMs ts = warmFailures(d, out, 400);
        QVERIFY(d.process(task(ts, true), out));
        for (int i = 1; i <= 100; ++i) QVERIFY(d.process(task(ts + i * 1000, false), out));
        QCOMPARE(anomalies(out).size(), std::size_t(0));
        // Two failures close together are still within what a 2 % rate allows.
        QVERIFY(d.process(task(ts + 200'000, true), out));
        QVERIFY(d.process(task(ts + 201'000, false), out));
        QVERIFY(d.process(task(ts + 202'000, true), out));
        QCOMPARE(anomalies(out).size(), std::size_t(0));
    }

    void burstFiresWithinFewEvents() {
        FailureRatioDetector d;
        std::vector<Record> out;
        TimestampMs ts = warmFailures(d, out, 400);
        int events = 0;
        while (anomalies(out).empty() && events < 50) {
            QVERIFY(d.process(task(ts, true), out));
            ts += 1000;
            ++events;
        }
        QVERIFY2(events <= 5, qPrintable(QString("fired after %1 failures").arg(events)));
        QVERIFY(events >= 2);  // never on the first one
        const auto fired = anomalies(out, "task.failure_ratio");
        std::set<std::string> targets;
        for (const auto& a : fired) targets.insert(a.target);
        QVERIFY(targets.count("rpc:eth-main-a"));
        QVERIFY(targets.count("workflow:rebalance"));
        QVERIFY(targets.count("agent:agent-01"));
        const Anomaly& a = fired.front();
        QVERIFY(a.score >= 0.8 && a.score <= 1.0);
        QVERIFY(a.observed > a.expected_high);
        QVERIFY2(a.explanation.find("rpc_unavailable") != std::string::npos, a.explanation.c_str());
        QVERIFY(a.id.find("task.failure_ratio/") == 0);
        // While it keeps failing it re-fires at most once per refire interval.
        const std::size_t before = anomalies(out).size();
        for (int i = 0; i < 20; ++i, ts += 1000) d.process(task(ts, true), out);
        QVERIFY(anomalies(out).size() - before <= 3);  // 3 keys, 20 s < 30 s refire
        // Once it recovers nothing more is said, though the statistic is still high
        // for a while and the refire interval passes many times.
        const std::size_t atRecovery = anomalies(out).size();
        for (int i = 0; i < 300; ++i, ts += 1000) d.process(task(ts, false), out);
        QCOMPARE(anomalies(out).size(), atRecovery);
    }

    // A worker drained by a scale-down ("retired") finished no task: it counts neither
    // as a success that would dilute a failure burst nor as a failure.
    void retirementsAreNotOutcomes() {
        FailureRatioDetector d;
        std::vector<Record> out;
        TimestampMs ts = warmFailures(d, out, 400);
        const auto accepted = d.counters().accepted;
        int events = 0;
        while (anomalies(out).empty() && events < 50) {
            QVERIFY(d.process(task(ts, true), out));
            for (int k = 0; k < 10; ++k) {  // ten workers leave between two failures
                TaskEvent bye = task(ts + 1 + k, false, "agent-" + std::to_string(10 + k));
                bye.state = TaskState::Retired;
                bye.task_id.clear();
                QVERIFY(d.process(bye, out));
            }
            ts += 1000;
            ++events;
        }
        QVERIFY2(events <= 5, qPrintable(QString("fired after %1 failures").arg(events)));
        QCOMPARE(d.counters().accepted, accepted + events);
    }

    void steadyStateQuiet() {
        // A day of tasks at a constant 2 % failure rate, random order: no alarm.
        FailureRatioDetector d;
        std::vector<Record> out;
        std::mt19937_64 rng(7);
        std::bernoulli_distribution fail(0.02);
        const char* agents[] = {"agent-01", "agent-02", "agent-03", "agent-04"};
        for (int i = 0; i < 40'000; ++i)
            QVERIFY(d.process(task(kT0 + i * 2000, fail(rng), agents[i % 4], i % 2 ? "eth-main-a" : "arb-main-a"), out));
        QCOMPARE(anomalies(out).size(), std::size_t(0));
    }

    void stuckTxFires() {
        TxDelayDetector d;
        std::vector<Record> out;
        TimestampMs ts = kT0;
        QVERIFY(d.process(sample(ts, "gas.price_gwei", "chain:ethereum", 40), out));
        for (int i = 0; i < 60; ++i, ts += 20'000) {
            QVERIFY(d.process(tx(ts, "0xa" + std::to_string(i), TxState::Submitted, i, 45), out));
            QVERIFY(d.process(tx(ts + 12'000 + (i % 5) * 1000, "0xa" + std::to_string(i), TxState::Confirmed, i), out));
        }
        // Underpriced and never mined; a second one gets replaced in time.
        QVERIFY(d.process(tx(ts, "0xstuck", TxState::Submitted, 60, 20), out));
        QVERIFY(d.process(tx(ts, "0xslow", TxState::Submitted, 61, 45, "agent-06"), out));
        QVERIFY(d.process(tx(ts + 30'000, "0xslow2", TxState::Submitted, 61, 50, "agent-06"), out));  // same nonce
        QVERIFY(d.process(tx(ts + 40'000, "0xslow2", TxState::Confirmed, 61, 50, "agent-06"), out));
        for (TimestampMs t = ts + 41'000; t <= ts + 10 * 60'000; t += 5000) d.tick(t, out);
        const auto stuck = anomalies(out, "tx.stuck");
        QCOMPARE(stuck.size(), std::size_t(1));  // once per transaction, and not the replaced one
        QCOMPARE(stuck[0].target, std::string("agent:agent-05"));
        QVERIFY(stuck[0].observed >= stuck[0].expected_high);
        QVERIFY(stuck[0].ts - ts <= 90'000);  // flagged soon after the limit, not minutes later
        QVERIFY2(stuck[0].explanation.find("underpriced") != std::string::npos, stuck[0].explanation.c_str());
        QVERIFY(stuck[0].explanation.find("0xstuck") != std::string::npos);
        QCOMPARE(d.pending(), std::size_t(1));
    }

    void confirmationDelayRising() {
        TxDelayDetector d;
        std::vector<Record> out;
        TimestampMs ts = kT0;
        int i = 0;
        // Every 20 s one tx is submitted; confirmations arrive in time order too.
        for (; i < 80; ++i, ts += 20'000) {
            d.process(tx(ts, "h" + std::to_string(i), TxState::Submitted, i), out);
            d.process(tx(ts + 11'000 + (i % 7) * 1000, "h" + std::to_string(i), TxState::Confirmed, i), out);
        }
        // One slow block alone is not a trend.
        d.process(tx(ts, "slow1", TxState::Submitted, i), out);
        d.process(tx(ts + 50'000, "slow1", TxState::Confirmed, i), out);
        ++i;
        ts += 60'000;
        QCOMPARE(anomalies(out, "tx.confirmation_delay").size(), std::size_t(0));
        QCOMPARE(d.counters().rejected(), std::uint64_t(0));
        // Now every confirmation takes 60 s: tx k is confirmed when tx k+3 is submitted.
        int confirmed = 0;
        for (int k = 0; k < 40 && anomalies(out, "tx.confirmation_delay").empty(); ++k, ts += 20'000) {
            d.process(tx(ts, "s" + std::to_string(k), TxState::Submitted, i + k), out);
            if (k >= 3) {
                d.process(tx(ts, "s" + std::to_string(k - 3), TxState::Confirmed, i + k - 3), out);
                ++confirmed;
            }
        }
        QCOMPARE(d.counters().rejected(), std::uint64_t(0));
        QVERIFY2(confirmed >= 2 && confirmed <= 5, qPrintable(QString("fired after %1 slow confirmations").arg(confirmed)));
        const auto a = anomalies(out, "tx.confirmation_delay").front();
        QCOMPARE(a.target, std::string("chain:ethereum"));
        QVERIFY(a.observed > a.expected_high);
        // Slow for ten more minutes (the statistic climbs to its cap), then back to 12 s
        // confirmations: the statistic needs a while to come down, but a fast
        // confirmation never re-reports slowness.
        for (int k = 0; k < 30; ++k, ts += 20'000) {
            d.process(tx(ts, "t" + std::to_string(k), TxState::Submitted, i + 50 + k), out);
            d.process(tx(ts + 60'000, "t" + std::to_string(k), TxState::Confirmed, i + 50 + k), out);
        }
        ts += 60'000;
        const std::size_t atRecovery = anomalies(out, "tx.confirmation_delay").size();
        QVERIFY(atRecovery > 1);  // "still slow" while it lasted
        for (int k = 0; k < 40; ++k, ts += 20'000) {
            d.process(tx(ts, "r" + std::to_string(k), TxState::Submitted, i + 100 + k), out);
            d.process(tx(ts + 12'000, "r" + std::to_string(k), TxState::Confirmed, i + 100 + k), out);
        }
        QCOMPARE(anomalies(out, "tx.confirmation_delay").size(), atRecovery);
    }

    void gasSpikeFires() {
        GasSpikeDetector d;
        std::vector<Record> out;
        std::mt19937_64 rng(3);
        std::normal_distribution<double> noise(0.0, 0.05);
        TimestampMs ts = kT0;
        for (int i = 0; i < 2000; ++i, ts += 12'000)
            QVERIFY(d.process(sample(ts, "gas.price_gwei", "chain:ethereum", 20 * std::exp(noise(rng))), out));
        QCOMPARE(anomalies(out).size(), std::size_t(0));  // steady noise: quiet
        int n = 0;
        for (; n < 10 && anomalies(out).empty(); ++n, ts += 12'000)
            d.process(sample(ts, "gas.price_gwei", "chain:ethereum", 65 * std::exp(noise(rng))), out);
        QVERIFY2(n <= 3, qPrintable(QString("fired after %1 samples").arg(n)));
        const auto a = anomalies(out, "gas.spike").front();
        QCOMPARE(a.target, std::string("chain:ethereum"));
        QVERIFY2(a.observed > a.expected_high && a.expected_high < 30, qPrintable(QString::number(a.expected_high)));
        QVERIFY(a.explanation.find("gwei") != std::string::npos);
    }

    void oneGasOutlierIsNotASpike() {
        GasSpikeDetector d;
        std::vector<Record> out;
        TimestampMs ts = kT0;
        for (int i = 0; i < 200; ++i, ts += 12'000) d.process(sample(ts, "gas.price_gwei", "ethereum", 20 + i % 3), out);
        d.process(sample(ts, "gas.price_gwei", "ethereum", 90), out);
        for (int i = 0; i < 20; ++i) d.process(sample(ts += 12'000, "gas.price_gwei", "ethereum", 20 + i % 3), out);
        QCOMPARE(anomalies(out).size(), std::size_t(0));
    }

    void queueGrowthFires() {
        QueueGrowthDetector d;
        std::vector<Record> out;
        TimestampMs ts = kT0;
        for (int i = 0; i < 200; ++i, ts += 5000)
            QVERIFY(d.process(sample(ts, "worker.queue_depth", "pool:airdrop_claim", (i * 7) % 4), out));
        // A momentary bump that drains at once is not growth.
        d.process(sample(ts, "worker.queue_depth", "pool:airdrop_claim", 30), out);
        ts += 5000;
        for (int i = 0; i < 20; ++i, ts += 5000) d.process(sample(ts, "worker.queue_depth", "pool:airdrop_claim", i % 3), out);
        QCOMPARE(anomalies(out).size(), std::size_t(0));
        double depth = 2;
        int n = 0;
        for (; n < 40 && anomalies(out).empty(); ++n, ts += 5000) {
            depth += 3 + (n % 3);
            d.process(sample(ts, "worker.queue_depth", "pool:airdrop_claim", depth), out);
        }
        QVERIFY2(n <= 10, qPrintable(QString("fired after %1 samples").arg(n)));
        const auto a = anomalies(out, "worker.queue_growth").front();
        QCOMPARE(a.target, std::string("pool:airdrop_claim"));
        QVERIFY(a.explanation.find("per minute") != std::string::npos);
    }

    void levelShiftFiresOnSustainedDegradation() {
        LevelShiftDetector d;
        std::vector<Record> out;
        std::mt19937_64 rng(5);
        std::normal_distribution<double> noise(0.0, 0.1);
        TimestampMs ts = kT0;
        // An hour of 40 ms latency with noise and a slow wander up to 1.8x: quiet.
        for (int i = 0; i < 3600; ++i, ts += 1000) {
            const double wander = 1.0 + 0.8 * std::max(0.0, std::sin(i / 600.0));
            QVERIFY(d.process(sample(ts, "rpc.latency_ms", "rpc:eth-main-a", 40 * wander * std::exp(noise(rng))), out));
        }
        // Single outliers at 10x, one every minute: still quiet.
        for (int i = 0; i < 600; ++i, ts += 1000)
            d.process(sample(ts, "rpc.latency_ms", "rpc:eth-main-a", (i % 60 == 30 ? 400 : 40) * std::exp(noise(rng))), out);
        QCOMPARE(anomalies(out).size(), std::size_t(0));
        int n = 0;
        for (; n < 30 && anomalies(out).empty(); ++n, ts += 1000)
            d.process(sample(ts, "rpc.latency_ms", "rpc:eth-main-a", 300 * std::exp(noise(rng))), out);
        QVERIFY2(n <= 5, qPrintable(QString("fired after %1 samples").arg(n)));
        const auto a = anomalies(out, "level.shift").front();
        QCOMPARE(a.series, std::string("rpc.latency_ms"));
        QVERIFY(a.observed > a.expected_high);
        // Unwatched series are ignored.
        QVERIFY(d.process(sample(ts, "api.latency_ms", "agent:agent-01", 1e6), out));
        QCOMPARE(d.counters().rejected(), std::uint64_t(0));
    }

    void txFailureBurstFires() {
        FailureRatioDetector d;
        std::vector<Record> out;
        TimestampMs ts = kT0;
        for (int i = 0; i < 200; ++i, ts += 5000)
            d.process(tx(ts, "h" + std::to_string(i), i % 25 == 3 ? TxState::Failed : TxState::Confirmed, i), out);
        QCOMPARE(anomalies(out).size(), std::size_t(0));
        int n = 0;
        for (; n < 20 && anomalies(out).empty(); ++n, ts += 5000)
            d.process(tx(ts, "f" + std::to_string(n), n % 5 == 4 ? TxState::Confirmed : TxState::Failed, 300 + n), out);
        // At a 4 % base each failure adds ln(p1/p0) ~ 2 to the CUSUM (decision level 10):
        // six failures in seven outcomes are needed, not more.
        QVERIFY2(n >= 5 && n <= 7, qPrintable(QString("fired after %1 outcomes").arg(n)));
        const auto a = anomalies(out, "tx.failure_ratio").front();
        QCOMPARE(a.target, std::string("agent:agent-05"));
        QVERIFY(a.explanation.find("Transaction failures") == 0);
    }

    void garbageIsCountedNotFatal() {
        auto stages = makeEventDetectors();
        QCOMPARE(stages.size(), std::size_t(6));
        QCOMPARE(std::string(stages[0]->name()), std::string("event.failure_ratio"));
        std::vector<Record> out;
        int refused = 0;
        auto feed = [&](const Record& r) {
            for (auto& s : stages) refused += s->process(r, out) ? 0 : 1;
        };
        feed(sample(kT0, "gas.price_gwei", "chain:ethereum", std::nan("")));
        feed(sample(kT0, "gas.price_gwei", "chain:ethereum", -3));
        feed(sample(kT0, "worker.queue_depth", "pool:x", std::numeric_limits<double>::infinity()));
        feed(sample(kT0 + 5000, "worker.queue_depth", "pool:x", 1));
        feed(sample(kT0 + 1000, "worker.queue_depth", "pool:x", 1));  // out of order
        feed(task(kT0, true, "", "", ""));                              // nothing to key on
        feed(task(kT0 + 10'000, false));
        feed(task(kT0, false));                                         // 10 s older than its keys
        feed(tx(kT0 + 10'000, "0x1", TxState::Submitted, 1));
        feed(tx(kT0, "0x2", TxState::Submitted, 2));                    // out of order
        TxEvent noChain = tx(kT0 + 10'000, "0x3", TxState::Submitted, 3);
        noChain.chain.clear();
        feed(noChain);
        feed(tx(kT0 + 11'000, "0xunknown", TxState::Confirmed, 9));     // never saw it: not an error
        feed(LogLine{kT0, "agent-01", LogLevel::Error, "boom"});         // not for these stages
        // NaN and negative gas prices are refused by both gas readers (2 x 2), the rest once each;
        // the forecaster (watching gas and queue depth) refuses the NaN gas price, the
        // infinite depth and the out-of-order depth too (a negative price is a trend to it).
        QCOMPARE(refused, 13);
        auto* f = static_cast<FailureRatioDetector*>(stages[0].get());
        QCOMPARE(f->counters().malformed, std::uint64_t(1));
        QCOMPARE(f->counters().outOfOrder, std::uint64_t(1));
        QVERIFY(!f->counters().lastReason.empty());
        auto* q = static_cast<QueueGrowthDetector*>(stages[3].get());
        QCOMPARE(q->counters().nonFinite, std::uint64_t(1));
        QCOMPARE(q->counters().outOfOrder, std::uint64_t(1));
        QVERIFY(anomalies(out).empty());
    }

    void alarmLatchRefiresAtMostEveryRefireMs() {
        AlarmLatch latch;
        QVERIFY(!latch.active());
        QVERIFY(latch.shouldFire(kT0, 30'000));            // first report
        QVERIFY(latch.active());
        QVERIFY(!latch.shouldFire(kT0 + 29'999, 30'000));  // still the same alarm
        QVERIFY(latch.shouldFire(kT0 + 30'000, 30'000));   // re-fire, and the clock restarts there
        QVERIFY(!latch.shouldFire(kT0 + 59'999, 30'000));
        latch.clear();                                     // the condition ended
        QVERIFY(!latch.active());
        QVERIFY(latch.shouldFire(kT0 + 59'999, 30'000));   // a new alarm fires at once
    }

    void makeAnomalyFillsIdentity() {
        const Anomaly a = makeAnomaly("level.shift", "rpc.latency_ms", "rpc:eth-main-a", kT0, 7,
                                      "rpc.latency_ms|rpc:eth-main-a");
        QCOMPARE(a.ts, kT0);
        QCOMPARE(a.detector, std::string("level.shift"));
        QCOMPARE(a.series, std::string("rpc.latency_ms"));
        QCOMPARE(a.target, std::string("rpc:eth-main-a"));
        QCOMPARE(a.id, "level.shift/rpc.latency_ms|rpc:eth-main-a@" + std::to_string(kT0) + "#7");
        const Anomaly b = makeAnomaly("gas.spike", "gas.price_gwei", "chain:base", kT0, 0);
        QCOMPARE(b.id, "gas.spike/chain:base@" + std::to_string(kT0) + "#0");  // id keyed by target
        QCOMPARE(scoreAbove(4.0, 4.0), 0.8);
        QVERIFY(scoreAbove(8.0, 4.0) > scoreAbove(6.0, 4.0));
        QVERIFY(scoreAbove(6.0, 4.0, 1.0) > scoreAbove(6.0, 4.0));
    }

    void memoryIsBounded() {
        FailureRatioConfig cfg;
        cfg.maxKeys = 64;
        FailureRatioDetector d(cfg);
        std::vector<Record> out;
        for (int i = 0; i < 5000; ++i)
            d.process(task(kT0 + i, false, "agent-" + std::to_string(i), "ep-" + std::to_string(i)), out);
        QVERIFY(d.keys() <= 64);
        TxDelayConfig tc;
        tc.maxPending = 100;
        TxDelayDetector t(tc);
        for (int i = 0; i < 1000; ++i) t.process(tx(kT0 + i, "h" + std::to_string(i), TxState::Submitted, i), out);
        QVERIFY(t.pending() <= 100);
        QCOMPARE(t.abandoned(), std::uint64_t(900));
    }
};

QTEST_GUILESS_MAIN(TestEventDetectors)
#include "tst_eventdetectors.moc"
