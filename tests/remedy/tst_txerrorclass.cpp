// TxErrorClass: node messages (anvil's and geth's wording) map to the class
// whose handling the docs describe; only fee and network problems are retried.
#include "remedy/chain/TxErrorClass.h"

#include <QtTest>

using namespace vigil::remedy;
using vigil::net::NetError;
using vigil::net::RpcResponse;

namespace {
RpcResponse rpcError(std::int64_t code, const char* message) {
    RpcResponse r;
    r.error = NetError::RpcError;
    r.code = code;
    r.message = message;
    return r;
}
}  // namespace

class TestTxErrorClass : public QObject {
    Q_OBJECT
private slots:
    void classifies_data() {
        QTest::addColumn<qint64>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("expected");
        auto row = [](const char* name, qint64 code, const char* msg, TxErrorClass c) {
            QTest::newRow(name) << code << QString(msg) << int(c);
        };
        // Wording seen from anvil 1.7.1 (tests/peers) and geth.
        row("anvil revert", 3, "execution reverted", TxErrorClass::Reverted);
        row("geth revert", -32000, "execution reverted: ERC20: transfer amount exceeds balance", TxErrorClass::Reverted);
        row("anvil nonce", -32003, "nonce too low", TxErrorClass::NonceTooLow);
        row("anvil funds", -32003, "Insufficient funds for gas * price + value", TxErrorClass::InsufficientFunds);
        row("anvil base fee", -32003, "max fee per gas less than block base fee", TxErrorClass::Underpriced);
        row("geth underpriced", -32000, "transaction underpriced", TxErrorClass::Underpriced);
        row("geth replacement", -32000, "replacement transaction underpriced", TxErrorClass::ReplacementUnderpriced);
        row("anvil known", -32003, "transaction already imported", TxErrorClass::AlreadyKnown);
        row("geth known", -32000, "already known", TxErrorClass::AlreadyKnown);
        row("rate limit", -32005, "limit exceeded", TxErrorClass::Network);
        row("other", -32602, "invalid params", TxErrorClass::Rejected);
    }
    void classifies() {
        QFETCH(qint64, code);
        QFETCH(QString, message);
        QFETCH(int, expected);
        const auto r = rpcError(code, message.toStdString().c_str());
        QCOMPARE(int(classifyTxError(r)), expected);
    }

    void transportFailuresAreNetwork() {
        for (auto e : {NetError::Refused, NetError::Timeout, NetError::Http, NetError::Malformed, NetError::Network}) {
            RpcResponse r;
            r.error = e;
            QCOMPARE(classifyTxError(r), TxErrorClass::Network);
        }
        QCOMPARE(classifyTxError(RpcResponse{}), TxErrorClass::None);
    }

    void onlyFeeAndNetworkProblemsAreRetried() {
        QVERIFY(isRetryable(TxErrorClass::Underpriced));
        QVERIFY(isRetryable(TxErrorClass::ReplacementUnderpriced));
        QVERIFY(isRetryable(TxErrorClass::Network));
        QVERIFY(!isRetryable(TxErrorClass::Reverted));
        QVERIFY(!isRetryable(TxErrorClass::InsufficientFunds));
        QVERIFY(!isRetryable(TxErrorClass::NonceTooLow));
        QVERIFY(!isRetryable(TxErrorClass::Rejected));
        QCOMPARE(txErrorClassName(TxErrorClass::ReplacementUnderpriced), std::string_view("replacement-underpriced"));
    }
};

QTEST_GUILESS_MAIN(TestTxErrorClass)
#include "tst_txerrorclass.moc"
