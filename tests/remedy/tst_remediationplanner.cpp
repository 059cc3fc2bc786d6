// RemediationPlanner on a virtual clock with hand-made anomalies and incidents:
// what it emits for each admission verdict (execute, dry run, approval, kill
// switch, budget escalation), that it plans once per incident and signature,
// repeats only a successful action whose signature comes back after the
// cooldown, and that ids and params are the same on every run.
#include "remedy/PolicyLoader.h"
#include "remedy/RemediationPlanner.h"
#include "remedy/SimFleetActuator.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

namespace {

Policy makePolicy(const std::string& brakes) {
    Policy p;
    std::string error;
    const bool ok = parsePolicy("version: 1\napproval_limit: 1\ntwo_person_limit: 10\ncooldown: 2m\n"
                                "budget: {max_actions: 2, window: 30m}\n" + brakes + "\n"
"rules:\n"
"  - name: rpc\n"
"    match: {kind: rpc-outage, cause: \"rpc:*\"}\n"
"    playbook:\n"
"      - action: failover_rpc\n"
"        risk: auto\n"
"        params: {to: healthiest}\n"
"  - name: overload\n"
"    match: {kind: worker-overload, cause: \"pool:*\"}\n"
"    playbook:\n"
"      - action: scale_workers\n"
"        risk: auto\n"
"        params: {step: \"2\"}\n"
"  - name: rollback\n"
"    match: {kind: failed-tx-burst}\n"
"    playbook:\n"
"      - action: rollback_workflow\n"
"        risk: approve\n",
                                "<test>", p, error);
    if (!ok) qFatal("policy: %s", error.c_str());
    return p;
}

struct CountingActuator final : Actuator {
    std::vector<Action> got;
    bool succeed = true;
    std::optional<Outcome> submit(const Action& a) override {
        got.push_back(a);
        return Outcome{a.ts, a.id, succeed, "done"};
    }
};

Anomaly errorShift(TimestampMs ts, const std::string& target = "rpc:eth-main-a") {
    Anomaly a;
    a.ts = ts;
    a.id = "an-" + std::to_string(ts);
    a.detector = "level.shift";
    a.series = "rpc.error_rate";
    a.target = target;
    return a;
}

Incident incident(TimestampMs ts, const std::string& id, std::vector<std::string> targets,
                  IncidentState st = IncidentState::Open) {
    Incident i;
    i.ts = ts;
    i.id = id;
    i.state = st;
    i.severity = Severity::Critical;
    i.opened = ts;
    i.targets = std::move(targets);
    i.cause = i.targets.empty() ? "" : i.targets.front();
    return i;
}

template <class T>
std::vector<T> only(const std::vector<Record>& rs) {
    std::vector<T> v;
    for (const auto& r : rs)
        if (const auto* x = std::get_if<T>(&r)) v.push_back(*x);
    return v;
}

}  // namespace

class TestRemediationPlanner : public QObject {
    Q_OBJECT
private slots:
    void executesAMatchedActionThroughTheActuator() {
        VirtualClock clock(1000);
        LivePolicy live(makePolicy(""));
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        planner.process(errorShift(1000), out);
        QVERIFY(out.empty());  // evidence alone, no incident: nothing to act on
        planner.process(incident(2000, "inc-1", {"agent:agent-01", "rpc:eth-main-a"}), out);
        const auto actions = only<Action>(out);
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(actions[0].kind, std::string("failover_rpc"));
        QCOMPARE(actions[0].target, std::string("rpc:eth-main-a"));
        QCOMPARE(actions[0].incident_id, std::string("inc-1"));
        QCOMPARE(actions[0].ts, TimestampMs(2000));
        QCOMPARE(std::string(toString(actions[0].status)), std::string(toString(ActionStatus::Executing)));
        QCOMPARE(actions[0].params, std::string("{\"evidence\":\"level.shift\",\"rule\":\"rpc\",\"to\":\"healthiest\",\"verdict\":\"execute\",\"why\":") +
                                        actions[0].params.substr(actions[0].params.find("\"why\":") + 6));
        QCOMPARE(act.got.size(), std::size_t(1));
        QCOMPARE(only<Outcome>(out).size(), std::size_t(1));
        QVERIFY(only<Outcome>(out)[0].success);
        // The same incident and signature again: planned once.
        out.clear();
        planner.process(incident(3000, "inc-1", {"agent:agent-01", "rpc:eth-main-a"}), out);
        planner.process(errorShift(3500), out);
        QVERIFY(only<Action>(out).empty());
        QCOMPARE(act.got.size(), std::size_t(1));
    }

