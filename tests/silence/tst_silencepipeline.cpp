// Silences through the real pipeline (installDefaultStages on a simulated
// rpc-outage): without a silence the fault's endpoint is in an incident; with a
// silence on it, its anomalies are still emitted (marked silenced) but no
// incident names it; a kind silence (the policy's rpc-outage) does the same
// through the apps' kind function; a silence outside the fault's window changes
// nothing; the same silences give the same records on every run.
#include "SilenceSamples.h"
#include "common/SilenceWiring.h"
#include "eval/ScenarioEvaluation.h"
#include "sim/FleetSimulator.h"

#include <QtTest>

#include <algorithm>
#include <limits>

using namespace vigil;
using silence::silenceOn;

namespace {

constexpr std::uint64_t kSeed = 3;
constexpr std::int64_t kDurationS = 1500;

std::string faultTarget() {
    ScenarioSpec spec;
    spec.name = "rpc-outage";
    spec.durationS = kDurationS;
    FleetSimulator sized(spec, kSeed);
    return sized.labels().at(0).target;
}

ScenarioEvaluation run(std::vector<silence::Silence> silences) {
    PipelineConfig cfg;
    auto board = std::make_shared<silence::SilenceBoard>();
    board->publish(std::move(silences));
    cfg.silences = {board, app::policyKindOf()};
    return evaluateScenario("rpc-outage", kSeed, kDurationS, cfg);
}

bool inAnyIncident(const ScenarioEvaluation& ev, const std::string& target) {
    for (const auto& i : ev.output.incidentUpdates)
        if (i.cause == target || std::find(i.targets.begin(), i.targets.end(), target) != i.targets.end()) return true;
    return false;
}

std::int64_t anomaliesOn(const ScenarioEvaluation& ev, const std::string& target, bool silenced) {
    std::int64_t n = 0;
    for (const auto& a : ev.output.anomalies) n += a.target == target && a.silenced == silenced;
    return n;
}

}  // namespace

class TestSilencePipeline : public QObject {
    Q_OBJECT
    std::string target;
    ScenarioEvaluation plain;  // no silence: the control
private slots:
    void initTestCase() {
        target = faultTarget();
        plain = run({});
    }

    void aSilencedTargetOpensNoIncidentButIsRecorded() {
        QVERIFY2(target.rfind("rpc:", 0) == 0, target.c_str());
        QVERIFY2(inAnyIncident(plain, target), target.c_str());  // the control: it does open one
        QVERIFY(anomaliesOn(plain, target, false) > 0);
        QCOMPARE(anomaliesOn(plain, target, true), std::int64_t(0));

        const ScenarioEvaluation quiet = run({silenceOn(target, 0, std::numeric_limits<TimestampMs>::max())});
        QVERIFY2(!inAnyIncident(quiet, target), target.c_str());
        QCOMPARE(anomaliesOn(quiet, target, true), anomaliesOn(plain, target, false));  // all still there, marked
        QCOMPARE(anomaliesOn(quiet, target, false), std::int64_t(0));
        QCOMPARE(quiet.output.anomalies.size(), plain.output.anomalies.size());
    }

    void aKindSilenceActsThroughThePolicyKind() {
        silence::Silence s = silenceOn("", 0, std::numeric_limits<TimestampMs>::max());
        s.kind = "rpc-outage";
        const ScenarioEvaluation ev = run({s});
        std::int64_t marked = 0;
        for (const auto& a : ev.output.anomalies) {
            const bool outage = a.detector == "level.shift" && a.series == "rpc.error_rate" && a.target.rfind("rpc:", 0) == 0;
            QCOMPARE(a.silenced, outage);  // exactly the anomalies of that kind
            marked += a.silenced;
        }
        QVERIFY(marked > 0);
    }

    void aSilenceOutsideTheFaultChangesNothing() {
        const ScenarioEvaluation before = run({silenceOn(target, 0, 1000)});  // ended in 1970
        QVERIFY(before.output.anomalies == plain.output.anomalies);
        QVERIFY(before.output.incidentUpdates == plain.output.incidentUpdates);
    }

    void theSameSilencesGiveTheSameRecords() {
        const auto s = silenceOn(target, 0, std::numeric_limits<TimestampMs>::max());
        const ScenarioEvaluation a = run({s}), b = run({s});
        QVERIFY(a.output.anomalies == b.output.anomalies);
        QVERIFY(a.output.incidentUpdates == b.output.incidentUpdates);
        QVERIFY(!a.output.anomalies.empty());
    }
};

QTEST_GUILESS_MAIN(TestSilencePipeline)
#include "tst_silencepipeline.moc"
