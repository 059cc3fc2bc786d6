// Ingest server under abuse: an oversized line, malformed JSON, a client that
// stops mid-line, 200 simultaneous connections, connections over the limit,
// slowloris clients on TCP and HTTP, and a sink that refuses (the engine
// behind): each gets its documented answer, nothing else is lost, and a refusing
// sink makes the server stop reading (the sender blocks) instead of buffering.
#include "IngestTestSupport.h"

#include <QtTest>

#include <fcntl.h>
#include <sys/socket.h>

using namespace vigil;
using namespace ingesttest;

class TestIngestAbuse : public QObject {
    Q_OBJECT
private slots:
    void oversizedTcpLineIsSkippedAndTheRestKept() {
        VectorSink sink;
        auto o = loopbackOptions();
        o.limits.maxLineBytes = 4096;
        collect::IngestServer server(o, sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const auto good = numbered("big", 4);
        Client cl(server.tcpPort());
        // Line 4 (after the token line) is 200 KB: far more than one read, skipped in constant memory.
        cl.send(kToken + "\n" + toNdjson(good[0]) + "\n" + toNdjson(good[1]) + "\n" + std::string(200000, 'x') + "\n" +
                toNdjson(good[2]) + "\n" + toNdjson(good[3]) + "\n");
        QVERIFY(sink.waitFor(4));
        QVERIFY(sink.records() == good);
        const auto n = server.stats().counts();
        QCOMPARE(n.malformed, std::int64_t(1));
        QCOMPARE(n.oversizedLines, std::int64_t(1));
        QVERIFY(waitUntil([&] { return !server.stats().errors().empty(); }));
        QVERIFY2(server.stats().errors().front().find("line 4: line is over the 4096-byte limit") != std::string::npos,
                 server.stats().errors().front().c_str());
    }

    void malformedTcpLinesAreCountedWithTheirLine() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const auto good = numbered("bad", 3);
        Client cl(server.tcpPort());
        cl.send(kToken + "\n" + toNdjson(good[0]) + "\n{not json\n" + toNdjson(good[1]) + "\n" +
                "{\"v\":1,\"kind\":\"metric\",\"ts\":1}\n" + toNdjson(good[2]) + "\n");
        QVERIFY(sink.waitFor(3));
        QVERIFY(sink.records() == good);
        QVERIFY(waitUntil([&] { return server.stats().counts().malformed == 2; }));
        const auto errors = server.stats().errors();
        QCOMPARE(errors.size(), std::size_t(2));
        QVERIFY(errors[0].find(" line 3: ") != std::string::npos);  // the token is line 1
        QVERIFY(errors[1].find(" line 5: ") != std::string::npos);
    }

