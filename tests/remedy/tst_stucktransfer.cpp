// Transfers on a real anvil node (issue #9, test 2), automine off so a
// transaction stays pending until the test mines a block:
//  - a stuck transfer is replaced with the same nonce and both fees >= +10 %;
//    an executor restarted (new journal and executor on the same SQLite file)
//    between send and mining sends nothing; after mining the recipient's
//    balance moved exactly once;
//  - a send whose answer was lost, a send that never arrived, a send that
//    timed out on a frozen node and a dropped transaction are each reconciled
//    without a second payment;
//  - a revert and missing funds are final and never retried; the fee cap stops
//    replacements and escalates.
#include "net/Json.h"
#include "net/JsonRpcClient.h"
#include "peers/AnvilPeer.h"
#include "record/Clock.h"
#include "remedy/chain/TransferExecutor.h"

#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace vigil;
using namespace vigil::remedy;
using namespace std::chrono_literals;

namespace {

constexpr const char* kSender = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
constexpr const char* kOneEth = "0xde0b6b3a7640000";
constexpr std::uint64_t kOneEthWei = 1'000'000'000'000'000'000ull;

// Freezes the node (SIGSTOP) for the first eth_sendTransaction only, so the
// send times out after the nonce and fees were read.
class FreezeDuringSend final : public net::RpcCaller {
public:
    FreezeDuringSend(net::RpcCaller& inner, peers::AnvilPeer& peer) : inner_(inner), peer_(peer) {}
    net::RpcResponse call(std::string_view method, std::string_view params) override {
        if (!armed_ || method != "eth_sendTransaction") return inner_.call(method, params);
        armed_ = false;
        peer_.freeze();
        auto r = inner_.call(method, params);
        peer_.thaw();
        return r;
    }

private:
    net::RpcCaller& inner_;
    peers::AnvilPeer& peer_;
    bool armed_ = true;
};

}  // namespace

class TestStuckTransfer : public QObject {
    Q_OBJECT
    peers::AnvilPeer anvil_;
    std::unique_ptr<net::JsonRpcClient> rpc_;
    QTemporaryDir dir_;
    VirtualClock clock_{1'700'000'000'000};
    int recipients_ = 0;

    std::string result(const std::string& method, const std::string& params) {
        const auto r = rpc_->call(method, params);
        if (!r.ok()) qWarning("%s: %s", method.c_str(), r.message.c_str());
        return r.result;
    }
    std::uint64_t balance(const std::string& address) {
        return net::jsonQuantity(result("eth_getBalance", "[\"" + address + "\",\"latest\"]")).value_or(~0ull);
    }
    std::uint64_t nonceOf(const char* tag) {
        return *net::jsonQuantity(result("eth_getTransactionCount", std::string("[\"") + kSender + "\",\"" + tag + "\"]"));
    }
    void mine() { result("evm_mine", "[]"); }

    // A fresh recipient per test, so "moved exactly once" is its whole balance.
    TransferRequest transfer(const std::string& key, const char* value = kOneEth) {
        char to[43];
        std::snprintf(to, sizeof to, "0x%040x", 0x1000 + ++recipients_);
        TransferRequest r;
        r.key = key;
        r.chain = "anvil";
        r.from = kSender;
        r.to = to;
        r.value = value;
        return r;
    }

    store::Database openDb(const char* name) {
        auto db = store::Database::open(dir_.filePath(name).toStdString(), store::OpenMode::ReadWrite);
        if (!db) qFatal("%s", db.error().c_str());
        return std::move(db.value());
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(anvil_.start(&error), qPrintable(error));
        std::string why;
        rpc_ = std::make_unique<net::JsonRpcClient>(*net::HttpTarget::parse(anvil_.url(), why), 2000ms);
    }
    void init() {
        mine();  // a clean pool: nothing of an earlier test left pending
        result("evm_setAutomine", "[false]");
    }

