// The incident correlator on hand-made anomaly streams and a virtual clock
// (record timestamps and ticks): grouping, attaching, flapping, cause, lifecycle,
// narrative, bounded output and deterministic ids.
#include "correlate/IncidentCorrelator.h"

#include <QtTest>

#include <set>

using namespace vigil;

namespace {

constexpr TimestampMs kT0 = 1'767'225'600'000;  // 2026-01-01 00:00:00Z
constexpr TimestampMs kS = 1000;

TaskEvent task(TimestampMs ts, const std::string& agent, const std::string& endpoint, const std::string& workflow) {
    TaskEvent e;
    e.ts = ts;
    e.task_id = "t-" + agent;
    e.agent = agent;
    e.endpoint = endpoint;
    e.workflow = workflow;
    e.state = TaskState::Succeeded;
    return e;
}

Anomaly anomaly(TimestampMs ts, const std::string& detector, const std::string& target, double score,
                const std::string& series = {}) {
    Anomaly a;
    a.ts = ts;
    a.id = detector + "/" + target + "@" + std::to_string(ts);
    a.detector = detector;
    a.series = series.empty() ? detector : series;
    a.target = target;
    a.score = score;
    a.explanation = detector + " fired on " + target + ".";
    return a;
}

struct Harness {
    IncidentCorrelator corr;
    std::vector<Record> out;
    explicit Harness(CorrelatorConfig cfg = {}) : corr(std::move(cfg)) {
        // Topology: agent-01 and agent-02 use eth-main-a (rebalance / airdrop_claim);
        // agent-03 uses arb-main-a; eth-main-a serves ethereum.
        feed(task(kT0, "agent-01", "eth-main-a", "rebalance"));
        feed(task(kT0, "agent-02", "eth-main-a", "airdrop_claim"));
        feed(task(kT0, "agent-03", "arb-main-a", "wallet_monitor"));
        TxEvent tx;
        tx.ts = kT0;
        tx.tx_hash = "0x1";
        tx.agent = "agent-01";
        tx.chain = "ethereum";
        tx.endpoint = "eth-main-a";
        feed(tx);
    }
    void feed(const Record& r) { QVERIFY(corr.process(r, out)); }
    void tick(TimestampMs t) { corr.tick(t, out); }
    std::vector<Incident> incidents() const {
        std::vector<Incident> v;
        for (const auto& r : out)
            if (const auto* i = std::get_if<Incident>(&r)) v.push_back(*i);
        return v;
    }
    std::set<std::string> ids() const {
        std::set<std::string> s;
        for (const auto& i : incidents()) s.insert(i.id);
        return s;
    }
    Incident last() const { return incidents().back(); }
};

}  // namespace

class TestCorrelator : public QObject {
    Q_OBJECT
private slots:
    void groupsRelatedAnomaliesIntoOneIncident() {
        Harness h;
        h.feed(anomaly(kT0 + 100 * kS, "task.failure_ratio", "rpc:eth-main-a", 0.9));
        QCOMPARE(h.incidents().size(), std::size_t(1));
        QCOMPARE(std::string(toString(h.last().state)), std::string("open"));
        QCOMPARE(h.last().opened, kT0 + 100 * kS);
        h.feed(anomaly(kT0 + 110 * kS, "task.failure_ratio", "agent:agent-01", 0.9));
        h.feed(anomaly(kT0 + 120 * kS, "task.failure_ratio", "workflow:rebalance", 0.9));
        h.feed(anomaly(kT0 + 125 * kS, "metric.ensemble", "agent:agent-02", 0.6, "api.latency_ms"));
        h.tick(kT0 + 140 * kS);
        QCOMPARE(h.ids().size(), std::size_t(1));
        const Incident inc = h.last();
        QCOMPARE(inc.anomaly_count, std::int64_t(4));
        const std::set<std::string> targets(inc.targets.begin(), inc.targets.end());
        QCOMPARE(targets, (std::set<std::string>{"rpc:eth-main-a", "agent:agent-01", "workflow:rebalance",
                                                 "agent:agent-02"}));
        QCOMPARE(inc.targets.front(), inc.cause);
    }

