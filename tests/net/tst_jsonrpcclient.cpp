// JsonRpcClient: responses are checked strictly (anything off is Malformed),
// a node's error object comes back as RpcError with its code, and the client
// talks to a real anvil node synchronously and asynchronously.
#include "net/Json.h"
#include "net/JsonRpcClient.h"
#include "net/CannedServer.h"
#include "peers/AnvilPeer.h"

#include <boost/asio/io_context.hpp>

#include <QtTest>

using namespace vigil::net;
using namespace std::chrono_literals;

namespace {

HttpTarget target(const std::string& url) {
    std::string error;
    auto t = HttpTarget::parse(url, error);
    if (!t) qFatal("%s", error.c_str());
    return *t;
}

RpcResponse decode(const std::string& body, std::uint64_t id = 7) {
    HttpResponse http;
    http.status = 200;
    http.body = body;
    return JsonRpcClient::decodeResponse(std::move(http), id, "http://x:1/");
}

}  // namespace

class TestJsonRpcClient : public QObject {
    Q_OBJECT
    peers::AnvilPeer anvil_;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(anvil_.start(&error), qPrintable(error));
    }

    void encodesRequest() {
        QCOMPARE(JsonRpcClient::encodeRequest(3, "eth_getBalance", R"(["0xab","latest"])"),
                 std::string(R"({"jsonrpc":"2.0","id":3,"method":"eth_getBalance","params":["0xab","latest"]})"));
        QCOMPARE(JsonRpcClient::encodeRequest(4, "eth_chainId", ""),
                 std::string(R"({"jsonrpc":"2.0","id":4,"method":"eth_chainId","params":[]})"));
    }

    void decodesResultAndError() {
        auto r = decode(R"({"jsonrpc":"2.0","id":7,"result":{"a": [1, 2]}})");
        QCOMPARE(r.error, NetError::None);
        QCOMPARE(r.result, std::string(R"({"a":[1,2]})"));
        r = decode(R"({"jsonrpc":"2.0","id":7,"result":null})");
        QCOMPARE(r.error, NetError::None);
        QCOMPARE(r.result, std::string("null"));
        r = decode(R"({"jsonrpc":"2.0","id":7,"error":{"code":3,"message":"execution reverted","data":"0x08c379a0"}})");
        QCOMPARE(r.error, NetError::RpcError);
        QCOMPARE(r.code, std::int64_t(3));
        QCOMPARE(r.message, std::string("execution reverted"));
        QCOMPARE(r.data, std::string(R"("0x08c379a0")"));
    }

    void rejectsMalformedResponses_data() {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("why");
        QTest::newRow("not json") << "<html>" << "malformed JSON-RPC response";
        QTest::newRow("no version") << R"({"id":7,"result":1})" << "jsonrpc";
        QTest::newRow("other id") << R"({"jsonrpc":"2.0","id":8,"result":1})" << "id does not match";
        QTest::newRow("both") << R"({"jsonrpc":"2.0","id":7,"result":1,"error":{"code":1,"message":"m"}})"
                              << "exactly one";
        QTest::newRow("neither") << R"({"jsonrpc":"2.0","id":7})" << "exactly one";
        QTest::newRow("bad error") << R"({"jsonrpc":"2.0","id":7,"error":{"code":"x"}})" << "integer code";
    }
    void rejectsMalformedResponses() {
        QFETCH(QString, body);
        QFETCH(QString, why);
        const auto r = decode(body.toStdString());
        QCOMPARE(r.error, NetError::Malformed);
        QVERIFY2(QString::fromStdString(r.message).contains(why), r.message.c_str());
    }

    void httpErrorKeepsItsKind() {
        nettest::CannedServer server(nettest::httpReply(429, "slow down"));
        JsonRpcClient client(target(server.url()), 2000ms);
        const auto r = client.call("eth_chainId", "[]");
        QCOMPARE(r.error, NetError::Http);
        QCOMPARE(r.httpStatus, 429);
        QCOMPARE(r.endpoint, server.url());
    }

    void talksToAnvil() {
        JsonRpcClient client(target(anvil_.url()), 2000ms);
        auto r = client.call("eth_chainId", "[]");
        QVERIFY2(r.ok(), r.message.c_str());
        QCOMPARE(jsonQuantity(r.result), std::optional<std::uint64_t>(31337));
        r = client.call("eth_accounts", "[]");
        QVERIFY2(r.ok(), r.message.c_str());
        QCOMPARE(jsonString(r.result, "/0"), std::optional<std::string>("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    }

    void nodeErrorsAreRpcErrors() {
        JsonRpcClient client(target(anvil_.url()), 2000ms);
        auto r = client.call("no_suchMethod", "[]");
        QCOMPARE(r.error, NetError::RpcError);
        QCOMPARE(r.code, std::int64_t(-32601));
        // Init code PUSH1 0 PUSH1 0 REVERT: a call that always reverts.
        const std::string call = "[" + JsonObject().add("from", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")
                                           .add("data", "0x60006000fd").str() + "]";
        r = client.call("eth_call", call);
        QCOMPARE(r.error, NetError::RpcError);
        QVERIFY2(r.message.find("revert") != std::string::npos, r.message.c_str());
    }

    void asyncCallsToAnvil() {
        JsonRpcClient client(target(anvil_.url()), 2000ms);
        boost::asio::io_context io;
        std::vector<RpcResponse> got;
        for (int i = 0; i < 4; ++i)
            client.callAsync(io, "eth_blockNumber", "[]", [&](RpcResponse r) { got.push_back(std::move(r)); });
        io.run();
        QCOMPARE(got.size(), size_t(4));
        for (const auto& r : got) QVERIFY2(r.ok() && jsonQuantity(r.result).has_value(), r.message.c_str());
    }

    void jsonHelpers() {
        QCOMPARE(toQuantity(0), std::string("0x0"));
        QCOMPARE(toQuantity(255), std::string("0xff"));
        QCOMPARE(parseQuantity("0xFF"), std::optional<std::uint64_t>(255));
        QVERIFY(!parseQuantity("ff"));
        QVERIFY(!parseQuantity("0x"));
        QVERIFY(!parseQuantity("0x1ffffffffffffffff"));  // 65 bits
        QVERIFY(!parseQuantity("0xzz"));
        // (no raw string here: moc mis-reads a backslash-quote inside one)
        QCOMPARE(jsonQuote("a\"b\\\n\x01"), std::string("\"a\\\"b\\\\\\n\\u0001\""));
        QCOMPARE(JsonObject().add("to", "0x1").addQuantity("nonce", 16).addRaw("x", "[1]").str(),
                 std::string(R"({"to":"0x1","nonce":"0x10","x":[1]})"));
        QVERIFY(jsonIsNull("null"));
        QVERIFY(!jsonIsNull("{}"));
        QVERIFY(!jsonString("{\"a\":null}", "/a"));
        QCOMPARE(jsonRaw(R"({"a":{"b": [1, 2]}})", "/a"), std::optional<std::string>(R"({"b":[1,2]})"));
    }
};

QTEST_GUILESS_MAIN(TestJsonRpcClient)
#include "tst_jsonrpcclient.moc"
