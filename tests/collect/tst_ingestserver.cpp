// Ingest server, the good path and the documented answers: records over TCP and
// HTTP arrive intact and in order per connection; HTTP answers 200 with counts,
// 400 naming the first bad line, 401 without the token, 413 over the body limit;
// a TCP client with the wrong token is refused; the options are validated.
#include "IngestTestSupport.h"

#include <QtTest>

using namespace vigil;
using namespace ingesttest;

class TestIngestServer : public QObject {
    Q_OBJECT
private slots:
    void tcpRecordsArriveIntactAndInOrderPerConnection() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const int perConn = 20000, conns = 4;
        std::vector<std::thread> senders;
        std::atomic<int> okReplies{0};
        for (int c = 0; c < conns; ++c)
            senders.emplace_back([&, c] {
                Client cl(server.tcpPort());
                cl.send(kToken + "\n");
                if (cl.readLine() == "OK") ++okReplies;
                // Odd chunk sizes: lines split across reads on the server.
                const std::string text = ndjson(numbered("conn-" + std::to_string(c), perConn));
                for (std::size_t i = 0; i < text.size(); i += 7777) cl.send(text.substr(i, 7777));
            });
        for (auto& t : senders) t.join();
        QVERIFY(sink.waitFor(std::size_t(perConn * conns)));
        QCOMPARE(okReplies.load(), conns);
        const auto all = sink.records();
        QCOMPARE(all.size(), std::size_t(perConn * conns));
        for (int c = 0; c < conns; ++c) {
            const std::string target = "conn-" + std::to_string(c);
            QVERIFY(ofTarget(all, target) == numbered(target, perConn));  // intact and in order
        }
        const auto n = server.stats().counts();
        QCOMPARE(n.records[int(collect::IngestSource::Tcp)], std::int64_t(perConn * conns));
        QCOMPARE(n.malformed, std::int64_t(0));
        QCOMPARE(n.cutLines, std::int64_t(0));
    }

    void httpRecordsAnswer200WithCounts() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const auto sent = numbered("http-a", 500);
        const auto a = post(server.httpPort(), "/v1/records", ndjson(sent));
        QCOMPARE(QString::fromStdString(a.error), QString());
        QCOMPARE(a.status, 200);
        QCOMPARE(QString::fromStdString(a.body), QStringLiteral("{\"accepted\":500,\"malformed\":0}\n"));
        QVERIFY(sink.records() == sent);  // the answer comes after the sink took them
        QCOMPARE(server.stats().counts().records[int(collect::IngestSource::Http)], std::int64_t(500));
    }

    void httpKeepAliveRequestsStayInOrder() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        asio::io_context io;
        boost::beast::tcp_stream stream(io);
        stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(server.httpPort())));
        const auto all = numbered("keep", 3000);
        for (int part = 0; part < 3; ++part) {
            http::request<http::string_body> req(http::verb::post, "/v1/records", 11);
            req.set(http::field::authorization, "Bearer " + kToken);
            req.body() = ndjson(std::vector<Record>(all.begin() + part * 1000, all.begin() + (part + 1) * 1000));
            req.keep_alive(true);
            req.prepare_payload();
            http::write(stream, req);
            boost::beast::flat_buffer buf;
            http::response<http::string_body> res;
            http::read(stream, buf, res);
            QCOMPARE(res.result_int(), 200);
            QVERIFY(res.keep_alive());
        }
        QVERIFY(sink.records() == all);
    }

    void httpBadLineAnswers400NamingItAndKeepsTheGoodLines() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const auto good = numbered("http-bad", 4);
        std::string body = toNdjson(good[0]) + "\n" + toNdjson(good[1]) + "\n{\"v\":1,\"kind\":\"metric\",\"ts\":5\n" +
                           toNdjson(good[2]) + "\n" + toNdjson(good[3]) + "\n";
        const auto a = post(server.httpPort(), "/v1/records", body);
        QCOMPARE(a.status, 400);
        QVERIFY2(a.body.find("\"accepted\":4,\"malformed\":1,\"line\":3,\"error\":\"line 3: ") != std::string::npos, a.body.c_str());
        QVERIFY(sink.records() == good);
        QCOMPARE(server.stats().counts().malformed, std::int64_t(1));
        QVERIFY(!server.stats().errors().empty());
        QVERIFY(server.stats().errors().front().find("line 3") != std::string::npos);
    }

    void httpWithoutTheTokenAnswers401() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const std::string body = ndjson(numbered("x", 3));
        const auto wrong = post(server.httpPort(), "/v1/records", body, "wrong-token-0123456789");
        QCOMPARE(wrong.status, 401);
        const auto missing = post(server.httpPort(), "/v1/records", body, "");
        QCOMPARE(missing.status, 401);
        const auto otlp = post(server.httpPort(), "/v1/metrics", "{}", "", "application/json");
        QCOMPARE(otlp.status, 401);
        QCOMPARE(sink.size(), std::size_t(0));
        QCOMPARE(server.stats().counts().authFailures, std::int64_t(3));
    }

    void httpOverTheBodyLimitAnswers413() {
        VectorSink sink;
        auto o = loopbackOptions();
        o.limits.maxBodyBytes = 64 << 10;
        o.limits.maxLineBytes = 16 << 10;
        collect::IngestServer server(o, sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const std::string body = ndjson(numbered("big", 2000));  // ~150 KB
        QVERIFY(body.size() > o.limits.maxBodyBytes);
        const auto a = post(server.httpPort(), "/v1/records", body);
        QCOMPARE(a.status, 413);
        QVERIFY(a.body.find("65536-byte limit") != std::string::npos);
        QCOMPARE(sink.size(), std::size_t(0));
        QCOMPARE(server.stats().counts().bodyTooLarge, std::int64_t(1));
        // The server is fine afterwards.
        QCOMPARE(post(server.httpPort(), "/v1/records", ndjson(numbered("small", 5))).status, 200);
        QCOMPARE(sink.size(), std::size_t(5));
    }

    void unknownPathAnswers404() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        QCOMPARE(post(server.httpPort(), "/v2/records", "{}").status, 404);
        QCOMPARE(post(server.httpPort(), "/v1/metrics", "x", kToken, "application/x-protobuf").status, 415);
    }

    void tcpWrongTokenIsRefusedAndClosed() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        Client cl(server.tcpPort());
        cl.send("not-the-token-at-all\n" + ndjson(numbered("t", 10)));
        QCOMPARE(QString::fromStdString(cl.readToEnd()), QStringLiteral("ERR unauthorized\n"));
        QCOMPARE(sink.size(), std::size_t(0));
        QCOMPARE(server.stats().counts().authFailures, std::int64_t(1));
    }

    void optionsAreValidated() {
        VectorSink sink;
        auto noToken = loopbackOptions();
        noToken.tokens.clear();
        QVERIFY(collect::IngestServer(noToken, sink).start().find("no token") != std::string::npos);
        auto wide = loopbackOptions();
        wide.address = "0.0.0.0";
        wide.tokens.clear();
        QVERIFY(collect::IngestServer(wide, sink).start().find("not loopback") != std::string::npos);
        auto shortToken = loopbackOptions();
        shortToken.tokens = {"abc"};
        QVERIFY(collect::IngestServer(shortToken, sink).start().find("shorter than 16") != std::string::npos);
        // A port in use: the second server says so and listens on nothing.
        collect::IngestServer first(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(first.start()), QString());
        auto taken = loopbackOptions();
        taken.tcpPort = first.tcpPort();
        collect::IngestServer second(taken, sink);
        QVERIFY(second.start().find("cannot listen") != std::string::npos);
        QCOMPARE(second.httpPort(), -1);
    }
};

QTEST_GUILESS_MAIN(TestIngestServer)
#include "tst_ingestserver.moc"