    void idsAndParamsAreTheSameOnEveryRun() {
        auto runOnce = [] {
            VirtualClock clock(0);
            LivePolicy live(makePolicy(""));
            CountingActuator act;
            RemediationPlanner planner(clock, live, act);
            std::vector<Record> out;
            planner.process(errorShift(1000), out);
            planner.process(incident(2000, "inc-7", {"rpc:eth-main-a"}), out);
            return only<Action>(out);
        };
        const auto a = runOnce(), b = runOnce();
        QCOMPARE(a.size(), std::size_t(1));
        QVERIFY(a == b);
        QVERIFY(a[0].id.rfind("act-", 0) == 0);
    }

    void repeatsOnlyASucceededActionWhoseSignatureReturnsAfterTheCooldown() {
        VirtualClock clock(0);
        LivePolicy live(makePolicy(""));
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        Anomaly q;
        q.detector = "worker.queue_growth";
        q.series = "worker.queue_depth";
        q.target = "pool:claim";
        q.ts = 1000;
        planner.process(q, out);
        planner.process(incident(1000, "inc-2", {"pool:claim"}), out);
        QCOMPARE(act.got.size(), std::size_t(1));
        q.ts = 60'000;  // inside the 2 min cooldown
        planner.process(q, out);
        QCOMPARE(act.got.size(), std::size_t(1));
        act.succeed = false;
        q.ts = 1000 + 120'000;  // past it: a second scaling step (which fails)
        planner.process(q, out);
        QCOMPARE(act.got.size(), std::size_t(2));
        out.clear();
        q.ts = 1000 + 360'000;  // a failed step is not repeated
        planner.process(q, out);
        QCOMPARE(act.got.size(), std::size_t(2));
        QVERIFY(only<Action>(out).empty());
    }

