// OTLP/HTTP JSON -> Vigil records (docs/telemetry.md "OpenTelemetry"): gauge
// and sum points become metric samples labelled by their attributes on the
// service's target, histograms are refused with a reason, log severities map to
// levels, spans become task events with duration and status; and the same
// requests through the ingest server answer as an OTLP exporter expects.
#include "IngestTestSupport.h"
#include "OtlpSamples.h"
#include "collect/OtlpJson.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::collect;

class TestOtlpJson : public QObject {
    Q_OBJECT
private slots:
    void gaugeAndSumPointsBecomeMetricSamples() {
        std::vector<Record> out;
        const auto r = decodeOtlpJson(OtlpSignal::Metrics, otlptest::kMetrics, DecodeLimits{}, out);
        QVERIFY(r.readable);
        QCOMPARE(r.mapped, std::int64_t(3));
        QCOMPARE(r.refused, std::int64_t(1));  // the histogram
        QCOMPARE(QString::fromStdString(r.error), QStringLiteral("latency: only gauge and sum metrics are mapped"));
        QCOMPARE(out.size(), std::size_t(3));
        const auto& a = std::get<MetricSample>(out[0]);
        QCOMPARE(a.ts, TimestampMs(1767225600000));
        QCOMPARE(QString::fromStdString(a.series), QStringLiteral("queue.depth{queue=\"claims\"}"));
        QCOMPARE(QString::fromStdString(a.target), QStringLiteral("service:payments-agent"));
        QCOMPARE(a.value, 42.0);
        const auto& b = std::get<MetricSample>(out[1]);
        QCOMPARE(QString::fromStdString(b.series), QStringLiteral("queue.depth{a=\"7\",queue=\"claims\"}"));  // sorted keys
        QCOMPARE(b.value, 43.5);
        const auto& c = std::get<MetricSample>(out[2]);
        QCOMPARE(QString::fromStdString(c.series), QStringLiteral("http.requests"));
        QCOMPARE(c.value, 1000.0);
        QCOMPARE(c.ts, TimestampMs(1767225602000));
    }

    void logRecordsBecomeLogLines() {
        std::vector<Record> out;
        const auto r = decodeOtlpJson(OtlpSignal::Logs, otlptest::kLogs, DecodeLimits{}, out);
        QVERIFY(r.readable);
        QCOMPARE(r.mapped, std::int64_t(3));
        QCOMPARE(r.refused, std::int64_t(1));
        QVERIFY(r.error.find("without timeUnixNano") != std::string::npos);
        QCOMPARE(out.size(), std::size_t(3));
        const auto& e = std::get<LogLine>(out[0]);
        QCOMPARE(QString::fromStdString(e.source), QStringLiteral("agent-07"));
        QCOMPARE(int(e.level), int(LogLevel::Error));
        QCOMPARE(QString::fromStdString(e.message), QStringLiteral("claim failed: rpc unavailable"));
        QCOMPARE(std::get<LogLine>(out[1]).ts, TimestampMs(1767225601000));  // observed time when no time
        QCOMPARE(int(std::get<LogLine>(out[1]).level), int(LogLevel::Warn));
        QCOMPARE(int(std::get<LogLine>(out[2]).level), int(LogLevel::Debug));
    }

    void spansBecomeTaskEventsWithDurationAndStatus() {
        std::vector<Record> out;
        const auto r = decodeOtlpJson(OtlpSignal::Traces, otlptest::kTraces, DecodeLimits{}, out);
        QVERIFY(r.readable);
        QCOMPARE(r.mapped, std::int64_t(3));
        QCOMPARE(r.refused, std::int64_t(0));
        const auto& ok = std::get<TaskEvent>(out[0]);
        QCOMPARE(ok.ts, TimestampMs(1767225600250));  // the span's end
        QCOMPARE(QString::fromStdString(ok.task_id), QStringLiteral("eee19b7ec3c1b174"));
        QCOMPARE(QString::fromStdString(ok.agent), QStringLiteral("agent-03"));
        QCOMPARE(QString::fromStdString(ok.workflow), QStringLiteral("airdrop_claim"));
        QCOMPARE(QString::fromStdString(ok.endpoint), QStringLiteral("eth-main-a"));
        QCOMPARE(int(ok.state), int(TaskState::Succeeded));
        QCOMPARE(ok.duration_ms, 250.0);
        const auto& failed = std::get<TaskEvent>(out[1]);
        QCOMPARE(int(failed.state), int(TaskState::Failed));
        QCOMPARE(QString::fromStdString(failed.error), QStringLiteral("timeout"));
        QCOMPARE(failed.duration_ms, 2500.0);
        const auto& named = std::get<TaskEvent>(out[2]);
        QCOMPARE(int(named.state), int(TaskState::Failed));  // the enum's name as a string
        QCOMPARE(QString::fromStdString(named.error), QStringLiteral("error"));
        QCOMPARE(named.duration_ms, 1.0);
    }

    void unreadableRequestsSayWhy() {
        std::vector<Record> out;
        auto r = decodeOtlpJson(OtlpSignal::Metrics, "{\"resourceMetrics\":[", DecodeLimits{}, out);
        QVERIFY(!r.readable);
        QVERIFY(r.error.rfind("not JSON", 0) == 0);
        r = decodeOtlpJson(OtlpSignal::Logs, "{\"resourceMetrics\":[]}", DecodeLimits{}, out);
        QVERIFY(!r.readable);
        QCOMPARE(QString::fromStdString(r.error), QStringLiteral("no resourceLogs array"));
        r = decodeOtlpJson(OtlpSignal::Traces, "{}", DecodeLimits{}, out);  // an empty request is valid
        QVERIFY(r.readable);
        QCOMPARE(r.mapped, std::int64_t(0));
        QVERIFY(out.empty());
    }

    void overTheIngestServerAsAnExporterExpects() {
        using namespace ingesttest;
        VectorSink sink;
        IngestServer server(loopbackOptions(), sink);
        QCOMPARE(QString::fromStdString(server.start()), QString());
        auto a = post(server.httpPort(), "/v1/traces", otlptest::kTraces, kToken, "application/json");
        QCOMPARE(a.status, 200);
        QCOMPARE(QString::fromStdString(a.body), QStringLiteral("{}\n"));
        a = post(server.httpPort(), "/v1/metrics", otlptest::kMetrics, kToken, "application/json");
        QCOMPARE(a.status, 200);  // partial success: accepted, with the refusal said
        QVERIFY2(a.body.find("\"partialSuccess\":{\"rejectedDataPoints\":\"1\"") != std::string::npos, a.body.c_str());
        a = post(server.httpPort(), "/v1/logs", "{\"resourceLogs\":", kToken, "application/json");
        QCOMPARE(a.status, 400);
        QCOMPARE(sink.size(), std::size_t(6));
        QVERIFY(std::holds_alternative<TaskEvent>(sink.records()[0]));
        const auto n = server.stats().counts();
        QCOMPARE(n.records[int(IngestSource::Otlp)], std::int64_t(6));
        QCOMPARE(n.malformed, std::int64_t(2));  // the histogram and the unreadable request
    }
};

QTEST_GUILESS_MAIN(TestOtlpJson)
#include "tst_otlpjson.moc"
