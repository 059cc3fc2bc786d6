// The simulator's basic contract: determinism, ordering, realistic values and
// cadences, well-formed task and transaction lifecycles, labels file round trip.
#include "SimTestSupport.h"

#include "sim/LabelsJson.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using namespace vigil;
using namespace simtest;

class TestFleetSimulator : public QObject {
    Q_OBJECT

private slots:
    void sameSeedGivesIdenticalBytes() {
        FleetSimulator a("cascade", 7), b("cascade", 7);
        const std::string x = encode(runFor(a, a.end()));
        const std::string y = encode(runFor(b, b.end()));
        QVERIFY(x.size() > 1'000'000);
        QCOMPARE(x, y);
        QCOMPARE(labelsToJson(a.labelsFile()), labelsToJson(b.labelsFile()));
    }

    void outputDoesNotDependOnStepSize() {
        // One call, 1 s steps, and odd 777 ms steps must give the same stream.
        FleetSimulator whole("rpc-outage", 11), seconds("rpc-outage", 11), odd("rpc-outage", 11);
        const TimestampMs until = whole.start() + 1200'000;
        const std::string expected = encode(runFor(whole, until));
        std::vector<Record> bySecond, byOdd;
        for (TimestampMs t = seconds.start() + 1000; t <= until; t += 1000) seconds.advance(t, bySecond);
        for (TimestampMs t = odd.start() + 777; t < until; t += 777) odd.advance(t, byOdd);
        odd.advance(until, byOdd);
        QCOMPARE(encode(bySecond), expected);
        QCOMPARE(encode(byOdd), expected);
    }

    void differentSeedsDiffer() {
        FleetSimulator a("cascade", 7), b("cascade", 8);
        QVERIFY(encode(runFor(a, a.start() + 600'000)) != encode(runFor(b, b.start() + 600'000)));
        QVERIFY(a.labels() != b.labels());
    }

