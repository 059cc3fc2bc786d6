// Every scenario's labels match what it emitted: each labelled fault shows in the
// telemetry of its target during its window and not in the minutes before, and
// the calm scenario stays calm. Checked for several seeds per scenario.
#include "SimTestSupport.h"

#include <QtTest>

#include <set>

using namespace vigil;
using namespace simtest;

namespace {

constexpr TimestampMs kMin = 60'000;

struct Run {
    std::unique_ptr<FleetSimulator> sim;
    std::vector<Record> records;
};

Run simulate(const std::string& scenario, std::uint64_t seed) {
    Run r;
    r.sim = std::make_unique<FleetSimulator>(scenario, seed);
    r.records = runFor(*r.sim, r.sim->end());
    return r;
}

// Tasks of agents on `endpoint` started in [from, to): how many, how many failed
// with an RPC error.
std::pair<int, int> rpcFailures(const Run& run, const std::string& endpoint, TimestampMs from, TimestampMs to) {
    std::map<std::string, TaskEvent> started;
    int total = 0, failed = 0;
    for (const auto& t : only<TaskEvent>(run.records)) {
        if (t.state == TaskState::Started) {
            if (t.endpoint == endpoint && t.ts >= from && t.ts < to) started[t.task_id] = t;
            continue;
        }
        if (!started.erase(t.task_id)) continue;
        ++total;
        failed += (t.state == TaskState::Failed && (t.error == "rpc_unavailable" || t.error == "timeout")) ? 1 : 0;
    }
    return {total, failed};
}

void checkRpcOutage(const Run& run, const FaultLabel& l) {
    const std::string ep = bare(l.target);
    const auto before = samples(run.records, "rpc.error_rate", l.target, l.start - 4 * kMin, l.start);
    const auto during = samples(run.records, "rpc.error_rate", l.target, l.start + 30'000, l.end);
    QVERIFY2(maxOf(before) < 0.05, qPrintable(QString("error rate before %1").arg(maxOf(before))));
    QVERIFY2(mean(during) > 0.7, qPrintable(QString("error rate during %1").arg(mean(during))));
    const auto after = samples(run.records, "rpc.error_rate", l.target, l.end + kMin, l.end + 2 * kMin);
    QVERIFY(maxOf(after) < 0.05);
    const auto [totalBefore, failedBefore] = rpcFailures(run, ep, l.start - 4 * kMin, l.start - 20'000);
    QVERIFY(totalBefore > 5);
    QVERIFY2(failedBefore * 10 <= totalBefore, "tasks failing before the outage");
    const auto [total, failed] = rpcFailures(run, ep, l.start, l.end - 15'000);
    QVERIFY2(total >= 5, qPrintable(QString("only %1 tasks on %2 during outage").arg(total).arg(ep.c_str())));
    QVERIFY2(failed * 10 >= total * 8, qPrintable(QString("%1 of %2 failed").arg(failed).arg(total)));
    const auto latency = samples(run.records, "rpc.latency_ms", l.target, l.start + 5000, l.end);
    QVERIFY(mean(latency) > 10 * mean(samples(run.records, "rpc.latency_ms", l.target, l.start - 4 * kMin, l.start)));
}

void checkLatencySpike(const Run& run, const FaultLabel& l) {
    const bool host = l.target.rfind("host:", 0) == 0;
    const char* series = host ? "net.latency_ms" : "rpc.latency_ms";
    // The spike ramps over 10 s at either end; look at the middle.
    const double before = mean(samples(run.records, series, l.target, l.start - 4 * kMin, l.start));
    const double during = mean(samples(run.records, series, l.target, l.start + 15'000, l.end - 15'000));
    QVERIFY2(during > 4 * before, qPrintable(QString("%1 %2 -> %3").arg(series).arg(before).arg(during)));
    // Agents behind it see it in their API latency.
    int affected = 0;
    for (const auto& a : run.sim->agentInfo()) {
        if ((host ? a.host : a.endpoint) != bare(l.target)) continue;
        const std::string t = "agent:" + a.id;
        const double b = mean(samples(run.records, "api.latency_ms", t, l.start - 4 * kMin, l.start));
        const double d = mean(samples(run.records, "api.latency_ms", t, l.start + 15'000, l.end - 15'000));
        QVERIFY2(d > 1.5 * b, qPrintable(QString("%1 api latency %2 -> %3").arg(t.c_str()).arg(b).arg(d)));
        ++affected;
    }
    QVERIFY(affected >= 2);
}

void checkGasSpike(const Run& run, const FaultLabel& l) {
    const double before = mean(samples(run.records, "gas.price_gwei", l.target, l.start - 4 * kMin, l.start));
    const double beforeMax = maxOf(samples(run.records, "gas.price_gwei", l.target, l.start - 4 * kMin, l.start));
    const double peak = maxOf(samples(run.records, "gas.price_gwei", l.target, l.start, l.end));
    QVERIFY2(peak > 3 * before, qPrintable(QString("gas %1 -> %2").arg(before).arg(peak)));
    QVERIFY(beforeMax < 2 * before);
    const double after = mean(samples(run.records, "gas.price_gwei", l.target, l.end + kMin, l.end + 2 * kMin));
    QVERIFY(after < 2 * before);
}

void checkWorkerOverload(const Run& run, const FaultLabel& l) {
    const auto before = samples(run.records, "worker.queue_depth", l.target, l.start - 4 * kMin, l.start);
    const auto atEnd = samples(run.records, "worker.queue_depth", l.target, l.end - 1000, l.end);
    QVERIFY(!atEnd.empty());
    QVERIFY2(maxOf(before) <= 6, qPrintable(QString("queue before %1").arg(maxOf(before))));
    QVERIFY2(atEnd.front().value >= 12 && atEnd.front().value > 3 * maxOf(before),
             qPrintable(QString("queue %1 -> %2").arg(maxOf(before)).arg(atEnd.front().value)));
    // It grew during the window rather than jumping.
    const auto first = samples(run.records, "worker.queue_depth", l.target, l.start + 20'000, l.start + 21'000);
    QVERIFY(first.front().value < atEnd.front().value);
}

void checkStuckTx(const Run& run, const FaultLabel& l) {
    const std::string agent = bare(l.target);
    const auto txs = only<TxEvent>(run.records, [&](const TxEvent& t) { return t.agent == agent; });
    const TxEvent* stuck = nullptr;
    for (const auto& t : txs)
        if (t.state == TxState::Submitted && t.ts >= l.start && t.ts < l.start + 1000) stuck = &t;
    QVERIFY2(stuck, "no transaction submitted at the label's start");
    const std::string hash = stuck->tx_hash;
    const std::int64_t nonce = stuck->nonce;
    const std::string idem = stuck->idempotency_key;
    bool dropped = false, confirmedLater = false;
    for (const auto& t : txs) {
        if (t.tx_hash == hash && t.state != TxState::Submitted) {
            QVERIFY2(t.state == TxState::Dropped, "the stuck tx was mined");
            QVERIFY(t.ts >= l.end && t.ts < l.end + 2000);
            dropped = true;
        }
        if (t.nonce == nonce && t.state == TxState::Confirmed) {
            QVERIFY(t.ts > l.end);
            QCOMPARE(t.idempotency_key, idem);
            QVERIFY(t.tx_hash != hash);
            confirmedLater = true;
        }
        // Nothing of this agent with a higher nonce is mined while it is stuck.
        if (t.nonce > nonce && (t.state == TxState::Confirmed || t.state == TxState::Failed)) QVERIFY(t.ts > l.end);
    }
    QVERIFY(dropped);
    QVERIFY(confirmedLater);
    // The chain's pending count shows it for the whole window.
    const std::string chain = "chain:" + stuck->chain;
    for (const auto& m : samples(run.records, "tx.pending", chain, l.start + 1000, l.end)) QVERIFY(m.value >= 1);
    // And the agent warns about it.
    const auto warns = only<LogLine>(run.records, [&](const LogLine& g) {
        return g.source == agent && g.level == LogLevel::Warn && g.message.find("pending for") != std::string::npos &&
               g.ts < l.start + 200'000 && g.ts > l.start;
    });
    QVERIFY(!warns.empty());
}

void checkFailedTxBurst(const Run& run, const FaultLabel& l) {
    const std::string agent = bare(l.target);
    auto failed = [&](TimestampMs from, TimestampMs to) {
        return only<TxEvent>(run.records, [&](const TxEvent& t) {
                   return t.agent == agent && t.state == TxState::Failed && t.ts >= from && t.ts < to;
               }).size();
    };
    const auto mined = only<TxEvent>(run.records, [&](const TxEvent& t) {
        return t.agent == agent && (t.state == TxState::Failed || t.state == TxState::Confirmed) && t.ts >= l.start + 20'000 &&
               t.ts < l.end;
    });
    QVERIFY(failed(l.start - 4 * kMin, l.start) <= 1);
    const auto burst = failed(l.start, l.end + 2000);
    QVERIFY2(burst >= 4, qPrintable(QString("only %1 failed tx").arg(burst)));
    QVERIFY2(burst * 2 >= mined.size(), "most mined transactions should revert");
    QVERIFY(failed(l.end + 30'000, l.end + 5 * kMin) <= 1);
}

void checkLabel(const Run& run, const FaultLabel& l) {
    if (l.kind == kRpcOutage) checkRpcOutage(run, l);
    else if (l.kind == kLatencySpike) checkLatencySpike(run, l);
    else if (l.kind == kGasSpike) checkGasSpike(run, l);
    else if (l.kind == kWorkerOverload) checkWorkerOverload(run, l);
    else if (l.kind == kStuckTx) checkStuckTx(run, l);
    else if (l.kind == kFailedTxBurst) checkFailedTxBurst(run, l);
    else QFAIL(qPrintable(QString("unknown kind ") + l.kind.c_str()));
}

void checkWindow(const FleetSimulator& sim, const FaultLabel& l) {
    // Warm-up of 5 minutes before any fault; every fault over 2 minutes before the end.
    QVERIFY(l.start >= sim.start() + 5 * kMin);
    QVERIFY(l.end <= sim.end() - 2 * kMin);
    QVERIFY(l.end - l.start >= kMin);
    QCOMPARE(l.start % 1000, TimestampMs(0));
}

}  // namespace

class TestScenarios : public QObject {
    Q_OBJECT

private slots:
    void singleFaults_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<quint64>("seed");
        for (const char* s : {"rpc-outage", "latency-spike", "gas-spike", "worker-overload", "stuck-tx", "failed-tx-burst"})
            for (quint64 seed : {1, 2, 3, 4, 5, 6})
                QTest::addRow("%s/%llu", s, static_cast<unsigned long long>(seed)) << QString(s) << seed;
    }
    void singleFaults() {
        QFETCH(QString, scenario);
        QFETCH(quint64, seed);
        const Run run = simulate(scenario.toStdString(), seed);
        QCOMPARE(run.sim->labels().size(), std::size_t(1));
        const FaultLabel& l = run.sim->labels().front();
        QCOMPARE(QString::fromStdString(l.kind), scenario);
        checkWindow(*run.sim, l);
        checkLabel(run, l);
    }

    void latencySpikesHitEndpointsAndHosts() {
        std::set<std::string> kinds;
        for (std::uint64_t seed = 1; seed <= 12; ++seed)
            kinds.insert(FleetSimulator("latency-spike", seed).labels().front().target.substr(0, 4));
        QVERIFY(kinds.count("rpc:") && kinds.count("host"));
    }

    void cascade_data() {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : {1, 2, 3, 7, 11}) QTest::addRow("%llu", static_cast<unsigned long long>(seed)) << seed;
    }
    void cascade() {
        QFETCH(quint64, seed);
        const Run run = simulate("cascade", seed);
        const auto& labels = run.sim->labels();
        QVERIFY(labels.size() >= 3);
        std::set<std::string> kinds;
        TimestampMs latestStart = 0, earliestEnd = run.sim->end();
        for (const auto& l : labels) {
            kinds.insert(l.kind);
            checkWindow(*run.sim, l);
            latestStart = std::max(latestStart, l.start);
            earliestEnd = std::min(earliestEnd, l.end);
        }
        QVERIFY(kinds.size() >= 3);
        QVERIFY2(latestStart + kMin < earliestEnd, "all faults should be active together for at least a minute");
        for (const auto& l : labels) {
            if (l.kind == kGasSpike) {
                checkGasSpike(run, l);  // its before-window is fault-free
                continue;
            }
            // Later faults start while the gas spike is on; check what is theirs alone.
            if (l.kind == kRpcOutage) {
                const auto during = samples(run.records, "rpc.error_rate", l.target, l.start + 30'000, l.end);
                QVERIFY(mean(during) > 0.7);
                const auto [total, failed] = rpcFailures(run, bare(l.target), l.start, l.end - 15'000);
                QVERIFY(total >= 5 && failed * 10 >= total * 8);
            } else if (l.kind == kWorkerOverload) {
                checkWorkerOverload(run, l);
            } else if (l.kind == kStuckTx) {
                checkStuckTx(run, l);
            }
        }
    }

    void calmStaysCalm_data() {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : {1, 2, 3}) QTest::addRow("%llu", static_cast<unsigned long long>(seed)) << seed;
    }
    void calmStaysCalm() {
        QFETCH(quint64, seed);
        FleetSimulator sim(ScenarioSpec{"calm", 4 * 3600, false}, seed);
        QVERIFY(sim.labels().empty());
        const auto records = runFor(sim, sim.end());
        int done = 0, failed = 0;
        for (const auto& t : only<TaskEvent>(records)) {
            done += t.state != TaskState::Started;
            failed += t.state == TaskState::Failed;
        }
        QVERIFY(done > 4000);
        QVERIFY2(failed * 100 < done * 2, qPrintable(QString("%1 of %2 failed").arg(failed).arg(done)));
        for (const auto& ep : sim.endpoints()) QVERIFY(maxOf(samples(records, "rpc.error_rate", ep, 0, sim.end())) < 0.05);
        for (const auto& p : sim.pools()) QVERIFY(maxOf(samples(records, "worker.queue_depth", p, 0, sim.end())) < 15);
        for (const char* c : {"chain:ethereum", "chain:arbitrum"}) {
            const auto gas = samples(records, "gas.price_gwei", c, 0, sim.end());
            QVERIFY(maxOf(gas) < 2.5 * mean(gas));
        }
        for (const auto& l : only<LogLine>(records)) QVERIFY2(l.source != "rpc-health", l.message.c_str());
        for (const auto& tx : only<TxEvent>(records)) QVERIFY(tx.state != TxState::Dropped && tx.state != TxState::Replaced);
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
