// Acting on predictions: a forecast.breach on a pool's queue is classified as a
// worker overload and, with the shipped resources/policy.yaml, the planner scales
// the pool before the queue is full; one on a hot wallet is a wallet drain and
// only notifies (funding is a transfer, left to people).
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)
#include "remedy/IncidentSignature.h"
#include "remedy/PolicyLoader.h"
#include "remedy/RemediationPlanner.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

namespace {

Anomaly prediction(TimestampMs ts, const std::string& series, const std::string& target) {
    Anomaly a;
    a.ts = ts;
    a.id = "forecast.breach/" + target + "@" + std::to_string(ts);
    a.detector = "forecast.breach";
    a.series = series;
    a.target = target;
    a.score = 0.97;
    return a;
}

Incident incident(TimestampMs ts, const std::string& id, const std::string& cause) {
    Incident i;
    i.ts = i.opened = ts;
    i.id = id;
    i.state = IncidentState::Open;
    i.severity = Severity::Warning;
    i.targets = {cause};
    i.cause = cause;
    return i;
}

struct RecordingActuator final : Actuator {
    std::vector<Action> got;
    std::optional<Outcome> submit(const Action& a) override {
        got.push_back(a);
        return Outcome{a.ts, a.id, true, "done"};
    }
};

// Scale only on a prediction of a breach within 5 minutes; anything else about an
// overload only notifies.
const char* kScaleBeforeOverload = R"(version: 1
approval_limit: 1
two_person_limit: 10
rules:
  - name: scale-before-overload
    match:
      kind: worker-overload
      breach_within: 5m
    playbook:
      - action: scale_workers
        risk: auto
  - name: overload-notify
    match:
      kind: worker-overload
    playbook:
      - action: notify
        risk: auto
)";

Policy shippedPolicy() {
    Policy p;
    std::string error;
    if (!loadPolicyFile(VIGIL_SOURCE_DIR "/resources/policy.yaml", p, error)) qFatal("policy: %s", error.c_str());
    return p;
}

std::vector<Action> plan(const Anomaly& evidence, const Incident& inc, const Policy& policy = shippedPolicy()) {
    VirtualClock clock(evidence.ts);
    LivePolicy live(policy);
    RecordingActuator act;
    RemediationPlanner planner(clock, live, act);
    std::vector<Record> out;
    planner.process(evidence, out);
    planner.process(inc, out);
    std::vector<Action> actions;
    for (const auto& r : out)
        if (const auto* a = std::get_if<Action>(&r)) actions.push_back(*a);
    return actions;
}

}  // namespace

class TestForecastSignature : public QObject {
    Q_OBJECT
private slots:
    void predictionsAreClassifiedLikeTheFaultsTheyAnnounce() {
        const auto q = signatureOf(prediction(1000, "worker.queue_depth", "pool:airdrop_claim"));
        QVERIFY(q.has_value());
        QCOMPARE(q->kind, std::string("worker-overload"));
        QCOMPARE(q->target, std::string("pool:airdrop_claim"));
        QCOMPARE(q->detector, std::string("forecast.breach"));
        const auto w = signatureOf(prediction(1000, "wallet.balance_eth", "agent:agent-07"));
        QVERIFY(w.has_value());
        QCOMPARE(w->kind, std::string("wallet-drain"));
        // A prediction the policy has no fault kind for says nothing specific.
        QVERIFY(!signatureOf(prediction(1000, "gas.price_gwei", "chain:ethereum")).has_value());
        QVERIFY(!signatureOf(prediction(1000, "worker.queue_depth", "agent:agent-07")).has_value());
    }

    void predictedOverloadScalesThePoolBeforeItIsFull() {
        const auto actions = plan(prediction(5000, "worker.queue_depth", "pool:airdrop_claim"),
                                  incident(5000, "INC-000001", "pool:airdrop_claim"));
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(actions[0].kind, std::string("scale_workers"));
        QCOMPARE(actions[0].target, std::string("pool:airdrop_claim"));
        QVERIFY(actions[0].params.find("\"rule\":\"worker-overload-scale\"") != std::string::npos);
        QVERIFY(actions[0].params.find("\"evidence\":\"forecast.breach\"") != std::string::npos);
    }

    void breachWithinActsOnlyOnAPredictionDueSoonEnough() {
        Policy p;
        std::string error;
        QVERIFY2(parsePolicy(kScaleBeforeOverload, "p.yaml", p, error), error.c_str());
        QCOMPARE(p.rules[0].match.breachWithinMs.value_or(-1), TimestampMs(300'000));
        auto soon = prediction(5000, "worker.queue_depth", "pool:wallet_monitor");
        soon.time_to_breach_ms = 240'000;
        QCOMPARE(signatureOf(soon)->timeToBreachMs.value_or(-1), TimestampMs(240'000));
        auto actions = plan(soon, incident(5000, "INC-000003", "pool:wallet_monitor"), p);
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(actions[0].kind, std::string("scale_workers"));
        // Due later than 5 minutes, or no prediction at all (the queue's growth seen
        // as it happens): the next rule.
        auto later = soon;
        later.time_to_breach_ms = 480'000;
        actions = plan(later, incident(5000, "INC-000003", "pool:wallet_monitor"), p);
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(actions[0].kind, std::string("notify"));
        auto seen = soon;
        seen.detector = "worker.queue_growth";
        seen.time_to_breach_ms.reset();
        actions = plan(seen, incident(5000, "INC-000003", "pool:wallet_monitor"), p);
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(actions[0].kind, std::string("notify"));
        // A duration it cannot read names the file, line and key.
        std::string bad = kScaleBeforeOverload;
        bad.replace(bad.find("breach_within: 5m"), 17, "breach_within: soon");
        QVERIFY(!parsePolicy(bad, "p.yaml", p, error));
        QVERIFY2(error.rfind("p.yaml:8: rules[0].match.breach_within: 'soon' is not a duration", 0) == 0, error.c_str());
    }

    void predictedWalletShortfallOnlyNotifies() {
        const auto actions = plan(prediction(5000, "wallet.balance_eth", "agent:agent-07"),
                                  incident(5000, "INC-000002", "agent:agent-07"));
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(actions[0].kind, std::string("notify"));
        QVERIFY(actions[0].params.find("\"rule\":\"wallet-drain-notify\"") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestForecastSignature)
#include "tst_forecastsignature.moc"
