// Content-Encoding: gzip on the HTTP ingest paths, over real loopback HTTP:
// gzip NDJSON and gzip OTLP arrive intact and in order; a zip bomb answers 413
// without the server inflating it whole; a corrupt or cut gzip body answers 400
// saying why; an unknown encoding still answers 415. The server serves on after each.
#include "GzipSupport.h"
#include "IngestTestSupport.h"
#include "OtlpSamples.h"

#include "collect/GzipBody.h"

#include <QtTest>

using namespace vigil;
using namespace ingesttest;

class TestIngestGzip : public QObject {
    Q_OBJECT
private slots:
    void gzipRecordsArriveIntactAndInOrder() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const auto sent = numbered("gz", 5000);
        const auto a = post(server.httpPort(), "/v1/records", gzip(ndjson(sent)), kToken, "application/x-ndjson", "gzip");
        QCOMPARE(a.status, 200);
        QVERIFY2(a.body.find("\"accepted\":5000") != std::string::npos, a.body.c_str());
        QVERIFY(sink.records() == sent);
        // x-gzip is the same thing (RFC 9110), and an identity body still works beside it.
        QCOMPARE(post(server.httpPort(), "/v1/records", gzip(ndjson(numbered("x", 3))), kToken, "application/x-ndjson", "x-gzip").status, 200);
        QCOMPARE(post(server.httpPort(), "/v1/records", ndjson(numbered("y", 2)), kToken, "application/x-ndjson", "identity").status, 200);
        QCOMPARE(sink.size(), std::size_t(5005));
    }

    void gzipBadLineStillNamesItsDecompressedLine() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const auto good = numbered("l", 2);
        const auto a = post(server.httpPort(), "/v1/records", gzip(ndjson({good[0]}) + "{oops\n" + ndjson({good[1]})), kToken,
                            "application/x-ndjson", "gzip");
        QCOMPARE(a.status, 400);
        QVERIFY2(a.body.find("\"line\":2") != std::string::npos, a.body.c_str());
        QVERIFY(sink.records() == good);
    }

    void gzipOtlpIsDecodedLikePlainOtlp() {
        VectorSink plainSink, gzipSink;
        collect::IngestServer plain(loopbackOptions(), plainSink), zipped(loopbackOptions(), gzipSink);
        QCOMPARE(QString::fromStdString(plain.start()), QString());
        QCOMPARE(QString::fromStdString(zipped.start()), QString());
        for (const auto& [path, body] : {std::pair{"/v1/metrics", otlptest::kMetrics}, std::pair{"/v1/logs", otlptest::kLogs},
                                         std::pair{"/v1/traces", otlptest::kTraces}}) {
            const auto p = post(plain.httpPort(), path, body, kToken, "application/json");
            const auto z = post(zipped.httpPort(), path, gzip(body), kToken, "application/json", "gzip");
            QCOMPARE(z.status, p.status);
            QCOMPARE(QString::fromStdString(z.body), QString::fromStdString(p.body));
        }
        QVERIFY(gzipSink.size() > 0);
        QVERIFY(gzipSink.records() == plainSink.records());
    }

    void zipBombAnswers413AndStopsInflatingAtTheLimit() {
        VectorSink sink;
        auto o = loopbackOptions();
        o.limits.maxBodyBytes = 1 << 20;
        collect::IngestServer server(o, sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const std::string bomb = gzip(std::string(64u << 20, '\n'), 9);  // 64 MiB of newlines in ~64 KB
        QVERIFY(bomb.size() < o.limits.maxBodyBytes);
        const auto a = post(server.httpPort(), "/v1/records", bomb, kToken, "application/x-ndjson", "gzip");
        QCOMPARE(a.status, 413);
        QVERIFY2(a.body.find("decompressed body over the 1048576-byte limit") != std::string::npos, a.body.c_str());
        QCOMPARE(server.stats().counts().bodyTooLarge, std::int64_t(1));
        QCOMPARE(sink.size(), std::size_t(0));
        // The inflater itself never holds more than limit + 1 bytes.
        std::string out;
        const auto r = collect::inflateGzip(bomb, 1 << 20, out);
        QCOMPARE(int(r.status), int(collect::GzipStatus::TooLarge));
        QVERIFY(out.size() <= (1u << 20) + 1);
        QCOMPARE(post(server.httpPort(), "/v1/records", gzip(ndjson(numbered("after", 4))), kToken, "application/x-ndjson", "gzip").status, 200);
        QCOMPARE(sink.size(), std::size_t(4));
    }

    void corruptOrCutGzipAnswers400SayingWhy() {
        VectorSink sink;
        collect::IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        const std::string z = gzip(ndjson(numbered("c", 500)));
        std::string corrupt = z;
        for (std::size_t i = 20; i < 60; ++i) corrupt[i] = char(corrupt[i] ^ 0x5a);
        const auto a = post(server.httpPort(), "/v1/records", corrupt, kToken, "application/x-ndjson", "gzip");
        QCOMPARE(a.status, 400);
        QVERIFY2(a.body.find("corrupt gzip body: ") != std::string::npos, a.body.c_str());
        QVERIFY2(a.body.find("at compressed byte ") != std::string::npos, a.body.c_str());
        const auto cut = post(server.httpPort(), "/v1/records", z.substr(0, z.size() / 2), kToken, "application/x-ndjson", "gzip");
        QCOMPARE(cut.status, 400);
        QVERIFY2(cut.body.find("truncated gzip body") != std::string::npos, cut.body.c_str());
        const auto notGzip = post(server.httpPort(), "/v1/records", ndjson(numbered("p", 2)), kToken, "application/x-ndjson", "gzip");
        QCOMPARE(notGzip.status, 400);
        QCOMPARE(sink.size(), std::size_t(0));
        QCOMPARE(server.stats().counts().badRequests, std::int64_t(3));
        QVERIFY(server.stats().errors().front().find("corrupt gzip body") != std::string::npos);
        // Other encodings are still refused by name.
        const auto br = post(server.httpPort(), "/v1/records", "x", kToken, "application/x-ndjson", "br");
        QCOMPARE(br.status, 415);
        QVERIFY(br.body.find("Content-Encoding br") != std::string::npos);
    }

    void concatenatedMembersAreOneBody() {
        std::string out;
        const auto r = collect::inflateGzip(gzip("a\n") + gzip("b\n"), 100, out);
        QCOMPARE(int(r.status), int(collect::GzipStatus::Ok));
        QCOMPARE(QString::fromStdString(out), QString("a\nb\n"));
        // Exactly at the limit is allowed; one byte more is not.
        QCOMPARE(int(collect::inflateGzip(gzip(std::string(100, 'x')), 100, out).status), int(collect::GzipStatus::Ok));
        QCOMPARE(out.size(), std::size_t(100));
        QCOMPARE(int(collect::inflateGzip(gzip(std::string(101, 'x')), 100, out).status), int(collect::GzipStatus::TooLarge));
    }
};

QTEST_GUILESS_MAIN(TestIngestGzip)
#include "tst_ingestgzip.moc"
