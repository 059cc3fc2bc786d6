// Scoring predictions and root causes (core/eval/PredictionScoring, RootCauseScoring)
// on hand-made records whose answers are known, then end to end on the simulator:
// a wallet drain and a worker overload are predicted minutes ahead and their
// incidents name the labelled target.
#include "eval/PredictionScoring.h"
#include "eval/RootCauseScoring.h"
#include "eval/ScenarioEvaluation.h"

#include <QtTest>

using namespace vigil;

namespace {

constexpr TimestampMs kMin = 60'000;

Anomaly prediction(TimestampMs ts, const std::string& series, const std::string& target) {
    Anomaly a;
    a.ts = ts;
    a.detector = "forecast.breach";
    a.series = series;
    a.target = target;
    return a;
}

Incident incident(TimestampMs ts, const std::string& id, const std::string& cause, std::vector<std::string> targets,
                  IncidentState st = IncidentState::Open) {
    Incident i;
    i.ts = ts;
    i.id = id;
    i.cause = cause;
    i.targets = std::move(targets);
    i.state = st;
    return i;
}

}  // namespace

class TestPredictionScoring : public QObject {
    Q_OBJECT
private slots:
    void breachRecorderFindsCrossingsAndMergesHovering() {
        BreachRecorder r;
        r.observe(MetricSample{0, "worker.queue_depth", "pool:p", 5});  // no capacity yet: not judged
        r.observe(MetricSample{1000, "worker.queue_capacity", "pool:p", 40});
        r.observe(MetricSample{2000, "worker.queue_depth", "pool:p", 39});
        r.observe(MetricSample{3000, "worker.queue_depth", "pool:p", 40});  // reaches it: a breach
        r.observe(MetricSample{4000, "worker.queue_depth", "pool:p", 39});
        r.observe(MetricSample{5000, "worker.queue_depth", "pool:p", 40});  // hovering: the same breach
        r.observe(MetricSample{5000 + 11 * kMin, "worker.queue_depth", "pool:p", 0});
        r.observe(MetricSample{6000 + 11 * kMin, "worker.queue_depth", "pool:p", 41});  // a new one, > 10 min later
        // Falling watches breach below their limit; gas against the constant 500.
        r.observe(MetricSample{1000, "wallet.reserve_eth", "agent:a", 0.1});
        r.observe(MetricSample{2000, "wallet.balance_eth", "agent:a", 0.1});  // at the reserve is still covered
        r.observe(MetricSample{7000, "wallet.balance_eth", "agent:a", 0.09});
        r.observe(MetricSample{8000, "gas.price_gwei", "chain:ethereum", 499});
        const auto& b = r.breaches();
        QCOMPARE(b.at("worker.queue_depth|pool:p"), (std::vector<TimestampMs>{3000, 6000 + 11 * kMin}));
        QCOMPARE(b.at("wallet.balance_eth|agent:a"), (std::vector<TimestampMs>{7000}));
        QVERIFY(!b.count("gas.price_gwei|chain:ethereum"));
    }

    void leadTimeAndFalsePredictions() {
        const std::map<std::string, std::vector<TimestampMs>> breaches = {
            {"worker.queue_depth|pool:p", {10 * kMin}},
        };
        const std::vector<Anomaly> anomalies = {
            prediction(6 * kMin, "worker.queue_depth", "pool:p"),  // first of an episode: 4 min ahead
            prediction(7 * kMin, "worker.queue_depth", "pool:p"),  // same episode
            prediction(20 * kMin, "worker.queue_depth", "pool:p"),  // after the breach: a new episode, never came
            prediction(5 * kMin, "wallet.balance_eth", "agent:a"),  // never came
        };
        Anomaly other = prediction(6 * kMin, "x", "pool:p");
        other.detector = "worker.queue_growth";  // not a prediction
        std::vector<Anomaly> all = anomalies;
        all.push_back(other);
        const PredictionScore s = scorePredictions(all, breaches, 10 * kMin);
        QCOMPARE(s.episodes.size(), std::size_t(3));
        QCOMPARE(s.episodes[0].predictions, 2);
        QVERIFY(s.episodes[0].breach.has_value());
        QCOMPARE(s.episodes[0].leadMs(), 4 * kMin);
        QCOMPARE(s.cameTrue, 1);
        QCOMPARE(s.falsePredictions, 2);
        QCOMPARE(s.leadsMs, (std::vector<TimestampMs>{4 * kMin}));
        QCOMPARE(s.breaches, 1);
        QCOMPARE(s.breachesPredicted, 1);
    }