    void unrelatedTargetsOpenSeparateIncidents() {
        Harness h;
        h.feed(anomaly(kT0 + 100 * kS, "task.failure_ratio", "rpc:eth-main-a", 0.9));
        h.feed(anomaly(kT0 + 105 * kS, "task.failure_ratio", "agent:agent-03", 0.9));  // other endpoint, other chain
        QCOMPARE(h.ids().size(), std::size_t(2));
        // Related but far apart in time once the first is resolved and forgotten: new incident.
    }

    void weakSignalsAloneOpenNothing() {
        Harness h;
        for (int i = 0; i < 20; ++i) {
            h.feed(anomaly(kT0 + (100 + 30 * i) * kS, "metric.ensemble", "rpc:eth-main-a", 0.6, "rpc.latency_ms"));
            h.feed(anomaly(kT0 + (101 + 30 * i) * kS, "log.new_template", "agent-01", 1.0, "log.template:1"));
            h.feed(anomaly(kT0 + (102 + 30 * i) * kS, "metric.ensemble", "agent:agent-01", 0.99, "api.latency_ms"));
        }
        h.tick(kT0 + 3600 * kS);
        QCOMPARE(h.incidents().size(), std::size_t(0));
        QCOMPARE(h.corr.counters().anomalies, std::int64_t(60));
    }

    void strongMetricBurstUpstreamOpens() {
        Harness h;
        h.feed(anomaly(kT0 + 100 * kS, "metric.ensemble", "rpc:eth-main-a", 0.99, "rpc.latency_ms"));
        h.feed(anomaly(kT0 + 101 * kS, "metric.ensemble", "agent:agent-01", 0.98, "api.latency_ms"));
        QCOMPARE(h.incidents().size(), std::size_t(0));  // one upstream series is not enough
        h.feed(anomaly(kT0 + 102 * kS, "metric.ensemble", "rpc:eth-main-a", 0.95, "rpc.error_rate"));
        QCOMPARE(h.incidents().size(), std::size_t(1));
        QCOMPARE(h.last().cause, std::string("rpc:eth-main-a"));
        QCOMPARE(h.last().anomaly_count, std::int64_t(3));
    }

    void causeIsTheEarliestUpstreamTarget() {
        Harness h;
        // The agents' failures are seen first; the endpoint's own signal 8 s later
        // still leads, because it explains both agents and the workflow.
        h.feed(anomaly(kT0 + 100 * kS, "task.failure_ratio", "agent:agent-01", 0.9));
        h.feed(anomaly(kT0 + 104 * kS, "task.failure_ratio", "agent:agent-02", 0.9));
        h.feed(anomaly(kT0 + 108 * kS, "level.shift", "rpc:eth-main-a", 0.95, "rpc.error_rate"));
        h.feed(anomaly(kT0 + 112 * kS, "task.failure_ratio", "workflow:rebalance", 0.9));
        h.tick(kT0 + 130 * kS);
        const Incident inc = h.last();
        QCOMPARE(h.ids().size(), std::size_t(1));
        QCOMPARE(inc.cause, std::string("rpc:eth-main-a"));
        QVERIFY2(inc.narrative.find("Likely cause: rpc:eth-main-a") != std::string::npos, inc.narrative.c_str());
        QVERIFY2(inc.narrative.find("explains 3 affected targets") != std::string::npos, inc.narrative.c_str());
        QVERIFY(inc.narrative.find("since 2026-01-01 00:01:40Z") != std::string::npos);
        QVERIFY(inc.narrative.find("repeated task failures") != std::string::npos);
        // Fund-moving workflows (rebalance, airdrop_claim) and strong scores make it critical.
        QCOMPARE(std::string(toString(inc.severity)), std::string("critical"));
    }

