// OwnEffectMarker (correlate/OwnEffectMarker.h): fresh anomalies that are Vigil's own
// action taking effect carry the action's id, under the correlator's rule (the series
// the action kind changes, on its target, from the action until the settle time after
// its last news; a failed outcome disarms it). Actions and outcomes count whether they
// come in as inputs or from an earlier stage; copies mark on their own. (The engine's
// side of marking stages: engine/tst_engine; the real pipeline: engine/tst_pipeline.)
#include "correlate/OwnEffectMarker.h"

#include <QtTest>

using namespace vigil;

namespace {
constexpr TimestampMs kT0 = 1'767'225'600'000;
constexpr TimestampMs kSettle = 300'000;

std::unique_ptr<OwnEffectMarker> marker() {
    auto s = makeOwnEffectMarker({{"scale_workers", {"worker.count"}}}, kSettle, 16);
    return std::unique_ptr<OwnEffectMarker>(static_cast<OwnEffectMarker*>(s.release()));
}

Action scale(TimestampMs ts, ActionStatus status = ActionStatus::Executing) {
    Action a;
    a.ts = ts;
    a.id = "act-1";
    a.kind = "scale_workers";
    a.target = "pool:p";
    a.status = status;
    return a;
}

Outcome failure(TimestampMs ts) {
    Outcome o;
    o.ts = ts;
    o.action_id = "act-1";
    o.success = false;
    return o;
}

Anomaly anomaly(TimestampMs ts, const std::string& series, const std::string& target) {
    Anomaly a;
    a.ts = ts;
    a.id = "an-" + std::to_string(ts);
    a.detector = "echo";
    a.series = series;
    a.target = target;
    return a;
}

// The id a fresh anomaly on this series and target is marked with ("" for none).
std::string markOf(Stage& s, TimestampMs ts, const std::string& series, const std::string& target) {
    Record r = anomaly(ts, series, target);
    s.markOutput(r);
    return std::get<Anomaly>(r).own_effect_of;
}

}  // namespace

class TestOwnEffectMarker : public QObject {
    Q_OBJECT
private slots:
    void marksTheSeriesTheActionChangesOnItsTargetInItsSpan() {
        auto s = marker();
        QCOMPARE(markOf(*s, kT0, "worker.count", "pool:p"), std::string());  // no action yet
        std::vector<Record> out;
        QVERIFY(s->process(scale(kT0 + 1000), out));
        QVERIFY(out.empty());
        QCOMPARE(markOf(*s, kT0 + 2000, "worker.count", "pool:p"), std::string("act-1"));
        QCOMPARE(markOf(*s, kT0 + 2000, "worker.count", "pool:q"), std::string());        // another target
        QCOMPARE(markOf(*s, kT0 + 2000, "worker.queue_depth", "pool:p"), std::string());  // not what it changes
        QCOMPARE(markOf(*s, kT0 + 1000 + kSettle, "worker.count", "pool:p"), std::string("act-1"));
        QCOMPARE(markOf(*s, kT0 + 1001 + kSettle, "worker.count", "pool:p"), std::string());  // settled
        QCOMPARE(s->marked(), std::int64_t(2));
    }

    void aProposalChangesNothingAndAFailureDisarms() {
        auto s = marker();
        std::vector<Record> out;
        QVERIFY(s->process(scale(kT0, ActionStatus::AwaitingApproval), out));
        QCOMPARE(markOf(*s, kT0 + 1000, "worker.count", "pool:p"), std::string());
        QVERIFY(s->process(scale(kT0 + 2000), out));
        QCOMPARE(markOf(*s, kT0 + 3000, "worker.count", "pool:p"), std::string("act-1"));
        QVERIFY(s->process(failure(kT0 + 4000), out));
        QCOMPARE(markOf(*s, kT0 + 5000, "worker.count", "pool:p"), std::string());
    }

    // From an earlier stage (a planner wired before it), an action arrives as a fresh
    // output: it is followed just the same, and left as it was.
    void actionsFromEarlierStagesCountToo() {
        auto s = marker();
        Record act = scale(kT0);
        s->markOutput(act);
        QCOMPARE(std::get<Action>(act), scale(kT0));
        QCOMPARE(s->tracked(), std::size_t(1));
        QCOMPARE(markOf(*s, kT0 + 1000, "worker.count", "pool:p"), std::string("act-1"));
        Record failed = failure(kT0 + 2000);
        s->markOutput(failed);
        QCOMPARE(markOf(*s, kT0 + 3000, "worker.count", "pool:p"), std::string());
    }

    void nothingToMarkForMeansNoStage() {
        QVERIFY(!makeOwnEffectMarker({}, kSettle, 16));
        auto s = marker();
        QVERIFY(s->marksOutputs());
        QCOMPARE(s->reads(), kindBit(RecordKind::Anomaly) | kindBit(RecordKind::Action) | kindBit(RecordKind::Outcome));
    }

    // A checkpoint's copy carries the armed actions and then goes its own way.
    void copiesMarkOnTheirOwn() {
        auto s = marker();
        std::vector<Record> out;
        s->process(scale(kT0), out);
        auto copy = s->clone();
        QVERIFY(copy);
        s->process(failure(kT0 + 1000), out);
        QCOMPARE(markOf(*s, kT0 + 2000, "worker.count", "pool:p"), std::string());
        QCOMPARE(markOf(*copy, kT0 + 2000, "worker.count", "pool:p"), std::string("act-1"));
    }
};

QTEST_GUILESS_MAIN(TestOwnEffectMarker)
#include "tst_owneffectmarker.moc"
