// The console's default demo shows itself: started without arguments, the first
// fault of the demo fleet starts within the first minute of engine time, in
// every cycle and for any seed, while the evaluation scenarios keep their
// five-minute baseline (their figures stay comparable).
#include "SimTestSupport.h"

#include "sim/Scenario.h"

#include <QtTest>

using namespace vigil;
using namespace simtest;

class TestDemoScenario : public QObject {
    Q_OBJECT

    static constexpr TimestampMs kMinuteMs = 60'000;

private slots:
    void defaultDemoFaultsWithinTheFirstMinute() {
        const ScenarioSpec spec = demoScenario(kDemoScenarioName, kDemoCycleS);
        FleetSimulator sim(spec, 7);  // the console's default seed
        runFor(sim, FleetSimulator::kDefaultStart + kMinuteMs);
        QVERIFY(!sim.labels().empty());
        const FaultLabel& first = sim.labels().front();
        QVERIFY2(first.start - FleetSimulator::kDefaultStart < kMinuteMs,
                 qPrintable(QStringLiteral("first fault %1 starts %2 s in")
                                .arg(QString::fromStdString(first.kind))
                                .arg((first.start - FleetSimulator::kDefaultStart) / 1000)));
        QVERIFY(sim.faultEffective(0));  // hurting the fleet by then, not just planned
    }

    void everyCycleAndSeedStartsEarly() {
        const ScenarioSpec spec = demoScenario(kDemoScenarioName, kDemoCycleS);
        for (std::uint64_t seed = 1; seed <= 20; ++seed)
            for (int cycle = 0; cycle < 3; ++cycle) {
                const TimestampMs cycleStart = cycle * kDemoCycleS * 1000;
                const auto faults = planFaults(spec, seed, cycleStart, cycle);
                QVERIFY(faults.size() >= 4);  // the whole cascade still fits in the cycle
                QVERIFY(faults.front().start - cycleStart < kMinuteMs);
                QVERIFY(faults.back().end <= cycleStart + kDemoCycleS * 1000);
            }
    }

    void evaluationScenariosKeepTheirBaseline() {
        ScenarioSpec eval;
        eval.name = kDemoScenarioName;
        eval.durationS = kDemoCycleS;
        const auto faults = planFaults(eval, 7, 0);
        QVERIFY(!faults.empty());
        QCOMPARE(faults.front().start, TimestampMs(kDemoCycleS * 1000 / 4));  // min(5 min, duration/4)
    }
};

QTEST_GUILESS_MAIN(TestDemoScenario)
#include "tst_demoscenario.moc"