    void lifecycleOpenMitigatedResolved() {
        Harness h;
        h.feed(anomaly(kT0 + 100 * kS, "gas.spike", "chain:ethereum", 0.85, "gas.price_gwei"));
        h.tick(kT0 + 219 * kS);
        QCOMPARE(std::string(toString(h.last().state)), std::string("open"));
        h.tick(kT0 + 221 * kS);
        QCOMPARE(std::string(toString(h.last().state)), std::string("mitigated"));
        QCOMPARE(h.last().ts, kT0 + 220 * kS);  // from the last signal, not from when the tick came
        h.tick(kT0 + 399 * kS);
        QCOMPARE(std::string(toString(h.last().state)), std::string("mitigated"));
        h.tick(kT0 + 2000 * kS);  // a long quiet gap: resolved at last signal + 300 s
        QCOMPARE(std::string(toString(h.last().state)), std::string("resolved"));
        QCOMPARE(h.last().ts, kT0 + 400 * kS);
        QVERIFY(h.last().narrative.find("Resolved at 2026-01-01 00:06:40Z") != std::string::npos);
        QCOMPARE(h.incidents().size(), std::size_t(3));  // open, mitigated, resolved
    }

    void signalsBackReopenAMitigatedIncident() {
        Harness h;
        h.feed(anomaly(kT0 + 100 * kS, "gas.spike", "chain:ethereum", 0.85, "gas.price_gwei"));
        h.tick(kT0 + 250 * kS);
        QCOMPARE(std::string(toString(h.last().state)), std::string("mitigated"));
        h.feed(anomaly(kT0 + 260 * kS, "tx.stuck", "agent:agent-01", 0.9, "tx.pending_ms"));
        QCOMPARE(std::string(toString(h.last().state)), std::string("open"));
        QCOMPARE(h.ids().size(), std::size_t(1));
    }

    void flappingReusesTheIncident() {
        Harness h;
        h.feed(anomaly(kT0 + 100 * kS, "level.shift", "rpc:eth-main-a", 0.9, "rpc.latency_ms"));
        h.tick(kT0 + 500 * kS);
        QCOMPARE(std::string(toString(h.last().state)), std::string("resolved"));
        const std::string first = h.last().id;
        // Back within the cool-down (600 s after resolution): the same incident re-opens.
        h.feed(anomaly(kT0 + 700 * kS, "level.shift", "rpc:eth-main-a", 0.9, "rpc.latency_ms"));
        QCOMPARE(h.last().id, first);
        QCOMPARE(std::string(toString(h.last().state)), std::string("open"));
        QVERIFY(h.last().narrative.find("re-opened 1 time") != std::string::npos);
        QCOMPARE(h.corr.counters().reopened, std::int64_t(1));
        // Long after the cool-down, the same problem is a new incident.
        h.tick(kT0 + 5000 * kS);
        h.feed(anomaly(kT0 + 6000 * kS, "level.shift", "rpc:eth-main-a", 0.9, "rpc.latency_ms"));
        QCOMPARE(h.ids().size(), std::size_t(2));
        QVERIFY(h.last().id != first);
    }

    void remediationMitigates() {
        Harness h;
        h.feed(anomaly(kT0 + 100 * kS, "task.failure_ratio", "rpc:eth-main-a", 0.9));
        const std::string id = h.last().id;
        Action act;
        act.ts = kT0 + 110 * kS;
        act.id = "ACT-1";
        act.incident_id = id;
        act.kind = "failover_rpc";
        h.feed(act);
        h.feed(Outcome{kT0 + 115 * kS, "ACT-1", true, "moved 2 agents"});
        QCOMPARE(std::string(toString(h.last().state)), std::string("mitigated"));
        QVERIFY(h.last().narrative.find("remediation succeeded") != std::string::npos);
    }

