// ActionAdmission on a virtual clock: a flapping incident exhausts its target's
// budget, raises one escalation and stops automation there (issue #9, test 5);
// cooldowns, kill switch, dry run, forbidden actions, alternatives and the
// approval limits at their exact boundaries.
#include "remedy/ActionAdmission.h"
#include "remedy/PolicyLoader.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

// Verdicts compare by name, so a failure prints "execute" vs "over-budget".
#define QCOMPARE_V(a, b) QCOMPARE(std::string(toString(a)), std::string(toString(b)))

namespace {

Policy testPolicy() {
    Policy p;
    std::string error;
    const bool ok = parsePolicy(R"(version: 1
approval_limit: 1
two_person_limit: 10
cooldown: 1m
budget: {max_actions: 3, window: 30m}
rules:
  - name: failover
    match: {kind: rpc-outage}
    playbook:
      - action: failover_rpc
        risk: auto
        alternatives:
          - action: notify
            risk: auto
  - name: transfer
    match: {kind: transfer}
    playbook:
      - action: transfer
        risk: auto
  - name: no-rollback
    match: {kind: failed-tx-burst}
    playbook:
      - action: rollback_workflow
        risk: forbidden
        alternatives:
          - action: rollback_workflow
            risk: approve
)",
                                "t.yaml", p, error);
    if (!ok) qFatal("%s", error.c_str());
    return p;
}

constexpr TimestampMs kMinute = 60'000;

}  // namespace

class TestActionAdmission : public QObject {
    Q_OBJECT

private slots:
    void flappingIncidentExhaustsTheBudgetAndEscalates() {
        const Policy p = testPolicy();
        VirtualClock clock(1'000'000);
        ActionAdmission admission(clock);
        const PolicyRule& rule = p.rules[0];
        const ActionChoice& failover = rule.playbook[0].action;
        const AdmissionRequest req{"rpc:eth-main-a", &failover, &rule, 0};

        // The outage comes back every 2 minutes (past the 1-minute cooldown).
        for (int i = 0; i < 3; ++i) {
            const Admission a = admission.admit(p, req);
            QCOMPARE_V(a.verdict, Verdict::Execute);
            QVERIFY(!a.escalation);
            clock.advanceBy(2 * kMinute);
        }
        const Admission fourth = admission.admit(p, req);
        QCOMPARE_V(fourth.verdict, Verdict::OverBudget);
        QVERIFY(fourth.escalation);
        QCOMPARE(fourth.escalation->target, std::string("rpc:eth-main-a"));
        QCOMPARE(fourth.escalation->rule, std::string("failover"));
        QCOMPARE(fourth.escalation->ts, clock.now());
        QVERIFY2(fourth.escalation->reason.find("3 automatic actions within 1800 s") != std::string::npos,
                 fourth.escalation->reason.c_str());
        QVERIFY(admission.stopped("rpc:eth-main-a"));

        // Stopped even after the window has passed; escalated only once.
        clock.advanceBy(60 * kMinute);
        const Admission later = admission.admit(p, req);
        QCOMPARE_V(later.verdict, Verdict::OverBudget);
        QVERIFY(!later.escalation);

        // Another target is unaffected; an operator's resume restarts automation.
        QCOMPARE_V(admission.admit(p, {"rpc:eth-main-b", &failover, &rule, 0}).verdict, Verdict::Execute);
        admission.resume("rpc:eth-main-a");
        QCOMPARE_V(admission.admit(p, req).verdict, Verdict::Execute);
    }

