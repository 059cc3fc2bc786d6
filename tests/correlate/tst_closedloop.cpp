// A short version of `vigilctl evaluate`: fault scenarios of the demo-fleet
// simulator run through the full detection + correlation stack and are scored
// against the simulator's labels; a calm fleet must open no incident.
#include "correlate/ClosedLoop.h"
#include "correlate/CorrelationStages.h"
#include "correlate/IncidentCorrelator.h"
#include "detect/DetectionStages.h"
#include "detect/events/EventDetectors.h"
#include "detect/logs/LogAnomalyStage.h"
#include "detect/metric/MetricDetectionStage.h"
#include "sim/FleetSimulator.h"

#include <QtTest>

using namespace vigil;

namespace {

// Same assembly as `vigilctl evaluate` (cmd_evaluate.cpp).
std::vector<std::unique_ptr<Stage>> stack() {
    auto stages = makeDetectionStages(DetectConfig{});
    auto has = [&](const std::string& prefix) {
        for (const auto& s : stages)
            if (std::string(s->name()).rfind(prefix, 0) == 0) return true;
        return false;
    };
    if (!has("event."))
        for (auto& s : makeEventDetectors()) stages.push_back(std::move(s));
    if (!has("detect.metric")) stages.push_back(std::make_unique<MetricDetectionStage>());
    if (!has("log.anomaly")) stages.push_back(std::make_unique<LogAnomalyStage>());
    for (auto& s : makeCorrelationStages(CorrelateConfig{})) stages.push_back(std::move(s));
    return stages;
}

ScenarioResult evaluate(const std::string& scenario, std::uint64_t seed, std::int64_t durationS) {
    ScenarioSpec spec;
    spec.name = scenario;
    spec.durationS = durationS;
    FleetSimulator sim(spec, seed);
    StageRunner runner(stack());
    LoopOutput out;
    std::vector<Record> batch;
    for (TimestampMs t = sim.start() + 1000; t <= sim.end(); t += 1000) {
        batch.clear();
        sim.advance(t, batch);
        runner.feed(batch, out);
    }
    std::vector<FaultWindow> faults;
    for (const auto& l : sim.labels()) faults.push_back({l.kind, l.target, l.start, l.end});
    const auto* corr = dynamic_cast<const IncidentCorrelator*>(runner.find("correlate.incidents"));
    return scoreRun(scenario, faults, out, corr ? &corr->topology() : nullptr);
}

}  // namespace

class TestClosedLoop : public QObject {
    Q_OBJECT
private slots:
    void faultScenariosAreCovered_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("seed");
        QTest::newRow("rpc-outage") << "rpc-outage" << 11;
        QTest::newRow("latency-spike") << "latency-spike" << 12;
        QTest::newRow("gas-spike") << "gas-spike" << 13;
        QTest::newRow("worker-overload") << "worker-overload" << 14;
        QTest::newRow("stuck-tx") << "stuck-tx" << 15;
        QTest::newRow("cascade") << "cascade" << 16;
    }
    void faultScenariosAreCovered() {
        QFETCH(QString, scenario);
        QFETCH(int, seed);
        const ScenarioResult r = evaluate(scenario.toStdString(), static_cast<std::uint64_t>(seed), 1500);
        QVERIFY(!r.faults.empty());
        for (const auto& f : r.faults)
            QVERIFY2(f.covered, qPrintable(QString("%1 on %2 not covered").arg(QString::fromStdString(f.fault.kind),
                                                                              QString::fromStdString(f.fault.target))));
        QCOMPARE(r.coverage, 1.0);
        QVERIFY(r.medianDetectMs.has_value());
        QVERIFY2(*r.medianDetectMs <= 60'000, qPrintable(QString::number(*r.medianDetectMs)));
        // A storm of anomalies, a handful of incidents.
        QVERIFY2(r.incidents <= 3, qPrintable(QString::number(r.incidents)));
        QVERIFY(r.anomalies > r.incidents);
    }

    void calmOpensNoIncident() {
        const ScenarioResult r = evaluate("calm", 21, 2 * 3600);
        QVERIFY(r.faults.empty());
        QCOMPARE(r.incidents, std::int64_t(0));
        QVERIFY(r.anomalies > 0);  // the detectors do see blips; correlation keeps them anomalies
    }
};

QTEST_GUILESS_MAIN(TestClosedLoop)
#include "tst_closedloop.moc"
