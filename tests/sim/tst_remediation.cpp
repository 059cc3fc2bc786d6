// Faults respond to remediation: each hook is compared against the same seed
// left alone (a control run), so the difference is the hook's doing.
#include "SimTestSupport.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace vigil;
using namespace simtest;

namespace {

constexpr TimestampMs kMin = 60'000;

struct TaskTally {
    int total = 0, failed = 0;
};

// Tasks of `agents` started in [from, to) and finished.
TaskTally tasksOf(const std::vector<Record>& records, const std::set<std::string>& agents, TimestampMs from, TimestampMs to) {
    std::set<std::string> started;
    TaskTally tally;
    for (const auto& t : only<TaskEvent>(records)) {
        if (!agents.count(t.agent)) continue;
        if (t.state == TaskState::Started) {
            if (t.ts >= from && t.ts < to) started.insert(t.task_id);
        } else if (started.erase(t.task_id)) {
            ++tally.total;
            tally.failed += t.state == TaskState::Failed;
        }
    }
    return tally;
}

}  // namespace

class TestRemediation : public QObject {
    Q_OBJECT

private slots:
    void failoverEndsTheOutageForMovedAgents() {
        FleetSimulator fixed("rpc-outage", 2), control("rpc-outage", 2);
        const FaultLabel l = fixed.labels().front();
        const std::string ep = bare(l.target);
        std::set<std::string> onIt;
        for (const auto& a : fixed.agentInfo())
            if (a.endpoint == ep) onIt.insert(a.id);
        QVERIFY(onIt.size() >= 5);
        const std::string backup = ep.substr(0, ep.size() - 1) + "b";

        const TimestampMs at = l.start + 30'000;
        auto records = runFor(fixed, at);
        auto controlRecords = runFor(control, l.end);
        QVERIFY(fixed.failover(l.target, "rpc:" + backup));
        auto rest = runFor(fixed, l.end);
        records.insert(records.end(), rest.begin(), rest.end());

        for (const auto& a : fixed.agentInfo())
            if (onIt.count(a.id)) QCOMPARE(a.endpoint, backup);
        const TaskTally before = tasksOf(records, onIt, l.start, at - 12'000);
        const TaskTally after = tasksOf(records, onIt, at + 1000, l.end - 15'000);
        const TaskTally left = tasksOf(controlRecords, onIt, at + 1000, l.end - 15'000);
        QVERIFY(before.total > 3 && before.failed * 10 >= before.total * 8);
        QVERIFY(after.total > 10);
        QVERIFY2(after.failed * 10 <= after.total, qPrintable(QString("%1/%2 failed after failover").arg(after.failed).arg(after.total)));
        QVERIFY(left.failed * 10 >= left.total * 8);  // the control keeps failing
        for (const auto& t : only<TaskEvent>(rest, [&](const TaskEvent& t) { return onIt.count(t.agent) && t.state == TaskState::Started; }))
            QCOMPARE(t.endpoint, backup);
        // The endpoint itself is still down: its health checks keep failing.
        QVERIFY(mean(samples(rest, "rpc.error_rate", l.target, l.end - kMin, l.end)) > 0.7);
        // The agents' API latency is back to normal.
        for (const auto& id : onIt)
            QVERIFY(mean(samples(rest, "api.latency_ms", "agent:" + id, at + 10'000, l.end)) < 300);
        const auto logs = only<LogLine>(rest, [](const LogLine& g) { return g.message.find("switched RPC endpoint") != std::string::npos; });
        QCOMPARE(logs.size(), onIt.size());
    }

    void failoverOfOneAgentMovesOnlyIt() {
        FleetSimulator sim("calm", 1);
        runFor(sim, sim.start() + 10'000);
        QVERIFY(sim.failover("agent-03", "eth-main-b"));
        int moved = 0;
        for (const auto& a : sim.agentInfo()) moved += a.endpoint == "eth-main-b";
        QCOMPARE(moved, 1);
        QVERIFY(!sim.failover("agent-03", "arb-main-b"));     // other chain
        QVERIFY(!sim.failover("agent-99", "eth-main-b"));     // unknown agent
        QVERIFY(!sim.failover("agent-03", "eth-main-z"));     // unknown endpoint
        QVERIFY(!sim.failover("rpc:eth-main-a", "rpc:arb-main-b"));
        QVERIFY(sim.failover("agent:agent-03", "rpc:eth-main-a"));  // typed names work too
    }

    void scalingUpDrainsAnOverloadedQueue() {
        FleetSimulator fixed("worker-overload", 3), control("worker-overload", 3);
        const FaultLabel l = fixed.labels().front();
        const int workers = fixed.workerCount(l.target);
        QVERIFY(workers >= 3);
        const TimestampMs at = l.start + kMin;
        runFor(fixed, at);
        QVERIFY(fixed.scaleWorkers(l.target, workers));
        QCOMPARE(fixed.workerCount(l.target), 2 * workers);
        const auto records = runFor(fixed, l.end + 10 * kMin);
        const auto controlRecords = runFor(control, l.end + 10 * kMin);
        const double scaledAtEnd = samples(records, "worker.queue_depth", l.target, l.end - 1000, l.end).front().value;
        const double leftAtEnd = samples(controlRecords, "worker.queue_depth", l.target, l.end - 1000, l.end).front().value;
        QVERIFY2(leftAtEnd >= 12, qPrintable(QString::number(leftAtEnd)));
        QVERIFY2(scaledAtEnd * 3 < leftAtEnd, qPrintable(QString("%1 vs %2").arg(scaledAtEnd).arg(leftAtEnd)));
        QCOMPARE(samples(records, "worker.count", l.target, l.end, l.end + kMin).front().value, double(2 * workers));
        // The new workers do the work.
        const auto newcomers = only<TaskEvent>(records, [](const TaskEvent& t) { return t.agent > "agent-12"; });
        QVERIFY(newcomers.size() > 10);
        QVERIFY(mean(samples(records, "worker.queue_depth", l.target, l.end + 5 * kMin, l.end + 10 * kMin)) < 3);
    }

    void scalingHasLimits() {
        FleetSimulator sim("calm", 1);
        QVERIFY(!sim.scaleWorkers("pool:nope", 1));
        QVERIFY(!sim.scaleWorkers("rebalance", -3));  // would leave none
        QVERIFY(!sim.scaleWorkers("rebalance", 0));
        QVERIFY(!sim.scaleWorkers("rebalance", 100));
        QVERIFY(sim.scaleWorkers("rebalance", -1));
        QCOMPARE(sim.workerCount("rebalance"), 2);
        runFor(sim, sim.start() + 10 * kMin);
        QCOMPARE(sim.agents().size(), std::size_t(11));
    }

    // A worker scaled down leaves with a word: one `retired` task event once it has
    // drained (at once when idle), and nothing from it afterwards; the workers that
    // stay never say it.
    void scaledDownWorkersSayTheyRetired_data() {
        QTest::addColumn<int>("offsetMs");  // into a tick: the simulator has made the rest of it
        for (int ms : {0, 137, 500, 733, 999}) QTest::newRow(qPrintable(QString::number(ms))) << ms;
    }
    void scaledDownWorkersSayTheyRetired() {
        QFETCH(int, offsetMs);
        FleetSimulator sim("calm", 1);
        const auto all = sim.agents();
        const auto records0 = runFor(sim, sim.start() + 2 * kMin + offsetMs);
        QVERIFY(sim.scaleWorkers("rebalance", -2));
        const auto records = runFor(sim, sim.start() + 12 * kMin);
        const auto left = sim.agents();
        std::set<std::string> gone;
        for (const auto& a : all)
            if (std::find(left.begin(), left.end(), a) == left.end()) gone.insert(a.substr(a.find(':') + 1));
        QCOMPARE(gone.size(), std::size_t(2));
        QVERIFY(only<TaskEvent>(records0, [](const TaskEvent& t) { return t.state == TaskState::Retired; }).empty());
        const auto retired = only<TaskEvent>(records, [](const TaskEvent& t) { return t.state == TaskState::Retired; });
        QCOMPARE(retired.size(), std::size_t(2));
        for (const TaskEvent& r : retired) {
            QVERIFY2(gone.count(r.agent), r.agent.c_str());
            QCOMPARE(r.workflow, std::string("rebalance"));
            QVERIFY(r.task_id.empty());
            QVERIFY(!r.endpoint.empty());
            // Its last word: no task event and no metric about it afterwards, not even
            // from the tick the simulator had already made when it was told to leave.
            const std::string target = "agent:" + r.agent;
            for (const auto& rec : records) {
                if (timestampOf(rec) <= r.ts) continue;
                if (const auto* t = std::get_if<TaskEvent>(&rec)) QVERIFY2(t->agent != r.agent, r.agent.c_str());
                if (const auto* m = std::get_if<MetricSample>(&rec)) QVERIFY2(m->target != target, target.c_str());
            }
        }
        QCOMPARE(retired[0].agent == retired[1].agent, false);
    }

    void replacingAStuckTxConfirmsIt() {
        FleetSimulator fixed("stuck-tx", 5), control("stuck-tx", 5);
        const FaultLabel l = fixed.labels().front();
        const std::string agent = bare(l.target);
        runFor(fixed, l.start + 2 * kMin);
        FleetSimulator::PendingTx stuck;
        for (const auto& p : fixed.pendingTxs())
            if (p.agent == agent && p.submitted >= l.start && p.submitted < l.start + 1000) stuck = p;
        QVERIFY(!stuck.hash.empty());
        QVERIFY(!fixed.replaceTx(agent, stuck.nonce, 1.05));  // underpriced replacement
        QVERIFY(!fixed.replaceTx(agent, stuck.nonce + 1000, 1.2));
        QVERIFY(!fixed.replaceTx("agent-99", stuck.nonce, 1.2));
        QVERIFY(fixed.replaceTx(agent, stuck.nonce, 1.125));
        const auto records = runFor(fixed, l.start + 4 * kMin);
        const auto txs = only<TxEvent>(records, [&](const TxEvent& t) { return t.nonce == stuck.nonce && t.agent == agent; });
        QVERIFY(txs.size() >= 3);
        QCOMPARE(txs[0].tx_hash, stuck.hash);
        QVERIFY(txs[0].state == TxState::Replaced);
        QVERIFY(txs[1].state == TxState::Submitted);
        QVERIFY(txs[1].tx_hash != stuck.hash);
        QCOMPARE(txs[1].idempotency_key, stuck.idempotencyKey);
        QVERIFY(txs[1].max_fee_gwei >= stuck.maxFeeGwei * 1.125);
        QVERIFY(txs[1].priority_fee_gwei >= stuck.priorityFeeGwei * 1.125);
        QCOMPARE(txs[2].tx_hash, txs[1].tx_hash);
        QVERIFY(txs[2].state == TxState::Confirmed);
        QVERIFY(txs[2].ts - txs[1].ts < kMin);
        // The nonces queued behind it follow; no Dropped event at the label's end.
        const auto later = runFor(fixed, l.end + 2 * kMin);
        for (const auto& t : only<TxEvent>(later)) QVERIFY(t.state != TxState::Dropped);
        const auto controlTxs = only<TxEvent>(runFor(control, l.end + 2 * kMin),
                                              [&](const TxEvent& t) { return t.tx_hash == stuck.hash && t.state != TxState::Submitted; });
        QCOMPARE(controlTxs.size(), std::size_t(1));
        QVERIFY(controlTxs[0].state == TxState::Dropped);  // left alone it stays stuck until dropped
    }

    void rollbackStopsAFailedTxBurst() {
        FleetSimulator fixed("failed-tx-burst", 1), control("failed-tx-burst", 1);
        const FaultLabel l = fixed.labels().front();
        const std::string agent = bare(l.target);
        const TimestampMs at = l.start + 20'000;
        runFor(fixed, at);
        QVERIFY(fixed.rollbackWorkflow(agent));
        QVERIFY(!fixed.rollbackWorkflow("agent-99"));
        auto failedTx = [&](const std::vector<Record>& r) {
            return only<TxEvent>(r, [&](const TxEvent& t) {
                       return t.agent == agent && t.state == TxState::Failed && t.ts > at + 30'000 && t.ts < l.end;
                   }).size();
        };
        const auto fixedRecords = runFor(fixed, l.end);
        const auto controlRecords = runFor(control, l.end);
        QVERIFY2(failedTx(controlRecords) >= 4, qPrintable(QString::number(failedTx(controlRecords))));
        QVERIFY(failedTx(fixedRecords) <= 1);
    }

    void remediationIsDeterministic() {
        auto run = [] {
            FleetSimulator sim("cascade", 7);
            std::vector<Record> out;
            const auto& labels = sim.labels();
            sim.advance(labels.back().start + 30'500, out);
            for (const auto& l : labels)
                if (l.kind == kRpcOutage) sim.failover(l.target, bare(l.target).substr(0, 9) + "b");
            sim.scaleWorkers("pool:airdrop_claim", 2);
            sim.advance(sim.end(), out);
            return encode(out);
        };
        QCOMPARE(run(), run());
    }
};

QTEST_GUILESS_MAIN(TestRemediation)
#include "tst_remediation.moc"
