// Acting on predictions: a forecast.breach on a pool's queue is classified as a
// worker overload and, with the shipped resources/policy.yaml, the planner scales
// the pool before the queue is full; one on a hot wallet is a wallet drain and
// only notifies (funding is a transfer, left to people).
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

Policy shippedPolicy() {
    Policy p;
    std::string error;
    if (!loadPolicyFile(VIGIL_SOURCE_DIR "/resources/policy.yaml", p, error)) qFatal("policy: %s", error.c_str());
    return p;
}

std::vector<Action> plan(const Anomaly& evidence, const Incident& inc) {
    VirtualClock clock(evidence.ts);
    LivePolicy live(shippedPolicy());
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