    // scale_workers is sized to the measured load (PoolLoad): 4 workers, 10 s
    // per task, 0.75 tasks/s arriving and a backlog of 10 -> 12 replicas, not
    // the playbook's step of 2; without measurements it stays the step.
    void sizesAScaleUpToTheMeasuredLoad() {
        VirtualClock clock(0);
        LivePolicy live(makePolicy(""));
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        const std::string pool = "pool:claim";
        planner.process(MetricSample{1000, "worker.count", pool, 4}, out);
        for (int i = 0; i < 5; ++i) {
            TaskEvent done;
            done.ts = 1000;
            done.workflow = "claim";
            done.state = TaskState::Succeeded;
            done.duration_ms = 10'000;
            planner.process(done, out);
        }
        for (int s = 0; s <= 40; ++s) {
            const TimestampMs t = 1000 + s * 1000;
            if (s > 0 && s % 2 == 0) {
                TaskEvent start;
                start.ts = t;
                start.workflow = "claim";
                start.state = TaskState::Started;
                planner.process(start, out);
            }
            planner.process(MetricSample{t, "worker.queue_depth", pool, 0.25 * s}, out);
        }
        Anomaly q;
        q.detector = "worker.queue_growth";
        q.series = "worker.queue_depth";
        q.target = pool;
        q.ts = 41'000;
        planner.process(q, out);
        planner.process(incident(41'000, "inc-3", {pool}), out);
        QCOMPARE(act.got.size(), std::size_t(1));
        QCOMPARE(jsonField(act.got[0].params, "replicas"), std::string("12"));
        QVERIFY2(jsonField(act.got[0].params, "sizing").find("0.75 tasks/s arriving") != std::string::npos,
                 act.got[0].params.c_str());
        // Another pool nobody measured: no replicas, the actuator steps.
        q.target = "pool:other";
        q.ts = 42'000;
        planner.process(q, out);
        planner.process(incident(42'000, "inc-4", {"pool:other"}), out);
        QCOMPARE(act.got.size(), std::size_t(2));
        QCOMPARE(jsonField(act.got[1].params, "replicas"), std::string());
    }

    // Once the load is gone the pool comes back down, HPA-like: not within the
    // 5 min stabilisation window after the scale-up, then once, to the count
    // before Vigil scaled it up (the quiet load needs fewer still).
    void scalesBackDownWhenTheLoadDrops() {
        VirtualClock clock(0);
        LivePolicy live(makePolicy(""));
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        const std::string pool = "pool:claim";
        auto task = [&](TimestampMs t, TaskState st) {
            TaskEvent e;
            e.ts = t;
            e.workflow = "claim";
            e.state = st;
            e.duration_ms = st == TaskState::Succeeded ? 10'000 : 0;
            planner.process(e, out);
        };
        planner.process(MetricSample{1000, "worker.count", pool, 4}, out);
        for (int i = 0; i < 5; ++i) task(1000, TaskState::Succeeded);
        for (int s = 0; s <= 40; ++s) {
            const TimestampMs t = 1000 + s * 1000;
            if (s > 0 && s % 2 == 0) task(t, TaskState::Started);
            planner.process(MetricSample{t, "worker.queue_depth", pool, 0.25 * s}, out);
        }
        Anomaly q;
        q.detector = "worker.queue_growth";
        q.series = "worker.queue_depth";
        q.target = pool;
        q.ts = 41'000;
        planner.process(q, out);
        planner.process(incident(41'000, "inc-3", {pool}), out);
        QCOMPARE(act.got.size(), std::size_t(1));
        QCOMPARE(jsonField(act.got[0].params, "replicas"), std::string("12"));

        // Twelve workers now, the queue empty, one task every 10 s.
        TimestampMs downAt = 0;
        for (TimestampMs t = 42'000; t <= 42'000 + 900'000; t += 1000) {
            if (t % 10'000 == 0) {
                planner.process(MetricSample{t, "worker.count", pool, act.got.size() > 1 ? 4.0 : 12.0}, out);
                task(t, TaskState::Started);
                task(t, TaskState::Succeeded);
            }
            planner.process(MetricSample{t, "worker.queue_depth", pool, 0}, out);
            if (act.got.size() > 1 && downAt == 0) downAt = t;
        }
        QCOMPARE(act.got.size(), std::size_t(2));  // down once, no flapping
        const Action& down = act.got[1];
        QCOMPARE(down.kind, std::string("scale_workers"));
        QCOMPARE(jsonField(down.params, "scale_down"), std::string("true"));
        QCOMPARE(jsonField(down.params, "replicas"), std::string("4"));
        QCOMPARE(down.incident_id, std::string("inc-3"));
        QVERIFY2(downAt >= 41'000 + 300'000, qPrintable(QString::number(downAt)));  // after the window
        QVERIFY2(jsonField(down.params, "why").find("the load dropped") != std::string::npos, down.params.c_str());
    }

    void dryRunRecordsASimulatedActionAndSendsNothing() {
        VirtualClock clock(0);
        LivePolicy live(makePolicy("dry_run: true\n"));
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        planner.process(errorShift(1000), out);
        planner.process(incident(2000, "inc-3", {"rpc:eth-main-a"}), out);
        QVERIFY(act.got.empty());
        const auto actions = only<Action>(out);
        QCOMPARE(actions.size(), std::size_t(1));
        QVERIFY(actions[0].params.find("\"simulated\":\"true\"") != std::string::npos);
        const auto outcomes = only<Outcome>(out);
        QCOMPARE(outcomes.size(), std::size_t(1));
        QVERIFY(outcomes[0].detail.find("simulated") != std::string::npos);
    }

    void anApproveActionWaitsForPeopleWithARequest() {
        VirtualClock clock(0);
        LivePolicy live(makePolicy(""));
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        Anomaly f;
        f.ts = 5000;
        f.detector = "tx.failure_ratio";
        f.series = "tx.failure_ratio";
        f.target = "agent:agent-11";
        planner.process(incident(4000, "inc-4", {"agent:agent-11"}), out);
        planner.process(f, out);
        QVERIFY(act.got.empty());
        const auto actions = only<Action>(out);
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(std::string(toString(actions[0].status)), std::string(toString(ActionStatus::AwaitingApproval)));
        QVERIFY(actions[0].critical);
        const auto reqs = only<Approval>(out);
        QCOMPARE(reqs.size(), std::size_t(1));
        QCOMPARE(reqs[0].action_id, actions[0].id);
        QCOMPARE(std::string(toString(reqs[0].decision)), std::string(toString(ApprovalDecision::Requested)));
        QCOMPARE(reqs[0].requester, std::string("vigil"));
        QCOMPARE(reqs[0].expires, TimestampMs(5000 + 15 * 60'000));
        // Later evidence does not raise a second request.
        out.clear();
        f.ts = 5000 + 600'000;
        planner.process(f, out);
        QVERIFY(out.empty());
    }

    void killSwitchSuppressesEverything() {
        VirtualClock clock(0);
        LivePolicy live(makePolicy("kill_switch: true\n"));
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        planner.process(errorShift(1000), out);
        planner.process(incident(2000, "inc-5", {"rpc:eth-main-a"}), out);
        QVERIFY(act.got.empty());
        const auto actions = only<Action>(out);
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(std::string(toString(actions[0].status)), std::string(toString(ActionStatus::Suppressed)));
        QVERIFY(actions[0].params.find("\"verdict\":\"paused\"") != std::string::npos);
    }

    // People resume (vigilctl automation resume): the fault held back while
    // paused is acted on at its next evidence, once.
    void aPausedFaultIsActedOnAfterTheResume() {
        VirtualClock clock(0);
        LivePolicy live(makePolicy(""));
        live.setOverrides(true, std::nullopt);
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        planner.process(errorShift(1000), out);
        planner.process(incident(2000, "inc-5", {"rpc:eth-main-a"}), out);
        planner.process(errorShift(2500), out);  // still paused: not planned again
        QCOMPARE(only<Action>(out).size(), std::size_t(1));
        QVERIFY(act.got.empty());
        live.setOverrides(false, std::nullopt);
        out.clear();
        planner.process(errorShift(3000), out);
        QCOMPARE(act.got.size(), std::size_t(1));
        QCOMPARE(only<Action>(out).size(), std::size_t(1));
        QVERIFY(only<Action>(out)[0].params.find("\"verdict\":\"execute\"") != std::string::npos);
        out.clear();
        planner.process(errorShift(3500), out);  // acted on: once
        QVERIFY(only<Action>(out).empty());
    }

    void aFlappingTargetRunsOutOfBudgetAndEscalates() {
        VirtualClock clock(0);
        LivePolicy live(makePolicy(""));
        CountingActuator act;
        RemediationPlanner planner(clock, live, act);
        std::vector<Record> out;
        // Three incidents on the same endpoint, each after the cooldown; budget is 2.
        for (int k = 0; k < 3; ++k) {
            const TimestampMs t = 1000 + k * 180'000;
            planner.process(errorShift(t), out);
            const std::string id = "inc-f" + std::to_string(k);
            planner.process(incident(t, id, {"rpc:eth-main-a"}), out);
            planner.process(incident(t + 1000, id, {"rpc:eth-main-a"}, IncidentState::Resolved), out);
        }
        QCOMPARE(act.got.size(), std::size_t(2));
        std::vector<Action> esc;
        for (const auto& a : only<Action>(out))
            if (a.kind == "escalate") esc.push_back(a);
        QCOMPARE(esc.size(), std::size_t(1));
        QCOMPARE(std::string(toString(esc[0].status)), std::string(toString(ActionStatus::Suppressed)));
        QCOMPARE(esc[0].target, std::string("rpc:eth-main-a"));
        QVERIFY(esc[0].params.find("\"reason\":") != std::string::npos);
        QVERIFY(planner.admission().stopped("rpc:eth-main-a"));
    }

    void compactJsonEscapes() {
        QCOMPARE(compactJson({{"b", "x\"y"}, {"a", "line\nnext"}}), std::string("{\"a\":\"line\\nnext\",\"b\":\"x\\\"y\"}"));
    }
};

QTEST_APPLESS_MAIN(TestRemediationPlanner)
#include "tst_remediationplanner.moc"
