// Learning within bounds: cuts rise a bounded step per confirmed false alarm,
// never above the global cap or a real incident's score on that series (a
// labelled fault stays seen); playbook choices ordered by smoothed success;
// a reverted change's evidence is not used again.
#include "learn/Adaptation.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::learn;

namespace {

const SeriesKey kNoisy{"net.latency_ms", "host:batch-1"};

Feedback fb(const std::string& incident, Verdict v, TimestampMs ts = 1000) {
    Feedback f;
    f.ts = ts;
    f.incidentId = incident;
    f.verdict = v;
    f.user = "alice";
    return f;
}

LearnInputs falseAlarms(int n, double score = 0.82) {
    LearnInputs in;
    in.now = 10'000'000;
    for (int i = 0; i < n; ++i) {
        const std::string id = "inc-f" + std::to_string(i);
        in.incidentSeries[id][kNoisy] = score;
        in.feedback.push_back(fb(id, Verdict::FalseAlarm, 1000 + i * 3'600'000LL));
    }
    return in;
}

remedy::Policy twoChoicePolicy() {
    remedy::Policy p;
    remedy::PolicyRule r;
    r.name = "rpc-rule";
    remedy::PlaybookStep step;
    step.action.kind = "notify";
    remedy::ActionChoice alt;
    alt.kind = "failover_rpc";
    step.alternatives.push_back(alt);
    r.playbook.push_back(step);
    p.rules.push_back(r);
    return p;
}

ActionResult result(const std::string& id, const std::string& kind, bool helped) {
    ActionResult r;
    r.actionId = id;
    r.incidentId = "inc-" + id;
    r.kind = kind;
    r.rule = "rpc-rule";
    r.helped = helped;
    return r;
}

}  // namespace

class TestAdaptation : public QObject {
    Q_OBJECT
private slots:
    void cutRisesOneStepPerFalseAlarm() {
        const auto changes = proposeChanges(falseAlarms(3));
        QCOMPARE(changes.size(), std::size_t{1});
        const LearnChange& c = changes.front();
        QCOMPARE(int(c.kind), int(ChangeKind::SeriesCut));
        QCOMPARE(c.series, kNoisy.first);
        QCOMPARE(c.target, kNoisy.second);
        QCOMPARE(c.cutBefore, 0.0);
        QCOMPARE(c.cutAfter, 0.9);  // 0.75 + 3 x 0.05
        QCOMPARE(c.evidence.size(), std::size_t{3});
        QVERIFY2(c.reason.find("3 false alarms confirmed on net.latency_ms on host:batch-1 in 2.0 h") == 0,
                 c.reason.c_str());
    }

    void cutNeverAboveTheGlobalCap() {
        const auto changes = proposeChanges(falseAlarms(40));
        QCOMPARE(changes.size(), std::size_t{1});
        QCOMPARE(changes.front().cutAfter, LearnConfig{}.cap);
    }

    void cutNeverHidesAnIncidentConfirmedReal() {
        LearnInputs in = falseAlarms(6);
        in.incidentSeries["inc-real"][kNoisy] = 0.86;  // a labelled fault on the same series
        in.feedback.push_back(fb("inc-real", Verdict::Real));
        const auto changes = proposeChanges(in);
        QCOMPARE(changes.size(), std::size_t{1});
        QVERIFY(changes.front().cutAfter <= 0.86);  // the real incident's anomaly still counts
        QCOMPARE(changes.front().cutAfter, 0.855);
        QVERIFY2(changes.front().reason.find("held below real incident inc-real") != std::string::npos,
                 changes.front().reason.c_str());
    }

    void aRealIncidentLaterLowersACutThatWouldHideIt() {
        LearnInputs in = falseAlarms(4);
        auto first = proposeChanges(in);
        QCOMPARE(first.size(), std::size_t{1});
        first.front().id = 1;
        in.history = first;
        QCOMPARE(modelOf(in.history).cuts.at(kNoisy), 0.95);
        in.incidentSeries["inc-real"][kNoisy] = 0.9;
        in.feedback.push_back(fb("inc-real", Verdict::Real));
        const auto second = proposeChanges(in);
        QCOMPARE(second.size(), std::size_t{1});
        QCOMPARE(second.front().cutBefore, 0.95);
        QCOMPARE(second.front().cutAfter, 0.895);
        QVERIFY(second.front().reason.find("confirmed real") != std::string::npos);
    }