    void stuckTransferReplacedSameNonceAndPaidOnce() {
        const char* file = "stuck.db";
        const auto req = transfer("incident-1/refill-claimer-3");
        const std::uint64_t nonceBefore = nonceOf("latest");
        std::string firstHash, replacementHash;
        {
            auto db = openDb(file);
            TransferJournal journal(db);
            TransferExecutor exec(*rpc_, journal, clock_);
            auto o = exec.submit(req);
            QCOMPARE(o.state, TransferState::Pending);
            QVERIFY2(o.lastError == TxErrorClass::None, o.detail.c_str());
            firstHash = o.txHash;
            QVERIFY(!firstHash.empty());
            // Not stuck yet: nothing more is sent.
            clock_.advanceBy(29'000);
            o = exec.advance(req.key);
            QCOMPARE(exec.sendsIssued(), std::uint64_t(1));
            // Stuck: replaced.
            clock_.advanceBy(1'000);
            o = exec.advance(req.key);
            QCOMPARE(exec.sendsIssued(), std::uint64_t(2));
            QCOMPARE(o.state, TransferState::Pending);
            replacementHash = o.txHash;
            QVERIFY(replacementHash != firstHash);

            auto t = journal.find(req.key);
            QVERIFY(t.ok() && *t);
            const auto& sends = (*t)->sends;
            QCOMPARE(sends.size(), size_t(2));
            QCOMPARE((*t)->nonce, std::optional<std::uint64_t>(nonceBefore));
            QVERIFY(FeeBumpReplacement::raisesAll(sends[0].fees, sends[1].fees, 10));
            // The node holds the replacement: same nonce, the journaled fees.
            const auto tx = result("eth_getTransactionByHash", "[\"" + replacementHash + "\"]");
            QCOMPARE(net::jsonQuantity(tx, "/nonce"), std::optional<std::uint64_t>(nonceBefore));
            QCOMPARE(net::jsonQuantity(tx, "/maxFeePerGas"), std::optional<std::uint64_t>(sends[1].fees.maxFeePerGas));
            QCOMPARE(net::jsonQuantity(tx, "/maxPriorityFeePerGas"),
                     std::optional<std::uint64_t>(sends[1].fees.maxPriorityFeePerGas));
            QVERIFY(sends[1].fees.maxFeePerGas >= FeeBumpReplacement::raised(sends[0].fees.maxFeePerGas, 10));
            QVERIFY(sends[1].fees.maxPriorityFeePerGas >=
                    FeeBumpReplacement::raised(sends[0].fees.maxPriorityFeePerGas, 10));
            QCOMPARE(nonceOf("pending"), nonceBefore + 1);  // one transaction in the pool, not two
        }
        // Restart between send and mining: new journal and executor objects
        // on the same file. Reconcile and a repeated submit send nothing.
        {
            auto db = openDb(file);
            TransferJournal journal(db);
            TransferExecutor exec(*rpc_, journal, clock_);
            const auto outcomes = exec.reconcile();
            QCOMPARE(outcomes.size(), size_t(1));
            QCOMPARE(outcomes[0].state, TransferState::Pending);
            QCOMPARE(outcomes[0].txHash, replacementHash);
            QCOMPARE(exec.submit(req).state, TransferState::Pending);
            QCOMPARE(exec.sendsIssued(), std::uint64_t(0));
            QCOMPARE(balance(req.to), std::uint64_t(0));

            mine();
            auto o = exec.advance(req.key);
            QCOMPARE(o.state, TransferState::Mined);
            QCOMPARE(o.txHash, replacementHash);
            QCOMPARE(balance(req.to), kOneEthWei);
            QCOMPARE(nonceOf("latest"), nonceBefore + 1);

            // Later submits and steps, however late, never pay again.
            clock_.advanceBy(600'000);
            QCOMPARE(exec.submit(req).state, TransferState::Mined);
            exec.advance(req.key);
            mine();
            QCOMPARE(exec.sendsIssued(), std::uint64_t(0));
            QCOMPARE(balance(req.to), kOneEthWei);
        }
    }

    void legacyTransferBumpsGasPrice() {
        auto db = openDb("legacy.db");
        TransferJournal journal(db);
        TransferExecutor exec(*rpc_, journal, clock_);
        auto req = transfer("legacy-1");
        req.legacy = true;
        const std::uint64_t nonceBefore = nonceOf("latest");
        QCOMPARE(exec.submit(req).state, TransferState::Pending);
        clock_.advanceBy(30'000);
        const auto o = exec.advance(req.key);
        QCOMPARE(exec.sendsIssued(), std::uint64_t(2));
        const auto t = *journal.find(req.key);
        QVERIFY(t->sends[1].fees.gasPrice >= FeeBumpReplacement::raised(t->sends[0].fees.gasPrice, 10));
        const auto tx = result("eth_getTransactionByHash", "[\"" + o.txHash + "\"]");
        QCOMPARE(net::jsonQuantity(tx, "/gasPrice"), std::optional<std::uint64_t>(t->sends[1].fees.gasPrice));
        QCOMPARE(net::jsonQuantity(tx, "/nonce"), std::optional<std::uint64_t>(nonceBefore));
        mine();
        QCOMPARE(exec.advance(req.key).state, TransferState::Mined);
        QCOMPARE(balance(req.to), kOneEthWei);
    }

    // Crash after the node accepted the send, before its hash was journaled.
    void lostAnswerFoundInPoolNotResent() {
        const char* file = "lost.db";
        const auto req = transfer("lost-answer");
        std::string hash;
        {
            auto db = openDb(file);
            TransferJournal journal(db);
            TransferExecutor exec(*rpc_, journal, clock_);
            hash = exec.submit(req).txHash;
            QVERIFY(!hash.empty());
            QVERIFY(db.exec("UPDATE transfer_sends SET tx_hash = '', outcome = 'sending';"
                            "UPDATE transfers SET state = 'sending'").ok());
        }
        auto db = openDb(file);
        TransferJournal journal(db);
        TransferExecutor exec(*rpc_, journal, clock_);
        const auto outcomes = exec.reconcile();
        QCOMPARE(outcomes.size(), size_t(1));
        QCOMPARE(outcomes[0].state, TransferState::Pending);
        QCOMPARE(outcomes[0].txHash, hash);
        QCOMPARE(exec.sendsIssued(), std::uint64_t(0));
        mine();
        QCOMPARE(exec.advance(req.key).state, TransferState::Mined);
        QCOMPARE(balance(req.to), kOneEthWei);
    }

    // Crash after journaling 'sending', before the send left: sent once, on reconcile.
    void sendThatNeverLeftIsSentOnReconcile() {
        auto db = openDb("neverleft.db");
        TransferJournal journal(db);
        const auto req = transfer("never-left");
        const std::uint64_t nonce = nonceOf("pending");
        QVERIFY(journal.insertIfAbsent(req, clock_.now()).ok());
        QVERIFY(journal.fixNonce(req.key, nonce, 0, clock_.now()).ok());
        QVERIFY(journal.beginSend(req.key, 1, {false, 5'000'000'000, 1'000'000'000, 0}, clock_.now()).ok());
        TransferExecutor exec(*rpc_, journal, clock_);
        const auto outcomes = exec.reconcile();
        QCOMPARE(outcomes.size(), size_t(1));
        QCOMPARE(outcomes[0].state, TransferState::Pending);
        QCOMPARE(exec.sendsIssued(), std::uint64_t(1));
        const auto tx = result("eth_getTransactionByHash", "[\"" + outcomes[0].txHash + "\"]");
        QCOMPARE(net::jsonQuantity(tx, "/nonce"), std::optional<std::uint64_t>(nonce));
        mine();
        QCOMPARE(exec.advance(req.key).state, TransferState::Mined);
        QCOMPARE(balance(req.to), kOneEthWei);
    }

    // Mined while Vigil was down, answer lost: found by nonce, not resent.
    void minedWhileDownIsFoundByNonce() {
        const char* file = "down.db";
        const auto req = transfer("mined-while-down");
        {
            auto db = openDb(file);
            TransferJournal journal(db);
            TransferExecutor exec(*rpc_, journal, clock_);
            QVERIFY(!exec.submit(req).txHash.empty());
            QVERIFY(db.exec("UPDATE transfer_sends SET tx_hash = '', outcome = 'sending';"
                            "UPDATE transfers SET state = 'sending'").ok());
        }
        mine();
        auto db = openDb(file);
        TransferJournal journal(db);
        TransferExecutor exec(*rpc_, journal, clock_);
        const auto outcomes = exec.reconcile();
        QCOMPARE(outcomes.size(), size_t(1));
        QCOMPARE(outcomes[0].state, TransferState::Mined);
        QCOMPARE(exec.sendsIssued(), std::uint64_t(0));
        QCOMPARE(balance(req.to), kOneEthWei);
    }

    // The signer hangs during the send (SIGSTOP): the executor's deadline ends
    // the call, the send's fate is unknown ('sending'). After the node resumes
    // it may or may not have taken the buffered request; either way the next
    // steps settle it with one payment.
    void sendTimingOutIsSettledWithOnePayment() {
        auto db = openDb("timeout.db");
        TransferJournal journal(db);
        std::string why;
        net::JsonRpcClient impatient(*net::HttpTarget::parse(anvil_.url(), why), 300ms);
        FreezeDuringSend signer(impatient, anvil_);
        TransferExecutor exec(signer, journal, clock_);
        const auto req = transfer("send-timed-out");
        const std::uint64_t nonce = nonceOf("pending");
        auto o = exec.submit(req);
        QCOMPARE(o.state, TransferState::Sending);
        QCOMPARE(o.lastError, TxErrorClass::Network);
        for (int i = 0; i < 100 && o.state != TransferState::Pending; ++i) {  // guard: 10 s on a loaded machine
            std::this_thread::sleep_for(100ms);
            o = exec.advance(req.key);
        }
        QCOMPARE(o.state, TransferState::Pending);
        QVERIFY(exec.sendsIssued() <= 2);
        QCOMPARE(nonceOf("pending"), nonce + 1);
        mine();
        QCOMPARE(exec.advance(req.key).state, TransferState::Mined);
        QCOMPARE(balance(req.to), kOneEthWei);
        std::string outcomes;
        const auto found = journal.find(req.key);  // kept: a range-for over a temporary's member dangles
        for (const auto& send : (*found)->sends) outcomes += " " + send.outcome;
        qInfo("sends issued: %llu, outcomes:%s", static_cast<unsigned long long>(exec.sendsIssued()), outcomes.c_str());
    }

    void droppedTransactionResentWithSameNonce() {
        auto db = openDb("dropped.db");
        TransferJournal journal(db);
        TransferExecutor exec(*rpc_, journal, clock_);
        const auto req = transfer("dropped");
        const std::uint64_t nonce = nonceOf("pending");
        const auto hash = exec.submit(req).txHash;
        result("anvil_dropTransaction", "[\"" + hash + "\"]");
        QCOMPARE(nonceOf("pending"), nonce);  // really gone from the pool
        const auto o = exec.advance(req.key);
        QCOMPARE(o.state, TransferState::Pending);
        QCOMPARE(exec.sendsIssued(), std::uint64_t(2));
        const auto tx = result("eth_getTransactionByHash", "[\"" + o.txHash + "\"]");
        QCOMPARE(net::jsonQuantity(tx, "/nonce"), std::optional<std::uint64_t>(nonce));
        mine();
        QCOMPARE(exec.advance(req.key).state, TransferState::Mined);
        QCOMPARE(balance(req.to), kOneEthWei);
    }

    void feeCapStopsReplacementAndEscalates() {
        const char* file = "cap.db";
        const auto req = transfer("capped");
        TxFees first;
        {
            auto db = openDb(file);
            TransferJournal journal(db);
            TransferExecutor exec(*rpc_, journal, clock_);
            QCOMPARE(exec.submit(req).state, TransferState::Pending);
            first = (*journal.find(req.key))->sends[0].fees;
        }
        auto db = openDb(file);
        TransferJournal journal(db);
        ExecutorConfig cfg;
        cfg.fees.maxFeeCap = first.maxFeePerGas + first.maxFeePerGas / 20;  // +5 %: no room for +10 %
        TransferExecutor exec(*rpc_, journal, clock_, cfg);
        clock_.advanceBy(60'000);
        const auto o = exec.advance(req.key);
        QCOMPARE(o.state, TransferState::Pending);
        QVERIFY(o.escalate);
        QVERIFY2(o.detail.find("fee cap") != std::string::npos, o.detail.c_str());
        QCOMPARE(exec.sendsIssued(), std::uint64_t(0));
        mine();
        QCOMPARE(exec.advance(req.key).state, TransferState::Mined);
        QCOMPARE(balance(req.to), kOneEthWei);
    }

    void insufficientFundsIsFinal() {
        auto db = openDb("funds.db");
        TransferJournal journal(db);
        TransferExecutor exec(*rpc_, journal, clock_);
        const auto req = transfer("too-much", "0xffffffffffffffffffffffffffff");
        auto o = exec.submit(req);
        QCOMPARE(o.state, TransferState::Failed);
        QCOMPARE(o.lastError, TxErrorClass::InsufficientFunds);
        QVERIFY(o.escalate);
        clock_.advanceBy(600'000);
        o = exec.advance(req.key);
        QCOMPARE(o.state, TransferState::Failed);
        QCOMPARE(exec.sendsIssued(), std::uint64_t(1));
        QVERIFY2(o.detail.find("insufficient-funds") != std::string::npos, o.detail.c_str());
    }

    void revertIsFinalAndNotRetried() {
        // A contract whose code always reverts (runtime PUSH1 0 PUSH1 0 REVERT).
        const auto deploy = result("eth_sendTransaction",
            R"([{"from":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8","data":"0x6460006000fd6000526005601bf3","gas":"0x30000"}])");
        mine();
        const auto receipt = result("eth_getTransactionReceipt", "[" + deploy + "]");
        const auto contract = net::jsonString(receipt, "/contractAddress");
        QVERIFY2(contract, receipt.c_str());

        auto db = openDb("revert.db");
        TransferJournal journal(db);
        TransferExecutor exec(*rpc_, journal, clock_);
        auto req = transfer("to-reverting-contract");
        req.to = *contract;
        req.gas = 60'000;
        QCOMPARE(exec.submit(req).state, TransferState::Pending);
        mine();
        auto o = exec.advance(req.key);
        QCOMPARE(o.state, TransferState::Reverted);
        QCOMPARE(o.lastError, TxErrorClass::Reverted);
        QVERIFY(o.escalate);
        clock_.advanceBy(600'000);
        o = exec.advance(req.key);
        QCOMPARE(o.state, TransferState::Reverted);
        QCOMPARE(exec.sendsIssued(), std::uint64_t(1));
        QCOMPARE(balance(*contract), std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestStuckTransfer)
#include "tst_stucktransfer.moc"