    void vigilsOwnScaleIsNotASymptom() {
        // A growing queue opens an incident; Vigil scales the pool and it is mitigated.
        // The pool's worker count then jumps (the action working), which the metric
        // detector rightly finds unusual: that must not bring the incident back.
        auto run = [](bool withAction) {
            Harness h;
            h.feed(anomaly(kT0 + 100 * kS, "worker.queue_growth", "pool:airdrop_claim", 0.95, "worker.queue_depth"));
            const std::string id = h.last().id;
            Action act;
            act.ts = kT0 + 105 * kS;
            act.id = "ACT-1";
            act.incident_id = id;
            act.kind = withAction ? "scale_workers" : "notify";
            act.target = "pool:airdrop_claim";
            act.status = ActionStatus::Executing;
            h.feed(act);
            h.feed(Outcome{kT0 + 106 * kS, "ACT-1", true, "scaled pool:airdrop_claim from 4 to 12"});
            [&] { QCOMPARE(std::string(toString(h.last().state)), std::string("mitigated")); }();
            h.feed(anomaly(kT0 + 108 * kS, "metric.ensemble", "pool:airdrop_claim", 1.0, "worker.count"));
            return h;
        };
        Harness own = run(true);
        QCOMPARE(std::string(toString(own.last().state)), std::string("mitigated"));
        QCOMPARE(own.corr.counters().ownActionEffects, std::int64_t(1));
        QCOMPARE(own.last().anomaly_count, std::int64_t(1));  // not evidence of the incident
        // The same jump with no action of Vigil's to explain it is news: signals are back.
        Harness other = run(false);
        QCOMPARE(std::string(toString(other.last().state)), std::string("open"));
        QCOMPARE(other.corr.counters().ownActionEffects, std::int64_t(0));
        // After Vigil's scale, the queue itself growing again is still news.
        own.feed(anomaly(kT0 + 130 * kS, "worker.queue_growth", "pool:airdrop_claim", 0.95, "worker.queue_depth"));
        QCOMPARE(std::string(toString(own.last().state)), std::string("open"));
        QCOMPARE(own.ids().size(), std::size_t(1));
    }

    void outputIsBounded() {
        Harness h;
        // 300 anomalies on the same few targets over 5 minutes: a handful of updates.
        for (int i = 0; i < 300; ++i)
            h.feed(anomaly(kT0 + 100 * kS + i * kS, "task.failure_ratio", i % 2 ? "rpc:eth-main-a" : "agent:agent-01", 0.9));
        h.tick(kT0 + 420 * kS);
        QCOMPARE(h.ids().size(), std::size_t(1));
        QVERIFY2(h.incidents().size() <= 5, qPrintable(QString::number(h.incidents().size())));
        QCOMPARE(h.corr.counters().anomalies, std::int64_t(300));
    }

    void bareLogSourcesMapToTypedTargets() {
        Harness h;
        h.feed(anomaly(kT0 + 100 * kS, "task.failure_ratio", "rpc:eth-main-a", 0.9));
        Anomaly log = anomaly(kT0 + 105 * kS, "log.new_template", "rpc-health", 1.0, "log.template:9");
        log.explanation = "New error log pattern from rpc-health: \"health check eth-main-a failed\"";
        h.feed(log);
        h.feed(anomaly(kT0 + 106 * kS, "log.new_template", "agent-02", 1.0, "log.template:7"));
        h.tick(kT0 + 130 * kS);
        const Incident inc = h.last();
        QCOMPARE(h.ids().size(), std::size_t(1));
        QCOMPARE(inc.anomaly_count, std::int64_t(3));
        const std::set<std::string> targets(inc.targets.begin(), inc.targets.end());
        QVERIFY(targets.count("agent:agent-02"));
        QVERIFY(!targets.count("rpc-health"));
    }

    void narrativeNamesTheChangeBeforeTheFirstSignal() {
        Harness h;
        LogLine deploy;
        deploy.ts = kT0 + 40 * kS;
        deploy.source = "agent-01";
        deploy.message = "deployed workflow rebalance v2.4.0 (was v2.3.9)";
        h.feed(deploy);
        LogLine other;  // a change on an unrelated agent is not named
        other.ts = kT0 + 50 * kS;
        other.source = "agent-03";
        other.message = "config reloaded";
        h.feed(other);
        h.feed(anomaly(kT0 + 100 * kS, "tx.failure_ratio", "agent:agent-01", 0.95));
        QCOMPARE(h.incidents().size(), std::size_t(1));
        const std::string n = h.last().narrative;
        QVERIFY2(n.find("Changed before it: agent-01 \"deployed workflow rebalance v2.4.0 (was v2.3.9)\"") !=
                     std::string::npos, n.c_str());
        QVERIFY2(n.find("1m00s before the first signal") != std::string::npos, n.c_str());
        QVERIFY2(n.find("agent-03") == std::string::npos, n.c_str());
        QVERIFY2(n.find("repeated transaction failures") != std::string::npos, n.c_str());
        // A change long before (beyond the look-back) or after the first signal is not named.
        Harness late;
        deploy.ts = kT0 + 100 * kS - 16 * 60 * kS;
        late.feed(deploy);
        LogLine after = deploy;
        after.ts = kT0 + 101 * kS;
        late.feed(anomaly(kT0 + 100 * kS, "tx.failure_ratio", "agent:agent-01", 0.95));
        late.feed(after);
        late.tick(kT0 + 130 * kS);
        QVERIFY2(late.last().narrative.find("Changed") == std::string::npos, late.last().narrative.c_str());
    }