    void clientStoppingMidLineLosesOnlyThatLine() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const auto good = numbered("cut", 10);
        {
            Client cl(server.tcpPort());
            const std::string half = toNdjson(numbered("cut", 11)[10]);
            cl.send(kToken + "\n" + ndjson(good) + half.substr(0, half.size() / 2));
        }  // closed here, mid-line
        QVERIFY(waitUntil([&] { return server.stats().counts().cutLines == 1; }));
        QVERIFY(sink.records() == good);
        QCOMPARE(server.stats().counts().malformed, std::int64_t(0));
        QCOMPARE(server.stats().counts().connectionsOpen, std::int64_t(0));
        // HTTP: a body cut short loses that request only.
        Client h(server.httpPort());
        h.send("POST /v1/records HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + kToken +
               "\r\nContent-Length: 5000\r\n\r\n" + ndjson(numbered("cut-http", 3)));
        h.socket.close();
        QVERIFY(waitUntil([&] { return server.stats().counts().cutLines == 2; }));
        QCOMPARE(sink.size(), good.size());
    }

    void twoHundredSimultaneousConnectionsLoseNothing() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const int conns = 200, per = 100;
        std::vector<std::unique_ptr<Client>> clients;
        for (int c = 0; c < conns; ++c) clients.push_back(std::make_unique<Client>(server.tcpPort()));
        QVERIFY(waitUntil([&] { return server.stats().counts().connectionsOpen == conns; }));
        for (int c = 0; c < conns; ++c) QVERIFY(clients[c]->send(kToken + "\n" + ndjson(numbered("c" + std::to_string(c), per))));
        clients.clear();
        QVERIFY(sink.waitFor(std::size_t(conns * per)));
        const auto all = sink.records();
        QCOMPARE(all.size(), std::size_t(conns * per));
        for (int c = 0; c < conns; ++c) {
            const std::string t = "c" + std::to_string(c);
            QVERIFY(ofTarget(all, t) == numbered(t, per));
        }
        QCOMPARE(server.stats().counts().connectionsRefused, std::int64_t(0));
    }

    void connectionsOverTheLimitAreClosedAndCounted() {
        VectorSink sink;
        auto o = loopbackOptions();
        o.limits.maxConnections = 5;
        collect::IngestServer server(o, sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        std::vector<std::unique_ptr<Client>> held;
        for (int c = 0; c < 5; ++c) held.push_back(std::make_unique<Client>(server.tcpPort()));
        QVERIFY(waitUntil([&] { return server.stats().counts().connectionsOpen == 5; }));
        Client extra(server.tcpPort());
        QCOMPARE(QString::fromStdString(extra.readToEnd()), QString());  // closed without a word
        QCOMPARE(server.stats().counts().connectionsRefused, std::int64_t(1));
        held[0]->send(kToken + "\n" + ndjson(numbered("held", 3)));  // the admitted ones still work
        QVERIFY(sink.waitFor(3));
        held.clear();
        QVERIFY(waitUntil([&] { return server.stats().counts().connectionsOpen == 0; }));
        Client again(server.tcpPort());  // room again
        again.send(kToken + "\n");
        QCOMPARE(QString::fromStdString(again.readLine()), QStringLiteral("OK"));
    }

    void slowlorisClientsAreDropped() {
        VectorSink sink;
        auto o = loopbackOptions();
        o.limits.idleTimeout = std::chrono::milliseconds(300);
        collect::IngestServer server(o, sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        // TCP: authenticates, then dribbles one byte every 50 ms of a line that never ends.
        Client slow(server.tcpPort());
        slow.send(kToken + "\n");
        QCOMPARE(QString::fromStdString(slow.readLine()), QStringLiteral("OK"));
        bool closed = false;
        for (int i = 0; i < 400 && !closed; ++i) {  // hang guard: 20 s
            closed = !slow.send("x");
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        QVERIFY(closed);
        // HTTP: a header sent a byte at a time.
        Client slowHttp(server.httpPort());
        const std::string head = "POST /v1/records HTTP/1.1\r\nHost: x\r\n";
        closed = false;
        for (int i = 0; i < 400 && !closed; ++i) {
            closed = !slowHttp.send(std::string(1, head[std::size_t(i) % head.size()]));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        QVERIFY(closed);
        QVERIFY(waitUntil([&] { return server.stats().counts().idleDrops == 2; }));
        // A well-behaved client meanwhile loses nothing.
        Client good(server.tcpPort());
        good.send(kToken + "\n" + ndjson(numbered("good", 50)));
        QVERIFY(sink.waitFor(50));
        QVERIFY(sink.records() == numbered("good", 50));
    }

    // The engine is behind: the server keeps the batch, stops reading, and the
    // sender's writes block once the kernel buffers are full. When the sink
    // takes again, everything arrives, in order.
    void refusingSinkStopsReadingAndLosesNothing() {
        VectorSink sink;
        sink.refuse = true;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const auto sent = numbered("bp", 400000);  // ~36 MB of NDJSON
        const std::string text = kToken + "\n" + ndjson(sent);
        Client cl(server.tcpPort());
        int small = 64 << 10;
        ::setsockopt(cl.socket.native_handle(), SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
        cl.socket.non_blocking(true);
        std::size_t written = 0;
        int stalledRounds = 0;
        while (written < text.size() && stalledRounds < 20) {  // 20 rounds of 50 ms with nothing taken: stalled
            boost::system::error_code ec;
            const auto n = cl.socket.write_some(asio::buffer(text.data() + written, text.size() - written), ec);
            written += n;
            if (ec == asio::error::would_block) {
                ++stalledRounds;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            } else {
                QVERIFY2(!ec, ec.message().c_str());
                stalledRounds = 0;
            }
        }
        QVERIFY2(written < text.size() / 2, qPrintable(QString::number(written)));  // the sender was held back
        QVERIFY(sink.refusals > 0);
        QCOMPARE(sink.size(), std::size_t(0));
        QVERIFY(server.stats().counts().sinkRefusals > 0);
        sink.refuse = false;
        cl.socket.non_blocking(false);
        QVERIFY(cl.send(text.substr(written)));
        QVERIFY(sink.waitFor(sent.size(), 120000));
        QVERIFY(sink.records() == sent);
        QCOMPARE(server.stats().counts().idleDrops, std::int64_t(0));  // our wait is not the client's idleness
    }

    void refusingSinkHoldsTheHttpAnswer() {
        VectorSink sink;
        sink.refuse = true;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        HttpAnswer a;
        std::thread t([&] { a = post(server.httpPort(), "/v1/records", ndjson(numbered("hold", 100))); });
        QVERIFY(waitUntil([&] { return sink.refusals > 3; }));
        QCOMPARE(a.status, 0);  // no answer while refused
        sink.refuse = false;
        t.join();
        QCOMPARE(a.status, 200);
        QVERIFY(sink.records() == numbered("hold", 100));
    }
};

QTEST_GUILESS_MAIN(TestIngestAbuse)
#include "tst_ingestabuse.moc"