    void budgetWindowSlides() {
        const Policy p = testPolicy();
        VirtualClock clock(0);
        ActionAdmission admission(clock);
        const PolicyRule& rule = p.rules[0];
        const AdmissionRequest req{"rpc:x", &rule.playbook[0].action, &rule, 0};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE_V(admission.admit(p, req).verdict, Verdict::Execute);
            clock.advanceBy(11 * kMinute);  // 3 runs spread over 33 min: never 4 within 30
        }
        QCOMPARE(admission.runsInWindow(p, "rpc:x"), 2);
        QCOMPARE_V(admission.admit(p, req).verdict, Verdict::Execute);
    }

    void cooldownPerTargetAndKind() {
        const Policy p = testPolicy();
        VirtualClock clock(0);
        ActionAdmission admission(clock);
        const PolicyRule& rule = p.rules[0];
        const AdmissionRequest req{"rpc:x", &rule.playbook[0].action, &rule, 0};
        QCOMPARE_V(admission.admit(p, req).verdict, Verdict::Execute);
        clock.advanceBy(30'000);
        const Admission a = admission.admit(p, req);
        QCOMPARE_V(a.verdict, Verdict::CoolingDown);
        QVERIFY2(a.reason.find("ran 30 s ago (cooldown 60 s)") != std::string::npos, a.reason.c_str());
        // The alternative (notify) is a different kind: it may run.
        const auto [chosen, adm] = admission.admitStep(p, rule, rule.playbook[0], "rpc:x");
        QVERIFY(chosen);
        QCOMPARE(chosen->kind, std::string("notify"));
        QCOMPARE_V(adm.verdict, Verdict::Execute);
        clock.advanceBy(30'000);
        QCOMPARE_V(admission.admit(p, req).verdict, Verdict::Execute);
    }

    void killSwitchAndDryRun() {
        Policy p = testPolicy();
        VirtualClock clock(0);
        ActionAdmission admission(clock);
        const PolicyRule& rule = p.rules[0];
        const AdmissionRequest req{"rpc:x", &rule.playbook[0].action, &rule, 0};
        p.killSwitch = true;
        QCOMPARE_V(admission.admit(p, req).verdict, Verdict::Paused);
        QCOMPARE(admission.runsInWindow(p, "rpc:x"), 0);  // a paused action spends nothing
        p.killSwitch = false;
        p.dryRun = true;
        const Admission a = admission.admit(p, req);
        QCOMPARE_V(a.verdict, Verdict::DryRun);
        QVERIFY(a.reason.rfind("dry run: would take failover_rpc on rpc:x", 0) == 0);
        // A dry run counts like a real run, so it shows the same later decisions.
        QCOMPARE(admission.runsInWindow(p, "rpc:x"), 1);
        QCOMPARE_V(admission.admit(p, req).verdict, Verdict::CoolingDown);
    }

    void forbiddenFallsBackToAlternative() {
        const Policy p = testPolicy();
        VirtualClock clock(0);
        ActionAdmission admission(clock);
        const PolicyRule& rule = p.rules[2];
        QCOMPARE_V(admission.admit(p, {"agent:a", &rule.playbook[0].action, &rule, 0}).verdict, Verdict::Forbidden);
        const auto [chosen, adm] = admission.admitStep(p, rule, rule.playbook[0], "agent:a");
        QVERIFY(chosen == &rule.playbook[0].alternatives[0]);
        QCOMPARE_V(adm.verdict, Verdict::NeedsApproval);
        QCOMPARE(adm.approvers, 1);
    }

    void approvalLimitsAtTheirBoundaries() {
        const Policy p = testPolicy();
        VirtualClock clock(0);
        ActionAdmission admission(clock);
        const PolicyRule& rule = p.rules[1];
        auto verdictFor = [&](Wei value, int& approvers) {
            const Admission a = admission.admit(p, {"agent:a", &rule.playbook[0].action, &rule, value});
            approvers = a.approvers;
            return a.verdict;
        };
        int n = -1;
        QCOMPARE_V(verdictFor(kWeiPerEth - 1, n), Verdict::Execute);
        QCOMPARE(n, 0);
        clock.advanceBy(2 * kMinute);
        QCOMPARE_V(verdictFor(kWeiPerEth, n), Verdict::NeedsApproval);  // at the limit: a person
        QCOMPARE(n, 1);
        QCOMPARE_V(verdictFor(10 * kWeiPerEth - 1, n), Verdict::NeedsApproval);
        QCOMPARE(n, 1);
        QCOMPARE_V(verdictFor(10 * kWeiPerEth, n), Verdict::NeedsApproval);  // at the two-person limit
        QCOMPARE(n, 2);
    }
};

QTEST_APPLESS_MAIN(TestActionAdmission)
#include "tst_actionadmission.moc"