    void aChangeIsNamedOnceThoughTwoTargetsShareItsName() {
        Harness h;
        LogLine scaled;
        scaled.ts = kT0 + 60 * kS;
        scaled.source = "rebalance";  // pool:rebalance and workflow:rebalance both answer to it
        scaled.message = "pool rebalance scaled to 6 workers";
        h.feed(scaled);
        h.feed(anomaly(kT0 + 100 * kS, "worker.queue_growth", "pool:rebalance", 0.95));
        h.feed(anomaly(kT0 + 101 * kS, "task.failure_ratio", "workflow:rebalance", 0.95));
        h.tick(kT0 + 130 * kS);
        const std::string n = h.last().narrative;
        QVERIFY2(n.find("Changed before it: rebalance \"pool rebalance scaled to 6 workers\"") != std::string::npos,
                 n.c_str());
        QVERIFY2(n.find("Also changed") == std::string::npos, n.c_str());
    }

    void newErrorRightAfterADeployOpens() {
        // Alone a new error pattern only supports (weakSignalsAloneOpenNothing); right after
        // a deploy on the same agent it is the regression an engineer would page for.
        Harness h;
        h.feed(anomaly(kT0 + 100 * kS, "log.new_template", "agent-01", 1.0, "log.template:1"));
        h.tick(kT0 + 200 * kS);
        QCOMPARE(h.incidents().size(), std::size_t(0));
        LogLine deploy;
        deploy.ts = kT0 + 300 * kS;
        deploy.source = "agent-01";
        deploy.message = "deployed workflow rebalance v2.4.0 (was v2.3.9)";
        h.feed(deploy);
        h.feed(anomaly(kT0 + 350 * kS, "log.new_template", "agent-03", 1.0, "log.template:2"));  // not the deployed one
        h.tick(kT0 + 360 * kS);
        QCOMPARE(h.incidents().size(), std::size_t(0));
        h.feed(anomaly(kT0 + 380 * kS, "log.new_template", "agent-01", 0.6, "log.template:3"));  // a warning: no
        h.tick(kT0 + 390 * kS);
        QCOMPARE(h.incidents().size(), std::size_t(0));
        h.feed(anomaly(kT0 + 400 * kS, "log.new_template", "agent-01", 1.0, "log.template:4"));
        QCOMPARE(h.incidents().size(), std::size_t(1));
        QCOMPARE(h.last().cause, std::string("agent:agent-01"));
        QCOMPARE(h.last().opened, kT0 + 400 * kS);
        QVERIFY(h.last().narrative.find("deployed workflow rebalance") != std::string::npos);
    }

    void deterministicIdsAndRecords() {
        auto run = [] {
            Harness h;
            h.feed(anomaly(kT0 + 100 * kS, "task.failure_ratio", "rpc:eth-main-a", 0.9));
            h.feed(anomaly(kT0 + 130 * kS, "task.failure_ratio", "agent:agent-01", 0.95));
            h.feed(anomaly(kT0 + 150 * kS, "gas.spike", "chain:arbitrum", 0.9));
            h.tick(kT0 + 2000 * kS);
            return h.incidents();
        };
        const auto a = run(), b = run();
        QCOMPARE(a.size(), b.size());
        QVERIFY(a == b);
        QCOMPARE(a.front().id, std::string("INC-000001"));
        std::set<std::string> ids;
        for (const auto& i : a) ids.insert(i.id);
        QCOMPARE(ids, (std::set<std::string>{"INC-000001", "INC-000002"}));
    }
};

QTEST_GUILESS_MAIN(TestCorrelator)
#include "tst_correlator.moc"
