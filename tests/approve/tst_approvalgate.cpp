// ApprovalGate on a real SQLite file and a virtual clock: issue #9 test 3 at
// the gate (no execution without approval, no self-approval, two distinct
// people above the two-person limit, an expired approval refused at execution,
// a different amount or destination refused), expiry as an escalation, unknown
// ids and malformed calls changing nothing (test 7), and two connections on
// one WAL database seeing each other's decisions.
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)
#include "approve/ApprovalGate.h"
#include "approve/CanonicalJson.h"
#include "approve/ExecutionContent.h"
#include "remedy/PolicyLoader.h"
#include "remedy/PolicyMatch.h"
#include "store/Statement.h"

#include <QTemporaryDir>

#include <thread>
#include <QtTest>

using namespace vigil;
using namespace vigil::approve;
using remedy::kWeiPerEth;

namespace {

constexpr TimestampMs kStart = 1'790'000'000'000;  // 2026-09
constexpr TimestampMs kMinute = 60'000;

TransferDryRun transfer(remedy::Wei value, const std::string& to = "0x00000000000000000000000000000000000000b0") {
    TransferDryRun tx;
    tx.chain = "ethereum";
    tx.from = "0x00000000000000000000000000000000000000a0";
    tx.to = to;
    tx.value = value;
    tx.maxFeePerGas = 40'000'000'000ULL;
    tx.maxPriorityFeePerGas = 2'000'000'000ULL;
    tx.nonce = 17;
    return tx;
}

NewApprovalRequest newRequest(const TransferDryRun& tx, int approvers) {
    NewApprovalRequest r;
    r.actionId = "act-transfer-1";
    r.actionKind = "transfer";
    r.target = "agent:agent-04";
    r.incidentId = "inc-7";
    r.narrative = "treasury top-up of agent-04 below its floor";
    r.metricWindow = "{\"series\":\"wallet.balance_eth\",\"target\":\"agent:agent-04\",\"points\":[[0,0.4],[60000,0.1]]}";
    r.content = transferContent(tx);
    r.rule = "transfer-limits";
    r.requester = "vigil";
    r.value = tx.value;
    r.approversNeeded = approvers;
    return r;
}

std::string sql(store::Database& db, const std::string& q) {
    store::Statement st;
    std::string err;
    if (!st.prepare(db.handle(), q, err)) return "error: " + err;
    return st.step() == SQLITE_ROW ? st.text(0) : std::string("(none)");
}

#define QVERIFY_OK(expr)                                              \
    do {                                                              \
        const GateStatus s_ = (expr);                                 \
        QVERIFY2(static_cast<bool>(s_), s_.message.c_str());          \
    } while (0)

#define QVERIFY_REFUSED(expr, words)                                                  \
    do {                                                              \
        const GateStatus s_ = (expr);                                 \
        QCOMPARE(int(s_.code), int(GateCode::Refused));               \
        QVERIFY2(s_.message.find(words) != std::string::npos, s_.message.c_str()); \
    } while (0)

}  // namespace

class TestApprovalGate : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int n_ = 0;

    store::Database openDb(const QString& name) {
        auto db = store::Database::open(dir_.filePath(name).toStdString(), store::OpenMode::ReadWrite);
        if (!db.ok()) qFatal("%s", db.error().c_str());
        return std::move(db.value());
    }
    QString freshName() { return QStringLiteral("gate-%1.db").arg(++n_); }

