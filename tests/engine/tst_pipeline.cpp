// installDefaultStages (engine/Pipeline.h): the wiring every front end shares. Here:
// the detectors' anomalies that are Vigil's own action taking effect leave the engine
// marked with the action (correlate/OwnEffectMarker.h), exactly those the correlator
// declines as evidence, while the same jump without an action stays a plain anomaly.
#include "correlate/IncidentCorrelator.h"
#include "engine/Engine.h"
#include "engine/Pipeline.h"

#include <QtTest>

using namespace vigil;

namespace {
constexpr TimestampMs kT0 = 1'767'225'600'000;
}  // namespace

class TestPipeline : public QObject {
    Q_OBJECT
private slots:
    void ownActionEffectsLeaveTheEngineMarked() {
        VirtualClock clock;
        Engine engine(clock, EngineOptions{});
        const PipelineStages stages = installDefaultStages(engine);
        std::vector<Anomaly> anomalies;
        engine.addSink([&](const std::vector<Record>&, const std::vector<Record>& outputs) {
            for (const Record& r : outputs)
                if (const auto* a = std::get_if<Anomaly>(&r)) anomalies.push_back(*a);
        });
        engine.start();
        // Two pools at four workers for ten minutes; then Vigil scales pool:p, and both
        // pools jump to eight (pool:q on its own: nobody scaled it).
        constexpr int kJumpS = 600;
        std::vector<Record> batch;
        for (int s = 0; s < kJumpS + 120; ++s) {
            const TimestampMs ts = kT0 + s * 1000;
            if (s == kJumpS) {
                Action scale;
                scale.ts = ts - 500;
                scale.id = "act-1";
                scale.kind = "scale_workers";
                scale.target = "pool:p";
                scale.status = ActionStatus::Executing;
                batch.emplace_back(std::move(scale));
            }
            const double workers = s < kJumpS ? 4.0 : 8.0;
            batch.push_back(MetricSample{ts, "worker.count", "pool:p", workers});
            batch.push_back(MetricSample{ts, "worker.count", "pool:q", workers});
            if (batch.size() >= 256) engine.submit(std::exchange(batch, {}));
        }
        engine.submit(std::move(batch));
        engine.stop();

        int ownOnP = 0, plainOnQ = 0;
        for (const Anomaly& a : anomalies) {
            if (a.ts < kT0 + kJumpS * 1000) {
                QVERIFY2(a.own_effect_of.empty(), a.id.c_str());  // before the action: nothing to explain
                continue;
            }
            if (a.target == "pool:p") {
                QCOMPARE(a.own_effect_of, std::string("act-1"));
                ++ownOnP;
            } else {
                QVERIFY2(a.own_effect_of.empty(), a.id.c_str());
                ++plainOnQ;
            }
        }
        QVERIFY(ownOnP > 0);
        QCOMPARE(plainOnQ, ownOnP);  // the same jump, the same detectors fire
        // The correlator declined exactly the marked ones as evidence.
        QCOMPARE(stages.incidents->counters().ownActionEffects, std::int64_t(ownOnP));
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
