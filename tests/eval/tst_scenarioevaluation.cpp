// A short version of `vigilctl evaluate`: fault scenarios of the demo-fleet
// simulator run through the real Engine with the default stages and are scored
// against the simulator's labels; a calm fleet must open no incident.
#include "eval/ScenarioEvaluation.h"

#include <QtTest>


using namespace vigil;

class TestScenarioEvaluation : public QObject {
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
        const ScenarioEvaluation ev = evaluateScenario(scenario.toStdString(), static_cast<std::uint64_t>(seed), 1500);
        const ScenarioResult& r = ev.result;
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
        // The engine saw every simulated record and the counts agree with the sink's.
        QVERIFY(ev.output.inputs > 0);
        QCOMPARE(std::int64_t(ev.output.anomalies.size()), r.anomalies);
    }

    void calmOpensNoIncident() {
        const ScenarioResult r = evaluateScenario("calm", 21, 2 * 3600).result;
        QVERIFY(r.faults.empty());
        QCOMPARE(r.incidents, std::int64_t(0));
        QVERIFY(r.anomalies > 0);  // the detectors do see blips; correlation keeps them anomalies
    }

    // Same scenario and seed, same anomalies and incident records (ticks follow
    // record time, not the engine thread's pace).
    void deterministic() {
        const auto a = evaluateScenario("latency-spike", 3, 900);
        const auto b = evaluateScenario("latency-spike", 3, 900);
        QCOMPARE(a.output.anomalies.size(), b.output.anomalies.size());
        QCOMPARE(a.output.incidentUpdates.size(), b.output.incidentUpdates.size());
        for (std::size_t i = 0; i < a.output.incidentUpdates.size(); ++i) {
            QCOMPARE(a.output.incidentUpdates[i].id, b.output.incidentUpdates[i].id);
            QCOMPARE(a.output.incidentUpdates[i].ts, b.output.incidentUpdates[i].ts);
        }
    }

    void unknownScenarioThrows() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, evaluateScenario("no-such-scenario", 1, 60));
    }
};

QTEST_GUILESS_MAIN(TestScenarioEvaluation)
#include "tst_scenarioevaluation.moc"