    void nothingToProposeWhenTheModelAgrees() {
        LearnInputs in = falseAlarms(2);
        auto first = proposeChanges(in);
        first.front().id = 1;
        in.history = first;
        QVERIFY(proposeChanges(in).empty());
    }

    void aRevertedChangesEvidenceIsNotUsedAgain() {
        LearnInputs in = falseAlarms(2);
        auto first = proposeChanges(in);
        first.front().id = 1;
        first.front().revertedTs = 5;
        first.front().revertedBy = "bob";
        in.history = first;
        QVERIFY(modelOf(in.history).cuts.empty());  // reverted: no cut in force
        QVERIFY(proposeChanges(in).empty());        // and the same evidence does not bring it back
        in.incidentSeries["inc-new"][kNoisy] = 0.8;  // a new false alarm does
        in.feedback.push_back(fb("inc-new", Verdict::FalseAlarm));
        const auto again = proposeChanges(in);
        QCOMPARE(again.size(), std::size_t{1});
        QCOMPARE(again.front().cutAfter, 0.8);
    }

    void laterFeedbackOnAnIncidentWins() {
        LearnInputs in = falseAlarms(1);
        in.feedback.push_back(fb("inc-f0", Verdict::Real));
        QVERIFY(proposeChanges(in).empty());
    }

    void playbookOrderedBySmoothedSuccess() {
        const remedy::Policy policy = twoChoicePolicy();
        LearnInputs in;
        in.policy = &policy;
        in.actions = {result("a1", "notify", false), result("a2", "notify", false), result("a3", "notify", false)};
        const auto changes = proposeChanges(in);
        QCOMPARE(changes.size(), std::size_t{1});
        const LearnChange& c = changes.front();
        QCOMPARE(int(c.kind), int(ChangeKind::PlaybookOrder));
        QCOMPARE(c.orderBefore, (std::vector<std::string>{"notify", "failover_rpc"}));
        QCOMPARE(c.orderAfter, (std::vector<std::string>{"failover_rpc", "notify"}));
        QVERIFY2(c.reason.find("notify helped 0 of 3 (20 %)") != std::string::npos, c.reason.c_str());
        const remedy::Policy learned = applyOrders(policy, modelOf({c}));
        QCOMPARE(learned.rules.front().playbook.front().action.kind, std::string("failover_rpc"));
        QCOMPARE(learned.rules.front().playbook.front().alternatives.front().kind, std::string("notify"));
    }

    void tiesKeepThePolicyOrderAndFewTrialsChangeNothing() {
        const remedy::Policy policy = twoChoicePolicy();
        LearnInputs in;
        in.policy = &policy;
        in.actions = {result("a1", "notify", false), result("a2", "notify", false)};  // below minTrials
        QVERIFY(proposeChanges(in).empty());
        in.actions = {result("a1", "notify", true), result("a2", "failover_rpc", true), result("a3", "notify", false),
                      result("a4", "failover_rpc", false)};  // 50 % each: a tie
        QVERIFY(proposeChanges(in).empty());
    }

    void operatorsWordOverridesTheAssessment() {
        const remedy::Policy policy = twoChoicePolicy();
        LearnInputs in;
        in.policy = &policy;
        in.actions = {result("a1", "notify", true), result("a2", "notify", true), result("a3", "notify", true)};
        QVERIFY(proposeChanges(in).empty());  // notify looks good on its own
        for (const char* id : {"a1", "a2", "a3"}) {
            Feedback f = fb(std::string("inc-") + id, Verdict::ActionUseless);
            f.actionId = id;
            in.feedback.push_back(f);
        }
        const auto changes = proposeChanges(in);
        QCOMPARE(changes.size(), std::size_t{1});
        QCOMPARE(changes.front().orderAfter.front(), std::string("failover_rpc"));
    }
};

QTEST_APPLESS_MAIN(TestAdaptation)
#include "tst_adaptation.moc"
