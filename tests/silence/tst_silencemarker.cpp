// SilenceMarker (silence/SilenceMarker.h): the marking stage after the detectors marks
// the fresh anomalies a silence matches, on their own time; the one after the correlator
// marks incidents; each reads only its kind, leaves inputs alone and follows a newly
// published set. Wired by installDefaultStages, a live engine with silences now has
// checkpoints (the decorators it replaces could not be copied), and a restored copy
// marks what the original marks.
#include "SilenceSamples.h"
#include "correlate/IncidentCorrelator.h"
#include "engine/Engine.h"
#include "engine/Pipeline.h"
#include "silence/SilenceMarker.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::silence;

namespace {
constexpr TimestampMs kT0 = 1'767'225'600'000;
constexpr TimestampMs kMin = 60'000;

Anomaly anomaly(TimestampMs ts, const std::string& target) {
    Anomaly a;
    a.ts = ts;
    a.id = "an-" + std::to_string(ts);
    a.detector = "metric.ensemble";
    a.series = "rpc.latency_ms";
    a.target = target;
    return a;
}

bool marked(Stage& s, Record r) {
    s.markOutput(r);
    if (const auto* a = std::get_if<Anomaly>(&r)) return a->silenced;
    return std::get<Incident>(r).silenced;
}
}  // namespace

class TestSilenceMarker : public QObject {
    Q_OBJECT
private slots:
    void marksWhatAnActiveSilenceMatches() {
        auto board = std::make_shared<SilenceBoard>();
        board->publish({silenceOn("rpc:eth-main-a", kT0, kT0 + 10 * kMin)});
        SilenceMarker anomalies({board, {}}, SilenceMarker::Marks::Anomalies);
        QVERIFY(anomalies.marksOutputs());
        QCOMPARE(anomalies.reads(), kindBit(RecordKind::Anomaly));
        QVERIFY(marked(anomalies, anomaly(kT0 + kMin, "rpc:eth-main-a")));
        QVERIFY(!marked(anomalies, anomaly(kT0 + kMin, "rpc:eth-main-b")));       // another target
        QVERIFY(!marked(anomalies, anomaly(kT0 + 10 * kMin, "rpc:eth-main-a")));  // half-open: ended
        QVERIFY(!marked(anomalies, anomaly(kT0 - 1, "rpc:eth-main-a")));          // not yet
        QCOMPARE(anomalies.marked(), std::int64_t(1));
        // An anomaly read as input was made elsewhere: observed, never changed.
        std::vector<Record> out;
        QVERIFY(anomalies.process(anomaly(kT0 + kMin, "rpc:eth-main-a"), out));
        QVERIFY(out.empty());

        SilenceMarker incidents({board, {}}, SilenceMarker::Marks::Incidents);
        QCOMPARE(incidents.reads(), kindBit(RecordKind::Incident));
        Incident inc;
        inc.id = "INC-1";
        inc.ts = kT0 + 2 * kMin;
        inc.cause = "rpc:eth-main-a";
        QVERIFY(marked(incidents, inc));
        inc.cause = "rpc:eth-main-b";
        QVERIFY(!marked(incidents, inc));
        // A newly published set is in force at the next look.
        board->publish({});
        QVERIFY(!marked(anomalies, anomaly(kT0 + kMin, "rpc:eth-main-a")));
    }

    void noBoardNoStage() {
        QVERIFY(!markSilences({}, SilenceMarker::Marks::Anomalies));
        QVERIFY(!markSilences({}, SilenceMarker::Marks::Incidents));
    }

    // Through the default pipeline: checkpoints work with silences wired, and a
    // restored engine marks and withholds exactly as the original did.
    void aLiveEngineWithSilencesHasCheckpoints() {
        auto board = std::make_shared<SilenceBoard>();
        board->publish({silenceOn("rpc:a", kT0, kT0 + 60 * kMin)});
        auto runFrom = [&](const Engine::State* from, int firstSecond, int lastSecond,
                           std::shared_ptr<const Engine::State>* saved, std::vector<Anomaly>& anomalies) {
            VirtualClock clock;
            Engine engine(clock);
            PipelineConfig cfg;
            cfg.silences = {board, {}};
            const PipelineStages stages = installDefaultStages(engine, cfg);
            if (from) engine.restoreState(*from);
            engine.addSink([&](const std::vector<Record>&, const std::vector<Record>& outputs) {
                for (const Record& r : outputs)
                    if (const auto* a = std::get_if<Anomaly>(&r)) anomalies.push_back(*a);
            });
            engine.start();
            std::vector<Record> batch;
            for (int i = firstSecond; i < lastSecond; ++i) {
                const TimestampMs ts = kT0 + i * 1000;
                const bool failing = i >= 300;
                batch.push_back(TaskEvent{ts, "t" + std::to_string(i), "agent-01", "rebalance",
                                          failing ? TaskState::Failed : TaskState::Succeeded, "rpc:a",
                                          failing ? "timeout" : "", 10});
                batch.push_back(MetricSample{ts, "rpc.latency_ms", "rpc:a", failing ? 2000.0 : 80.0 + i % 7});
            }
            engine.submit(std::move(batch));
            if (saved) *saved = engine.saveState();
            engine.stop();
            return from ? std::int64_t(-1) : stages.incidents->counters().silenced;
        };
        std::vector<Anomaly> whole, first, rest;
        const std::int64_t withheld = runFrom(nullptr, 0, 600, nullptr, whole);
        std::shared_ptr<const Engine::State> half;
        runFrom(nullptr, 0, 300, &half, first);
        QVERIFY(half);  // every stage copies, the silence markers too
        runFrom(half.get(), 300, 600, nullptr, rest);

        std::int64_t silenced = 0;
        for (const Anomaly& a : whole) {
            QCOMPARE(a.silenced, a.target == "rpc:a");  // the silence's target only
            silenced += a.silenced;
        }
        QVERIFY(silenced > 0);
        QCOMPARE(withheld, silenced);  // none of them was evidence
        first.insert(first.end(), rest.begin(), rest.end());
        QCOMPARE(first.size(), whole.size());
        for (std::size_t i = 0; i < whole.size(); ++i) {
            QCOMPARE(first[i].id, whole[i].id);
            QCOMPARE(first[i].silenced, whole[i].silenced);
        }
    }
};

QTEST_GUILESS_MAIN(TestSilenceMarker)
#include "tst_silencemarker.moc"