    void aBreachBeyondTheHorizonDoesNotCount() {
        const std::map<std::string, std::vector<TimestampMs>> breaches = {{"worker.queue_depth|pool:p", {30 * kMin}}};
        const PredictionScore s =
            scorePredictions({prediction(5 * kMin, "worker.queue_depth", "pool:p")}, breaches, 10 * kMin);
        QCOMPARE(s.falsePredictions, 1);
        QCOMPARE(s.breachesPredicted, 0);
    }

    void rootCauseIsTheEarliestCoveredFaultsTarget() {
        const std::vector<FaultWindow> faults = {
            {"gas-spike", "chain:ethereum", 10 * kMin, 20 * kMin},
            {"worker-overload", "pool:p", 12 * kMin, 22 * kMin},
            {"stuck-tx", "agent:agent-07", 40 * kMin, 45 * kMin},
        };
        const std::vector<Incident> updates = {
            // Spans the first two faults: must name the first one's target; its last cause counts.
            incident(11 * kMin, "INC-1", "pool:p", {"pool:p", "chain:ethereum"}),
            incident(13 * kMin, "INC-1", "chain:ethereum", {"chain:ethereum", "pool:p"}),
            // Covers the stuck tx but names a bystander.
            incident(41 * kMin, "INC-2", "rpc:eth-main-a", {"rpc:eth-main-a", "agent:agent-07"}),
            incident(50 * kMin, "INC-2", "rpc:eth-main-a", {"rpc:eth-main-a", "agent:agent-07"}, IncidentState::Resolved),
            // Covers nothing: not judged.
            incident(90 * kMin, "INC-3", "host:node-1", {"host:node-1"}),
        };
        const RootCauseScore s = scoreRootCause(faults, updates, nullptr);
        QCOMPARE(s.incidents.size(), std::size_t(3));
        QCOMPARE(s.judged, 2);
        QCOMPARE(s.right, 1);
        QCOMPARE(s.unmatched, 1);
        QCOMPARE(s.incidents[0].incident, std::string("INC-1"));
        QCOMPARE(s.incidents[0].expected, std::string("chain:ethereum"));
        QVERIFY(s.incidents[0].right);
        QCOMPARE(s.incidents[1].named, std::string("rpc:eth-main-a"));
        QCOMPARE(s.incidents[1].expected, std::string("agent:agent-07"));
        QVERIFY(!s.incidents[1].right);
        QVERIFY(s.incidents[2].expected.empty());
        QCOMPARE(s.accuracy(), 0.5);
    }

    // End to end: the simulator's drain and overload through the real engine.
    void walletDrainIsPredictedMinutesAheadAndNamed() {
        const ScenarioEvaluation ev = evaluateScenario("wallet-drain", 4, 3600);
        const auto& p = ev.predictions;
        QCOMPARE(p.cameTrue, 1);
        QCOMPARE(p.falsePredictions, 0);
        QCOMPARE(p.breachesPredicted, 1);
        QVERIFY2(p.leadsMs.front() >= 2 * kMin, qPrintable(QString::number(p.leadsMs.front())));
        QCOMPARE(p.episodes.front().target, ev.result.faults.front().fault.target);
        // The prediction opened the incident, before the breach, naming the wallet's agent.
        QVERIFY(ev.result.faults.front().covered);
        QVERIFY(ev.result.faults.front().fault.start + ev.result.faults.front().detectMs < *p.episodes.front().breach);
        QCOMPARE(ev.rootCause.judged, 1);
        QCOMPARE(ev.rootCause.right, 1);
    }

    void workerOverloadIsPredictedBeforeTheQueueIsFull() {
        const ScenarioEvaluation ev = evaluateScenario("worker-overload", 9, 3600);
        const auto& p = ev.predictions;
        QVERIFY(p.cameTrue >= 1);
        QVERIFY2(p.leadsMs.front() >= 2 * kMin, qPrintable(QString::number(p.leadsMs.front())));
        QCOMPARE(p.episodes.front().target, ev.result.faults.front().fault.target);
        QCOMPARE(ev.rootCause.right, ev.rootCause.judged);
    }

    void calmMakesNoPrediction() {
        const ScenarioEvaluation ev = evaluateScenario("calm", 22, 2 * 3600);
        QCOMPARE(ev.predictions.episodes.size(), std::size_t(0));
        QCOMPARE(ev.predictions.breaches, 0);
        QCOMPARE(ev.rootCause.judged, 0);
    }
};

QTEST_APPLESS_MAIN(TestPredictionScoring)
#include "tst_predictionscoring.moc"
