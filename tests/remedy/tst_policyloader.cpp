// The policy loader: the shipped default loads and covers the demo fleet's
// faults; every kind of mistake is refused with FILE:LINE: key: reason; rule
// matching; a bad reload keeps the running policy (issue #9, test 7 in part).
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)
#include "remedy/LivePolicy.h"
#include "remedy/PolicyLoader.h"
#include "remedy/PolicyMatch.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

namespace {

const std::string kDefaultPolicy = VIGIL_SOURCE_DIR "/resources/policy.yaml";

// A small valid policy; tests splice mistakes into it.
const char* kMinimal = R"(version: 1
approval_limit: 1
two_person_limit: 10
rules:
  - name: failover
    match:
      kind: rpc-outage
      cause: "rpc:*"
    playbook:
      - action: failover_rpc
        risk: auto
)";

std::string loadError(const std::string& text) {
    Policy p;
    std::string error;
    if (parsePolicy(text, "p.yaml", p, error)) return "(loaded)";
    return error;
}

}  // namespace

class TestPolicyLoader : public QObject {
    Q_OBJECT

private slots:
    void defaultPolicyCoversTheDemoFaults() {
        Policy p;
        std::string error;
        QVERIFY2(loadPolicyFile(kDefaultPolicy, p, error), error.c_str());
        QCOMPARE(p.approvalLimit, Wei(kWeiPerEth));
        QCOMPARE(p.twoPersonLimit, Wei(10 * kWeiPerEth));
        QCOMPARE(p.approvalExpiryMs, TimestampMs(15 * 60'000));
        QVERIFY(!p.dryRun && !p.killSwitch);

        auto ruleFor = [&](const std::string& kind, const std::string& cause) -> std::string {
            IncidentFacts f;
            f.kind = kind;
            f.cause = cause;
            f.detectors = {"tx.stuck"};
            const PolicyRule* r = matchRule(p, f);
            return r ? r->name + ":" + r->playbook.front().action.kind + ":" + std::string(toString(r->playbook.front().action.risk)) : "none";
        };
        QCOMPARE(ruleFor("rpc-outage", "rpc:eth-main-a"), std::string("rpc-outage-failover:failover_rpc:auto"));
        QCOMPARE(ruleFor("stuck-tx", "agent:agent-03"), std::string("stuck-tx-fee-bump:retry_tx:auto"));
        QCOMPARE(ruleFor("worker-overload", "pool:airdrop_claim"), std::string("worker-overload-scale:scale_workers:auto"));
        QCOMPARE(ruleFor("failed-tx-burst", "agent:agent-07"), std::string("failed-workflow-rollback:rollback_workflow:approve"));
        QCOMPARE(ruleFor("transfer", "agent:agent-01"), std::string("transfer-limits:transfer:auto"));
        // A worker-overload blamed on an agent is not the scaling rule's business.
        QCOMPARE(ruleFor("worker-overload", "agent:agent-01"), std::string("unknown-no-transfer:notify:auto"));
        QCOMPARE(p.budgetFor("pool:claims").maxActions, 6);
        QCOMPARE(p.budgetFor("rpc:eth-main-a").maxActions, 3);
    }

    void mistakesNameFileLineAndKey_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("typo in a limit") << "approval_limit: 1" << "aproval_limit: 1"
                                         << "p.yaml:2: aproval_limit: unknown key";
        QTest::newRow("repeated key") << "two_person_limit: 10" << "two_person_limit: 10\napproval_limit: 5"
                                      << "p.yaml:4: approval_limit: repeated key";
        QTest::newRow("bad risk class") << "risk: auto" << "risk: automatic"
                                        << "p.yaml:11: rules[0].playbook[0].risk: 'automatic' is not one of auto, approve, forbidden";
        QTest::newRow("unknown action") << "action: failover_rpc" << "action: reboot_everything"
                                        << "p.yaml:10: rules[0].playbook[0].action: unknown action 'reboot_everything'";
        QTest::newRow("limits upside down") << "two_person_limit: 10" << "two_person_limit: 0.5"
                                            << "p.yaml:3: two_person_limit: 0.5 is below approval_limit 1";
        QTest::newRow("not an amount") << "approval_limit: 1" << "approval_limit: -1"
                                       << "p.yaml:2: approval_limit: '-1' is not an amount in ETH";
        QTest::newRow("bad duration") << "version: 1" << "version: 1\ncooldown: 5 minutes"
                                      << "p.yaml:2: cooldown: '5 minutes' is not a duration";
        QTest::newRow("missing playbook") << "    playbook:\n      - action: failover_rpc\n        risk: auto\n" << ""
                                          << "p.yaml:5: rules[0].playbook: missing (required)";
        QTest::newRow("unknown match key") << "      cause: \"rpc:*\"" << "      casue: \"rpc:*\""
                                           << "p.yaml:8: rules[0].match.casue: unknown key";
        QTest::newRow("bad severity") << "      kind: rpc-outage" << "      kind: rpc-outage\n      severity: urgent"
                                      << "p.yaml:8: rules[0].match.severity: 'urgent' is not one of info, warning, critical";
        QTest::newRow("yaml syntax") << "rules:" << "rules: [" << "p.yaml:";
        QTest::newRow("wrong version") << "version: 1" << "version: 2" << "p.yaml:1: version: 2 is outside 1..1";
        QTest::newRow("budget zero window") << "version: 1" << "version: 1\nbudget:\n  max_actions: 3\n  window: 0s"
                                            << "p.yaml:4: budget.window: '0s' is out of range";
        QTest::newRow("bool typo") << "version: 1" << "version: 1\ndry_run: yes"
                                   << "p.yaml:2: dry_run: 'yes' is not true or false";
    }

    void mistakesNameFileLineAndKey() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        std::string text = kMinimal;
        const auto at = text.find(from.toStdString());
        QVERIFY(at != std::string::npos);
        text.replace(at, static_cast<std::size_t>(from.size()), to.toStdString());
        const std::string error = loadError(text);
        QVERIFY2(error.rfind(expected.toStdString(), 0) == 0, error.c_str());
    }

