// Action summaries in words: the exact text for an approval-gated failover and
// a finished scale-up (what was seen, what Vigil did or wants and why, the
// outcome), every status and kind has its own wording, the same input gives
// the same bytes, and unreadable params are shown, not hidden.
#include "remedy/ActionSummary.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

namespace {

constexpr TimestampMs kT0 = 1767225600000;  // 2026-01-01 00:00:00 UTC

Incident incident() {
    Incident i;
    i.ts = kT0 + 190000;
    i.id = "inc-7";
    i.state = IncidentState::Open;
    i.severity = Severity::Critical;
    i.opened = kT0 + 187000;
    i.targets = {"rpc:eth-main-a", "agent:agent-03"};
    i.cause = "rpc:eth-main-a";
    i.narrative = "RPC endpoint eth-main-a stopped answering; 12 agents fail their tasks";
    return i;
}

ActionContext failover() {
    ActionContext c;
    c.incident = incident();
    c.action = Action{kT0 + 200000, "act-1", "inc-7", "failover_rpc", "rpc:eth-main-a", R"({"to":"rpc:eth-main-b"})",
                      ActionStatus::AwaitingApproval, true};
    c.rule = "rpc-down-failover";
    c.why = "error rate 100 % on rpc:eth-main-a for 60 s";
    c.approval = Approval{kT0 + 200000, "apr-1", "act-1", "engine", "", ApprovalDecision::Requested, kT0 + 1100000, ""};
    return c;
}

}  // namespace

class TestActionSummary : public QObject {
    Q_OBJECT

private slots:
    void awaitingApprovalReadsExactly() {
        const ActionSummary s = summarizeAction(failover());
        QCOMPARE(s.title, std::string("[critical] inc-7: switch traffic from rpc:eth-main-a to rpc:eth-main-b (awaiting approval)"));
        QCOMPARE(s.text,
                 std::string("Seen: incident inc-7 (critical, open, opened 2026-01-01 00:03:07 UTC) on rpc:eth-main-a, "
                             "agent:agent-03; likely cause rpc:eth-main-a. RPC endpoint eth-main-a stopped answering; "
                             "12 agents fail their tasks.\n"
                             "Action: Vigil wants to switch traffic from rpc:eth-main-a to rpc:eth-main-b and waits for "
                             "approval (action act-1, critical, 2026-01-01 00:03:20 UTC); approval apr-1 requested by "
                             "engine, expires 2026-01-01 00:18:20 UTC.\n"
                             "Why: policy rule 'rpc-down-failover': error rate 100 % on rpc:eth-main-a for 60 s; a "
                             "critical action needs a person's approval.\n"
                             "Outcome: nothing was done."));
        QCOMPARE(summarizeAction(failover()).text, s.text);  // deterministic
    }

    void finishedActionCarriesItsOutcome() {
        ActionContext c;
        c.incident = incident();
        c.incident->severity = Severity::Warning;
        c.action = Action{kT0 + 60000, "act-2", "inc-7", "scale_workers", "pool:airdrop_claim",
                          R"({"from":4,"replicas":8})", ActionStatus::Succeeded, false};
        c.rule = "backlog-scale";
        c.why = "queue depth 420 above 200 per 4 workers";
        c.outcome = Outcome{kT0 + 125000, "act-2", true, "queue back to 12 tasks"};
        const ActionSummary s = summarizeAction(c);
        QCOMPARE(s.title, std::string("[warning] inc-7: scale pool:airdrop_claim from 4 to 8 workers (succeeded)"));
        QVERIFY2(s.text.find("Action: Vigil chose to scale pool:airdrop_claim from 4 to 8 workers, and it succeeded") !=
                     std::string::npos,
                 s.text.c_str());
        QVERIFY2(s.text.find("\nOutcome: succeeded at 2026-01-01 00:02:05 UTC: queue back to 12 tasks.") != std::string::npos,
                 s.text.c_str());
        QVERIFY(s.text.find("needs a person") == std::string::npos);  // not critical

        c.outcome.reset();
        QVERIFY(summarizeAction(c).text.find("Outcome: not known yet.") != std::string::npos);
    }

    void everyStatusAndKindHasItsWords() {
        const std::vector<std::pair<ActionStatus, std::string>> statuses{
            {ActionStatus::Proposed, "Vigil proposes to"},
            {ActionStatus::AwaitingApproval, "waits for approval"},
            {ActionStatus::Executing, "Vigil is carrying out:"},
            {ActionStatus::Succeeded, "and it succeeded"},
            {ActionStatus::Failed, "and it failed"},
            {ActionStatus::Rejected, "the proposal was rejected"},
            {ActionStatus::Suppressed, "but held back"},
        };
        for (const auto& [st, words] : statuses) {
            ActionContext c = failover();
            c.action.status = st;
            c.approval.reset();
            const std::string text = summarizeAction(c).text;
            QVERIFY2(text.find(words) != std::string::npos, text.c_str());
        }
        const std::vector<std::pair<Action, std::string>> kinds{
            {Action{0, "a", "", "retry_tx", "agent:agent-07", R"({"nonce":42,"tx_hash":"0xab"})"},
             "replace the stuck transaction 0xab of agent:agent-07 (same nonce 42) with fees raised by at least 10 %"},
            {Action{0, "a", "", "rollback_workflow", "agent:agent-07", "{}"},
             "roll back the workflow of agent:agent-07 to its previous version"},
            {Action{0, "a", "", "transfer", "wallet:hot", R"({"value_eth":2.5,"from":"wallet:hot","to":"0xdead"})"},
             "transfer 2.5 ETH from wallet:hot to 0xdead"},
            {Action{0, "a", "", "failover_rpc", "rpc:x", ""}, "switch traffic from rpc:x to its backup endpoint"},
            {Action{0, "a", "", "reboot", "host:h1", "{}"}, "run reboot on host:h1"},
            {Action{0, "a", "", "scale_workers", "pool:p", "{\"replicas\":"}, "(params not readable: {\"replicas\":)"},
        };
        for (const auto& [a, words] : kinds) {
            const std::string d = describeAction(a);
            QVERIFY2(d.find(words) != std::string::npos, d.c_str());
        }
    }

    void rejectionAndManualProposal() {
        ActionContext c = failover();
        c.action.status = ActionStatus::Rejected;
        c.approval = Approval{kT0 + 300000, "apr-1", "act-1", "engine", "alice", ApprovalDecision::Rejected, kT0 + 1100000,
                              "backup is in maintenance"};
        std::string text = summarizeAction(c).text;
        QVERIFY2(text.find("rejected by alice: \"backup is in maintenance\"") != std::string::npos, text.c_str());

        ActionContext m;
        m.action = Action{kT0, "act-9", "", "scale_workers", "pool:p", R"({"replicas":3})", ActionStatus::Proposed, false};
        m.note = "dry-run: nothing was sent";
        const ActionSummary s = summarizeAction(m);
        QCOMPARE(s.title, std::string("[manual] scale pool:p to 3 workers (proposed)"));
        QVERIFY2(s.text.find("Seen: no incident: the action was proposed by hand.") == 0, s.text.c_str());
        QVERIFY2(s.text.find("dry-run: nothing was sent.") != std::string::npos, s.text.c_str());
        QVERIFY2(s.text.find("Why: proposed by hand, no rule.") != std::string::npos, s.text.c_str());
    }
};

QTEST_GUILESS_MAIN(TestActionSummary)
#include "tst_actionsummary.moc"
