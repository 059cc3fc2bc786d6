// HttpClient: every failure kind a node can show (refused, hang past the
// deadline, HTTP error) is told apart, against real loopback sockets.
#include "net/HttpClient.h"
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

}  // namespace

class TestHttpClient : public QObject {
    Q_OBJECT
private slots:
    void parsesUrls() {
        std::string error;
        auto t = HttpTarget::parse("http://127.0.0.1:8545/rpc/v1", error);
        QVERIFY(t);
        QCOMPARE(t->host, std::string("127.0.0.1"));
        QCOMPARE(t->port, std::string("8545"));
        QCOMPARE(t->path, std::string("/rpc/v1"));
        t = HttpTarget::parse("http://node.local", error);
        QVERIFY(t);
        QCOMPARE(t->port, std::string("80"));
        QCOMPARE(t->path, std::string("/"));
        t = HttpTarget::parse("http://[::1]:9000/", error);
        QVERIFY(t);
        QCOMPARE(t->host, std::string("::1"));
        QCOMPARE(t->url(), std::string("http://[::1]:9000/"));
        QVERIFY(!HttpTarget::parse("https://x:1/", error));
        QVERIFY2(error.find("http://") != std::string::npos, error.c_str());
        QVERIFY(!HttpTarget::parse("http://x:port/", error));
        QVERIFY2(error.find("numeric port") != std::string::npos, error.c_str());
    }

    void okResponseCarriesBody() {
        nettest::CannedServer server(nettest::httpReply(200, R"({"ok":true})"));
        const auto r = HttpClient::post(target(server.url()), "{}", 2000ms);
        QCOMPARE(r.error, NetError::None);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string(R"({"ok":true})"));
    }

    void refusedWhenNothingListens() {
        const int port = peers::AnvilPeer::freePort();
        const auto r = HttpClient::post(target("http://127.0.0.1:" + std::to_string(port) + "/"), "{}", 2000ms);
        QCOMPARE(r.error, NetError::Refused);
        QVERIFY2(r.detail.find("refused") != std::string::npos, r.detail.c_str());
    }

    // Accepts (kernel backlog) and never answers: the deadline ends the call.
    void timeoutWhenPeerHangs() {
        nettest::CannedServer hung("", /*silent=*/true);
        const auto r = HttpClient::post(target(hung.url()), "{}", 300ms);
        QCOMPARE(r.error, NetError::Timeout);
        QVERIFY2(r.detail.find("deadline") != std::string::npos, r.detail.c_str());
    }

    void httpErrorStatusIsHttpKind() {
        nettest::CannedServer server(nettest::httpReply(503, "busy"));
        const auto r = HttpClient::post(target(server.url()), "{}", 2000ms);
        QCOMPARE(r.error, NetError::Http);
        QCOMPARE(r.status, 503);
        QVERIFY2(r.detail.find("HTTP 503") != std::string::npos, r.detail.c_str());
    }

    void garbageIsMalformed() {
        nettest::CannedServer server("this is not http\r\n\r\n");
        const auto r = HttpClient::post(target(server.url()), "{}", 2000ms);
        QVERIFY2(r.error == NetError::Malformed, r.detail.c_str());
    }

    // Async: two requests in flight on one io_context, each callback once.
    void asyncRequestsCompleteIndependently() {
        nettest::CannedServer server(nettest::httpReply(200, "a"));
        const int closed = peers::AnvilPeer::freePort();
        boost::asio::io_context io;
        std::vector<HttpResponse> got;
        HttpClient::postAsync(io, target(server.url()), "{}", 2000ms,
                              [&](HttpResponse r) { got.push_back(std::move(r)); });
        HttpClient::postAsync(io, target("http://127.0.0.1:" + std::to_string(closed) + "/"), "{}", 2000ms,
                              [&](HttpResponse r) { got.push_back(std::move(r)); });
        io.run();
        QCOMPARE(got.size(), size_t(2));
        int ok = 0, refused = 0;
        for (const auto& r : got) {
            ok += r.error == NetError::None && r.body == "a";
            refused += r.error == NetError::Refused;
        }
        QCOMPARE(ok, 1);
        QCOMPARE(refused, 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
