// Learning shown on the demo fleet (evaluate --learn, shortened): after
// label-given feedback, the same recordings give fewer false incidents, every
// labelled fault is still seen, and what was learned includes a cut on the
// noisy-but-healthy series and failover_rpc first for the RPC rule; the same
// inputs learn the same changes (determinism).
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)
#include "eval/LearnEvaluation.h"
#include "eval/NoisyHealthySeries.h"
#include "remedy/PolicyLoader.h"

#include <QtTest>

using namespace vigil;

class TestLearnEvaluation : public QObject {
    Q_OBJECT
private slots:
    void fewerFalseIncidentsNoFaultMissed() {
        remedy::Policy shipped;
        std::string error;
        QVERIFY2(remedy::loadPolicyFile(VIGIL_SOURCE_DIR "/resources/policy.yaml", shipped, error), error.c_str());
        const remedy::Policy policy = reversedPlaybooks(shipped);
        const LearnEvaluation ev = evaluateLearning("rpc-outage", {1, 2}, 2400, 1, policy);
        QVERIFY(ev.falseAlarmFeedback > 0);
        QVERIFY(ev.before.falseIncidents > 0);
        QVERIFY2(ev.after.falseIncidents < ev.before.falseIncidents,
                 qPrintable(QStringLiteral("%1 -> %2").arg(ev.before.falseIncidents).arg(ev.after.falseIncidents)));
        QCOMPARE(ev.after.faults, 2);
        QCOMPARE(ev.after.faultsSeen, ev.after.faults);
        QVERIFY(ev.after.belowLearnedCut > 0);
        bool cut = false, order = false;
        for (const auto& c : ev.changes) {
            cut = cut || (c.kind == learn::ChangeKind::SeriesCut && c.target == NoisyHealthySeries::kTarget);
            order = order || (c.kind == learn::ChangeKind::PlaybookOrder && c.rule == "rpc-outage-failover" &&
                              !c.orderAfter.empty() && c.orderAfter.front() == "failover_rpc");
        }
        QVERIFY(cut);
        QVERIFY(order);
        QCOMPARE(evaluateLearning("rpc-outage", {1, 2}, 2400, 1, policy).changes, ev.changes);
    }
};

QTEST_GUILESS_MAIN(TestLearnEvaluation)
#include "tst_learnevaluation.moc"