    void emptyAndMissingFiles() {
        QCOMPARE(loadError(""), std::string("p.yaml:1: policy: empty file"));
        Policy p;
        std::string error;
        QVERIFY(!loadPolicyFile("/nonexistent/policy.yaml", p, error));
        QCOMPARE(error, std::string("/nonexistent/policy.yaml:0: policy: cannot read the file"));
    }

    void amountsAreExact() {
        Wei w = 0;
        std::string why;
        QVERIFY(parseEth("0.000000000000000001", w, why));
        QCOMPARE(w, Wei(1));
        QVERIFY(parseEth("1000000.5", w, why));
        QCOMPARE(weiToString(w), std::string("1000000500000000000000000"));
        QCOMPARE(formatEth(w), std::string("1000000.5"));
        QVERIFY(!parseEth("1.0000000000000000001", w, why));
        QVERIFY(!parseEth("1e18", w, why));
        QVERIFY(!parseEth(".5", w, why));
    }

    void matchingUsesEveryCondition() {
        QVERIFY(globMatch("rpc:*", "rpc:eth-main-a"));
        QVERIFY(globMatch("*main-?", "rpc:eth-main-b"));
        QVERIFY(!globMatch("rpc:*", "pool:rpc:x"));
        RuleMatch m;
        m.kinds = {"stuck-tx"};
        m.minSeverity = Severity::Critical;
        m.labels = {{"chain", "eth*"}};
        IncidentFacts f{"stuck-tx", {}, "agent:agent-01", Severity::Critical, {{"chain", "ethereum"}}};
        QVERIFY(ruleMatches(m, f));
        f.severity = Severity::Warning;
        QVERIFY(!ruleMatches(m, f));
        f.severity = Severity::Critical;
        f.labels["chain"] = "arbitrum";
        QVERIFY(!ruleMatches(m, f));
        f.labels.erase("chain");
        QVERIFY(!ruleMatches(m, f));
    }

    void badReloadKeepsTheRunningPolicy() {
        Policy p;
        std::string error;
        QVERIFY(parsePolicy(kMinimal, "p.yaml", p, error));
        LivePolicy live(p);
        std::vector<std::string> events;
        live.onChange([&](const std::string& kind, const std::string& detail) { events.push_back(kind + " " + detail); });
        const auto before = live.current();
        std::string bad = kMinimal;
        bad.replace(bad.find("risk: auto"), 10, "risk: sometimes");
        QVERIFY(!live.reloadText(bad, "new.yaml", error));
        QVERIFY2(error.rfind("new.yaml:11: rules[0].playbook[0].risk:", 0) == 0, error.c_str());
        QCOMPARE(live.current().get(), before.get());
        QCOMPARE(live.generation(), 1);
        QVERIFY(!live.reload("/nonexistent.yaml", error));
        QCOMPARE(live.current().get(), before.get());

        std::string good = kMinimal;
        good.replace(good.find("approval_limit: 1"), 17, "approval_limit: 2");
        QVERIFY2(live.reloadText(good, "new.yaml", error), error.c_str());
        QCOMPARE(live.current()->approvalLimit, Wei(2 * kWeiPerEth));
        QCOMPARE(before->approvalLimit, Wei(kWeiPerEth));  // holders of the old one are unaffected
        live.setKillSwitch(true);
        QVERIFY(live.current()->killSwitch);
        QCOMPARE(live.current()->approvalLimit, Wei(2 * kWeiPerEth));
        QCOMPARE(int(events.size()), 4);  // refused, refused, loaded, kill switch: each for the audit log
        QVERIFY2(events[0].rfind("policy.refused new.yaml:11: rules[0].playbook[0].risk:", 0) == 0, events[0].c_str());
        QCOMPARE(events[2], std::string("policy.loaded new.yaml"));
        QCOMPARE(events[3], std::string("kill_switch.on "));
    }
};

QTEST_APPLESS_MAIN(TestPolicyLoader)
#include "tst_policyloader.moc"