private slots:
    void transferAboveLimitWaitsForOnePerson() {
        store::Database db = openDb(freshName());
        VirtualClock clock(kStart);
        ApprovalGate gate(db, clock);
        const TransferDryRun tx = transfer(2 * kWeiPerEth);
        ApprovalRequest r;
        QVERIFY_OK(gate.request(newRequest(tx, 1), r));
        QVERIFY(r.id.rfind("apr-", 0) == 0 && r.id.size() == 14);
        QCOMPARE(r.expires, kStart + 15 * kMinute);
        QCOMPARE(r.contentSha256, sha256Hex(transferContent(tx)));
        QCOMPARE(sql(db, "SELECT status FROM actions WHERE id = 'act-transfer-1'"), std::string("awaiting_approval"));

        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(tx)), "not approved yet (0 of 1 approvals)");
        QVERIFY_REFUSED(gate.approve(r.id, "vigil", "looks fine"), "vigil requested this action and cannot approve it");
        QVERIFY_REFUSED(gate.approve(r.id, " VIGIL ", ""), "cannot approve it");  // case and spaces do not make a new person
        clock.advanceBy(kMinute);
        ApprovalRequest after;
        QVERIFY_OK(gate.approve(r.id, "alice", "balance checked on the explorer", &after));
        QCOMPARE(toString(after.state), std::string_view("approved"));
        QCOMPARE(int(after.votes.size()), 1);
        QCOMPARE(after.votes[0].comment, std::string("balance checked on the explorer"));

        QVERIFY_OK(gate.authorize(r.id, transferContent(tx)));
        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(tx)), "already executed");
        QCOMPARE(sql(db, "SELECT state FROM approval_requests"), std::string("executed"));
        QCOMPARE(sql(db, "SELECT status FROM actions WHERE id = 'act-transfer-1'"), std::string("executing"));
        QCOMPARE(sql(db, "SELECT group_concat(decision || ':' || approver, ' ') FROM approvals WHERE id = '" + r.id + "'"),
                 std::string("requested: approved:alice"));
    }

    // The default policy decides who must approve; the gate enforces it.
    void defaultPolicyLimitsDriveTheGate() {
        remedy::Policy policy;
        std::string error;
        QVERIFY2(remedy::loadPolicyFile(VIGIL_SOURCE_DIR "/resources/policy.yaml", policy, error), error.c_str());
        const remedy::PolicyRule* rule = remedy::matchRule(policy, {"transfer", {}, "agent:agent-04", Severity::Critical, {}});
        QVERIFY(rule);
        store::Database db = openDb(freshName());
        VirtualClock clock(kStart);
        remedy::ActionAdmission admission(clock);
        ApprovalGate gate(db, clock, policy.approvalExpiryMs);

        struct Case {
            remedy::Wei value;
            const char* verdict;
            int approvers;
        };
        for (const Case& c : {Case{kWeiPerEth / 2, "execute", 0}, Case{kWeiPerEth, "needs-approval", 1},
                              Case{10 * kWeiPerEth, "needs-approval", 2}}) {
            clock.advanceBy(10 * kMinute);  // past the cooldown
            const auto [choice, adm] = admission.admitStep(policy, *rule, rule->playbook[0], "agent:agent-04", c.value);
            QVERIFY(choice);
            QCOMPARE(std::string(toString(adm.verdict)), std::string(c.verdict));
            QCOMPARE(adm.approvers, c.approvers);
            if (adm.approvers == 0) continue;
            const TransferDryRun tx = transfer(c.value);
            NewApprovalRequest req = newRequest(tx, adm.approvers);
            req.actionId = "act-" + remedy::weiToString(c.value);
            ApprovalRequest r;
            QVERIFY_OK(gate.request(req, r));
            QVERIFY_REFUSED(gate.authorize(r.id, transferContent(tx)), "not approved yet");
            QVERIFY_OK(gate.approve(r.id, "alice", "ok"));
            if (adm.approvers == 2) {
                QVERIFY_REFUSED(gate.authorize(r.id, transferContent(tx)), "1 of 2 approvals");
                QVERIFY_OK(gate.approve(r.id, "bob", "ok"));
            }
            QVERIFY_OK(gate.authorize(r.id, transferContent(tx)));
        }
    }

    void aboveTwoPersonLimitOneApprovalIsNotEnough() {
        store::Database db = openDb(freshName());
        VirtualClock clock(kStart);
        ApprovalGate gate(db, clock);
        const TransferDryRun tx = transfer(25 * kWeiPerEth);
        ApprovalRequest r;
        QVERIFY_OK(gate.request(newRequest(tx, 2), r));
        QVERIFY_OK(gate.approve(r.id, "alice", "ok"));
        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(tx)), "not approved yet (1 of 2 approvals)");
        QVERIFY_REFUSED(gate.approve(r.id, "Alice", "me again"), "alice already approved it; a second, different person must");
        QVERIFY_OK(gate.find(r.id, r));
        QCOMPARE(toString(r.state), std::string_view("pending"));
        QVERIFY_OK(gate.approve(r.id, "bob", "second pair of eyes", &r));
        QCOMPARE(toString(r.state), std::string_view("approved"));
        QCOMPARE(r.approvals(), 2);
        QVERIFY_OK(gate.authorize(r.id, transferContent(tx)));
    }

    void expiredApprovalIsRefusedAtExecution() {
        store::Database db = openDb(freshName());
        VirtualClock clock(kStart);
        ApprovalGate gate(db, clock, 15 * kMinute);
        const TransferDryRun tx = transfer(2 * kWeiPerEth);
        ApprovalRequest r;
        QVERIFY_OK(gate.request(newRequest(tx, 1), r));
        clock.advanceBy(5 * kMinute);
        QVERIFY_OK(gate.approve(r.id, "alice", "ok"));
        clock.set(kStart + 15 * kMinute);  // exactly at expiry: no longer valid
        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(tx)), "approval expired at");
        QCOMPARE(sql(db, "SELECT state FROM approval_requests"), std::string("expired"));
        QCOMPARE(sql(db, "SELECT status FROM actions"), std::string("rejected"));
        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(tx)), "expired unanswered");
    }

    void differentAmountOrDestinationIsRefused() {
        store::Database db = openDb(freshName());
        VirtualClock clock(kStart);
        ApprovalGate gate(db, clock);
        const TransferDryRun tx = transfer(3 * kWeiPerEth);
        ApprovalRequest r;
        QVERIFY_OK(gate.request(newRequest(tx, 1), r));
        QVERIFY_OK(gate.approve(r.id, "alice", "ok"));
        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(transfer(3 * kWeiPerEth + 1))), "differs from what was approved (value_wei)");
        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(transfer(3 * kWeiPerEth, "0x00000000000000000000000000000000000000c0"))),
                        "differs from what was approved (to)");
        TransferDryRun higherFee = tx;
        higherFee.maxFeePerGas += 1;
        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(higherFee)), "(max_fee_per_gas_wei)");
        // Refusals spend nothing: the approved content still executes, once.
        QCOMPARE(sql(db, "SELECT state FROM approval_requests"), std::string("approved"));
        QVERIFY_OK(gate.authorize(r.id, transferContent(tx)));
    }

    void alteredStoredContentIsRefused() {
        store::Database db = openDb(freshName());
        VirtualClock clock(kStart);
        ApprovalGate gate(db, clock);
        const TransferDryRun tx = transfer(2 * kWeiPerEth);
        ApprovalRequest r;
        QVERIFY_OK(gate.request(newRequest(tx, 1), r));
        QVERIFY_OK(gate.approve(r.id, "alice", "ok"));
        // Someone with write access to the file swaps the destination after approval.
        QVERIFY(static_cast<bool>(db.exec("UPDATE approval_requests SET content = replace(content, '00b0', '00c0')")));
        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(tx)), "stored content does not match its sha256");
        QVERIFY_REFUSED(gate.authorize(r.id, transferContent(transfer(2 * kWeiPerEth, "0x00000000000000000000000000000000000000c0"))),
                        "the request was altered");
        QCOMPARE(sql(db, "SELECT state FROM approval_requests"), std::string("approved"));
    }

    void unansweredRequestExpiresAndEscalates() {
        store::Database db = openDb(freshName());
        VirtualClock clock(kStart);
        ApprovalGate gate(db, clock);
        std::vector<Record> seen;
        gate.onRecord([&](const Record& rec) { seen.push_back(rec); });
        ApprovalRequest r;
        QVERIFY_OK(gate.request(newRequest(transfer(2 * kWeiPerEth), 1), r));
        QCOMPARE(int(seen.size()), 2);  // Approval(requested) + Action(awaiting_approval)
        std::vector<remedy::Escalation> esc;
        clock.advanceBy(15 * kMinute - 1);
        QVERIFY_OK(gate.expireDue(esc));
        QVERIFY(esc.empty());
        clock.advanceBy(1);
        QVERIFY_OK(gate.expireDue(esc));
        QCOMPARE(int(esc.size()), 1);
        QCOMPARE(esc[0].target, std::string("agent:agent-04"));
        QCOMPARE(esc[0].rule, std::string("transfer-limits"));
        QVERIFY2(esc[0].reason.find("expired unanswered after 15 min (0 of 1 approvals): rejected") != std::string::npos,
                 esc[0].reason.c_str());
        QCOMPARE(int(seen.size()), 4);
        QCOMPARE(toString(std::get<Approval>(seen[2]).decision), std::string_view("expired"));
        QCOMPARE(toString(std::get<Action>(seen[3]).status), std::string_view("rejected"));
        QVERIFY_REFUSED(gate.approve(r.id, "alice", "late"), "expired unanswered");
        esc.clear();
        QVERIFY_OK(gate.expireDue(esc));
        QVERIFY(esc.empty());  // escalated once
    }

    void rejectionEndsTheRequest() {
        store::Database db = openDb(freshName());
        VirtualClock clock(kStart);
        ApprovalGate gate(db, clock);
        ApprovalRequest r;
        QVERIFY_OK(gate.request(newRequest(transfer(2 * kWeiPerEth), 2), r));
        QVERIFY_OK(gate.approve(r.id, "alice", "ok"));
        QVERIFY_OK(gate.reject(r.id, "bob", "destination is not our treasury", &r));
        QCOMPARE(toString(r.state), std::string_view("rejected"));
        QCOMPARE(r.votes.back().comment, std::string("destination is not our treasury"));
        QVERIFY_REFUSED(gate.approve(r.id, "carol", "ok"), "was rejected");
        QVERIFY_REFUSED(gate.authorize(r.id, r.what.content), "was rejected");
    }

    void unknownIdsAndMalformedCallsChangeNothing() {
        store::Database db = openDb(freshName());
        VirtualClock clock(kStart);
        ApprovalGate gate(db, clock);
        ApprovalRequest r;
        QVERIFY_OK(gate.request(newRequest(transfer(2 * kWeiPerEth), 1), r));
        const std::string before = sql(db, "SELECT count(*) || '/' || max(seq) FROM approvals");
        QCOMPARE(int(gate.approve("apr-0000000000", "alice", "").code), int(GateCode::NotFound));
        QCOMPARE(int(gate.reject("nope", "alice", "").code), int(GateCode::NotFound));
        QCOMPARE(int(gate.authorize("nope", r.what.content).code), int(GateCode::NotFound));
        QCOMPARE(int(gate.approve(r.id, "", "").code), int(GateCode::BadInput));
        QCOMPARE(int(gate.approve(r.id, "alice smith", "").code), int(GateCode::BadInput));
        NewApprovalRequest bad = newRequest(transfer(kWeiPerEth), 1);
        bad.content = "not json";
        QCOMPARE(int(gate.request(bad, r).code), int(GateCode::BadInput));
        bad = newRequest(transfer(kWeiPerEth), 3);
        QCOMPARE(int(gate.request(bad, r).code), int(GateCode::BadInput));
        QCOMPARE(sql(db, "SELECT count(*) || '/' || max(seq) FROM approvals"), before);
        QCOMPARE(sql(db, "SELECT count(*) || ':' || state FROM approval_requests"), std::string("1:pending"));
    }

    void twoConnectionsSeeEachOthersDecisions() {
        const QString name = freshName();
        store::Database engineDb = openDb(name);
        store::Database cliDb = openDb(name);  // as `vigilctl approvals` in another process
        VirtualClock clock(kStart);
        ApprovalGate engine(engineDb, clock), cli(cliDb, clock);
        const TransferDryRun tx = transfer(12 * kWeiPerEth);
        ApprovalRequest r;
        QVERIFY_OK(engine.request(newRequest(tx, 2), r));
        std::vector<ApprovalRequest> pending;
        QVERIFY_OK(cli.list({RequestState::Pending}, pending));
        QCOMPARE(int(pending.size()), 1);
        QCOMPARE(pending[0].what.narrative, std::string("treasury top-up of agent-04 below its floor"));
        QCOMPARE(pending[0].what.value, remedy::Wei(12 * kWeiPerEth));
        QVERIFY_OK(cli.approve(r.id, "alice", "ok"));
        QVERIFY_OK(engine.approve(r.id, "bob", "ok"));  // the console, on the engine's connection
        QVERIFY_REFUSED(cli.approve(r.id, "carol", "ok"), "already approved");
        QVERIFY_OK(engine.authorize(r.id, transferContent(tx)));
        ApprovalRequest seen;
        QVERIFY_OK(cli.find(r.id, seen));
        QCOMPARE(toString(seen.state), std::string_view("executed"));
        QCOMPARE(sql(engineDb, "PRAGMA journal_mode"), std::string("wal"));
    }

    // The same person approving from two processes at once counts once: each
    // decision reads and writes inside one IMMEDIATE transaction.
    void concurrentApprovalsBySameIdentityCountOnce() {
        const QString name = freshName();
        store::Database a = openDb(name), b = openDb(name);
        VirtualClock clock(kStart);
        ApprovalGate gateA(a, clock), gateB(b, clock);
        for (int i = 0; i < 20; ++i) {
            NewApprovalRequest req = newRequest(transfer(20 * kWeiPerEth), 2);
            req.actionId = "act-race-" + std::to_string(i);
            ApprovalRequest r;
            QVERIFY_OK(gateA.request(req, r));
            GateStatus sa, sb;
            std::thread ta([&] { sa = gateA.approve(r.id, "alice", "a"); });
            std::thread tb([&] { sb = gateB.approve(r.id, "Alice", "b"); });
            ta.join();
            tb.join();
            QCOMPARE(int(bool(sa)) + int(bool(sb)), 1);
            const GateStatus& refused = sa ? sb : sa;
            QVERIFY2(refused.message.find("already approved it") != std::string::npos, refused.message.c_str());
            QVERIFY_OK(gateB.find(r.id, r));
            QCOMPARE(toString(r.state), std::string_view("pending"));
            QCOMPARE(r.approvals(), 1);
        }
    }

    void canonicalContentIsStable() {
        CanonicalObject a, b;
        a.set("to", "0xb").set("nonce", 3).set("note", "say \"hi\"\n");
        b.set("note", "say \"hi\"\n").set("nonce", 3).set("to", "0xb");
        QCOMPARE(a.text(), b.text());
        QCOMPARE(a.text(), std::string("{\"nonce\":3,\"note\":\"say \\\"hi\\\"\\n\",\"to\":\"0xb\"}"));
        QCOMPARE(sha256Hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(differingKeys(a.text(), CanonicalObject(a).set("nonce", 4).text()), std::string("nonce"));
        QVERIFY(!readFlatObject("{\"a\":}"));
        std::string id;
        QVERIFY(normaliseIdentity("  Alice\t", id));
        QCOMPARE(id, std::string("alice"));
        QVERIFY(!normaliseIdentity("   ", id));
    }
};

QTEST_APPLESS_MAIN(TestApprovalGate)
#include "tst_approvalgate.moc"