    void recordsAreSortedAndInsideTheAdvancedRange() {
        FleetSimulator sim("cascade", 3);
        TimestampMs prevUntil = sim.now(), prevTs = sim.now();
        std::int64_t total = 0;
        for (TimestampMs step : {1, 999, 1000, 1001, 60'000, 250, 123'457}) {
            for (int i = 0; i < 20; ++i) {
                const TimestampMs until = prevUntil + step;
                std::vector<Record> batch;
                sim.advance(until, batch);
                for (const auto& r : batch) {
                    const TimestampMs ts = timestampOf(r);
                    QVERIFY2(ts > prevUntil && ts <= until, "record outside (now, until]");
                    QVERIFY2(ts >= prevTs, "records out of order");
                    prevTs = ts;
                }
                total += static_cast<std::int64_t>(batch.size());
                QCOMPARE(sim.now(), until);
                prevUntil = until;
            }
        }
        QVERIFY(total > 10'000);
        std::vector<Record> none;
        sim.advance(prevUntil - 5000, none);  // going back is a no-op
        QVERIFY(none.empty());
        QCOMPARE(sim.now(), prevUntil);
    }

    void volumeIsModerate() {
        FleetSimulator sim("calm", 5);
        const auto records = runFor(sim, sim.end());
        const double perMinute = static_cast<double>(records.size()) / 60.0;
        QVERIFY2(perMinute > 300 && perMinute < 2000, qPrintable(QString::number(perMinute)));
        std::array<int, kRecordKindCount> kinds{};
        for (const auto& r : records) ++kinds[r.index()];
        QVERIFY(kinds[0] > 0 && kinds[1] > 0 && kinds[2] > 0 && kinds[3] > 0);
        QCOMPARE(kinds[4] + kinds[5] + kinds[6] + kinds[7] + kinds[8], 0);  // the simulator emits telemetry only
    }

    void metricsHaveRealisticRangesAndCadence() {
        FleetSimulator sim("calm", 21);
        const auto records = runFor(sim, sim.start() + 1800'000);
        struct Range {
            double lo, hi;
        };
        const std::map<std::string, Range> ranges = {
            {"rpc.latency_ms", {5, 400}},   {"rpc.error_rate", {0, 0.05}},     {"api.latency_ms", {15, 800}},
            {"net.latency_ms", {3, 60}},    {"worker.queue_depth", {0, 30}},   {"worker.count", {3, 5}},
            {"tx.pending", {0, 12}},        {"worker.queue_capacity", {38, 215}}, {"wallet.balance_eth", {2.5, 6}},
            {"wallet.reserve_eth", {1e-5, 0.3}},
        };
        std::map<std::pair<std::string, std::string>, int> counts;
        for (const auto& m : only<MetricSample>(records)) {
            QVERIFY2(std::isfinite(m.value), m.series.c_str());
            ++counts[{m.series, m.target}];
            if (m.series == "gas.price_gwei") {
                if (m.target == "chain:ethereum") QVERIFY2(m.value > 5 && m.value < 80, qPrintable(QString::number(m.value)));
                else QVERIFY2(m.value >= 0.01 && m.value < 0.1, qPrintable(QString::number(m.value)));
                continue;
            }
            const auto it = ranges.find(m.series);
            QVERIFY2(it != ranges.end(), m.series.c_str());
            QVERIFY2(m.value >= it->second.lo && m.value <= it->second.hi,
                     qPrintable(QString("%1 %2 = %3").arg(m.series.c_str(), m.target.c_str()).arg(m.value)));
        }
        // Per-second gauges: one sample a second; per-agent/host/pool size: every 5 s.
        for (const auto& ep : sim.endpoints()) {
            QCOMPARE(counts[std::make_pair(std::string("rpc.latency_ms"), std::string(ep))], 1800);
            QCOMPARE(counts[std::make_pair(std::string("rpc.error_rate"), std::string(ep))], 1800);
        }
        for (const auto& p : sim.pools()) {
            QCOMPARE(counts[std::make_pair(std::string("worker.queue_depth"), std::string(p))], 1800);
            QCOMPARE(counts[std::make_pair(std::string("worker.count"), std::string(p))], 360);
        }
        for (const auto& a : sim.agents()) QCOMPARE(counts[std::make_pair(std::string("api.latency_ms"), std::string(a))], 360);
        // Hot wallets: the seven transaction-sending agents, every 5 s.
        int wallets = 0;
        for (const auto& a : sim.agents()) {
            const int n = counts[std::make_pair(std::string("wallet.balance_eth"), std::string(a))];
            QVERIFY(n == 0 || n == 360);
            QCOMPARE(counts[std::make_pair(std::string("wallet.reserve_eth"), std::string(a))], n);
            wallets += n ? 1 : 0;
        }
        QCOMPARE(wallets, 7);
        for (const char* c : {"chain:ethereum", "chain:arbitrum"}) {
            QCOMPARE(counts[std::make_pair(std::string("gas.price_gwei"), std::string(c))], 1800);
            QCOMPARE(counts[std::make_pair(std::string("tx.pending"), std::string(c))], 1800);
        }
        for (const char* h : {"host:node-1", "host:node-2", "host:node-3"}) QCOMPARE(counts[std::make_pair(std::string("net.latency_ms"), std::string(h))], 360);
        QCOMPARE(sim.agents().size(), std::size_t(12));
        QCOMPARE(sim.endpoints(), (std::vector<std::string>{"rpc:eth-main-a", "rpc:eth-main-b", "rpc:arb-main-a", "rpc:arb-main-b"}));
        QCOMPARE(sim.pools(), (std::vector<std::string>{"pool:wallet_monitor", "pool:airdrop_claim", "pool:rebalance"}));
    }

    void taskLifecyclesAreWellFormed() {
        FleetSimulator sim("cascade", 9);
        const auto records = runFor(sim, sim.end());
        const std::set<std::string> errors = {"timeout", "rpc_unavailable", "reverted", "nonce_too_low",
                                              "insufficient_funds", "rate_limited"};
        const std::set<std::string> endpoints = {"eth-main-a", "eth-main-b", "arb-main-a", "arb-main-b"};
        std::map<std::string, TaskEvent> open;
        int finished = 0;
        for (const auto& t : only<TaskEvent>(records)) {
            QVERIFY(endpoints.count(t.endpoint));
            if (t.state == TaskState::Started) {
                QVERIFY2(!open.count(t.task_id), "task started twice");
                open[t.task_id] = t;
                continue;
            }
            const auto it = open.find(t.task_id);
            QVERIFY2(it != open.end(), "task ended without start");
            QCOMPARE(t.agent, it->second.agent);
            QVERIFY(std::abs(t.duration_ms - static_cast<double>(t.ts - it->second.ts)) <= 1.0);
            if (t.state == TaskState::Failed) QVERIFY2(errors.count(t.error), t.error.c_str());
            else QVERIFY(t.error.empty());
            open.erase(it);
            ++finished;
        }
        QVERIFY(finished > 1000);
        QVERIFY(open.size() < 40);  // only tasks still running at the end
    }

    void transactionsFollowNonceAndFeeRules() {
        FleetSimulator sim("cascade", 4);
        const auto records = runFor(sim, sim.end());
        std::map<std::string, TxEvent> pending;          // by hash
        std::map<std::string, std::int64_t> lastMined;   // agent → nonce
        std::set<std::string> seenHashes;
        int mined = 0;
        for (const auto& tx : only<TxEvent>(records)) {
            QVERIFY(tx.tx_hash.size() == 66 && tx.tx_hash.rfind("0x", 0) == 0);
            QVERIFY(tx.max_fee_gwei >= tx.priority_fee_gwei);
            QVERIFY(tx.value_eth >= 0);
            QVERIFY(!tx.idempotency_key.empty());
            if (tx.state == TxState::Submitted) {
                QVERIFY2(seenHashes.insert(tx.tx_hash).second, "hash reused");
                pending[tx.tx_hash] = tx;
                continue;
            }
            const auto it = pending.find(tx.tx_hash);
            QVERIFY2(it != pending.end(), "tx event for a hash never submitted");
            QCOMPARE(tx.nonce, it->second.nonce);
            QCOMPARE(tx.idempotency_key, it->second.idempotency_key);
            if (tx.state == TxState::Confirmed || tx.state == TxState::Failed) {
                // Mined strictly in nonce order per agent, each nonce once.
                const auto last = lastMined.find(tx.agent);
                if (last != lastMined.end()) QCOMPARE(tx.nonce, last->second + 1);
                lastMined[tx.agent] = tx.nonce;
                ++mined;
            }
            pending.erase(it);
        }
        QVERIFY(mined > 200);
    }

    void logLinesCarryVariablePartsAndLevels() {
        FleetSimulator sim("cascade", 7);
        const auto logs = only<LogLine>(runFor(sim, sim.end()));
        std::set<std::string> sources;
        int warn = 0, error = 0;
        for (const auto& l : logs) {
            QVERIFY(!l.message.empty() && !l.source.empty());
            sources.insert(l.source);
            warn += l.level == LogLevel::Warn;
            error += l.level == LogLevel::Error;
        }
        QVERIFY(sources.count("scheduler") && sources.count("rpc-health") && sources.count("agent-01"));
        QVERIFY(warn > 10);
        QVERIFY(error > 10);
        // Errors come with the faults, not before the first one.
        const TimestampMs firstFault = sim.labels().front().start;
        for (const auto& l : logs)
            if (l.ts < firstFault && l.level == LogLevel::Error) QVERIFY2(l.message.find("task") == 0, l.message.c_str());
    }

    void labelsJsonRoundTrips() {
        FleetSimulator sim("cascade", 7);
        const LabelsFile file = sim.labelsFile();
        QCOMPARE(file.scenario, std::string("cascade"));
        QCOMPARE(file.seed, std::uint64_t(7));
        QCOMPARE(file.start, FleetSimulator::kDefaultStart);
        QCOMPARE(file.durationS, std::int64_t(3600));
        QVERIFY(file.faults.size() >= 3);
        LabelsFile back;
        std::string error;
        QVERIFY2(parseLabelsJson(labelsToJson(file), back, error), error.c_str());
        QCOMPARE(back, file);
        QVERIFY(!parseLabelsJson("{\"scenario\":\"calm\"}", back, error));
        QVERIFY(error.find("seed") != std::string::npos);
        QVERIFY(!parseLabelsJson("[1,", back, error));
    }

    void labelsPathStripsTheLogSuffix() {
        QCOMPARE(labelsPathFor("a.ndjson"), std::string("a.labels.json"));
        QCOMPARE(labelsPathFor("/tmp/x/run.ndjson.gz"), std::string("/tmp/x/run.labels.json"));
        QCOMPARE(labelsPathFor("log.txt"), std::string("log.txt.labels.json"));
    }

    void badSpecsAreRefusedWithAReason() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, FleetSimulator("nope", 1));
        const std::string e = validateScenario({"nope", 3600, false});
        QVERIFY(e.find("nope") != std::string::npos && e.find("rpc-outage") != std::string::npos);
        QVERIFY(!validateScenario({"rpc-outage", 60, false}).empty());
        QVERIFY(!validateScenario({"calm", 0, false}).empty());
        QVERIFY(validateScenario({"calm", 1, false}).empty());
        QCOMPARE(FleetSimulator::scenarioNames().size(), std::size_t(9));
    }

    void repeatingScenarioPlansEveryCycle() {
        FleetSimulator sim(ScenarioSpec{"rpc-outage", 600, true}, 5);
        QCOMPARE(sim.labels().size(), std::size_t(1));
        runFor(sim, sim.start() + 3 * 600'000 + 1000);
        QCOMPARE(sim.labels().size(), std::size_t(4));
        for (std::size_t c = 0; c < sim.labels().size(); ++c) {
            const FaultLabel& l = sim.labels()[c];
            const TimestampMs cycleStart = sim.start() + static_cast<TimestampMs>(c) * 600'000;
            QVERIFY(l.start >= cycleStart + 150'000 && l.end <= cycleStart + 600'000);
        }
        QVERIFY(sim.labels()[0].start - sim.start() != sim.labels()[1].start - (sim.start() + 600'000));
    }
};

QTEST_GUILESS_MAIN(TestFleetSimulator)
#include "tst_fleetsimulator.moc"
