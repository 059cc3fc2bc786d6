// Round trip of every record kind through the NDJSON codec, and the reporting of
// malformed lines (line number + reason, counted, the rest goes on).
#include "record/NdjsonCodec.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace vigil;

namespace {
std::vector<Record> oneOfEach() {
    return {
        MetricSample{1767225600000, "rpc.latency_ms", "rpc:eth-main-a", 123.456},
        TaskEvent{1767225600001, "t-42", "agent-07", "airdrop_claim", TaskState::Failed, "rpc:eth-main-a",
                  "rpc_unavailable", 5012.5},
        TxEvent{1767225600002, "0xabc123", "agent-03", "ethereum", "rpc:eth-main-b", 17, TxState::Replaced, 1.25,
                42.0, 2.5, "transfer-agent-03-17"},
        LogLine{1767225600003, "agent-07", LogLevel::Error, "claim failed: \"quoted\"\tand\\slash\nnewline \x01"},
        Anomaly{1767225600004, "AN-1", "metric.ensemble", "rpc.latency_ms", "rpc:eth-main-a", 0.97, 850.0, 80.0,
                140.0, "latency 850 ms, expected 80–140 ms"},
        Incident{1767225600005, "INC-0001", IncidentState::Mitigated, Severity::Critical, 1767225500000,
                 {"rpc:eth-main-a", "agent-07"}, "rpc:eth-main-a", "RPC endpoint down", 12},
        Action{1767225600006, "ACT-1", "INC-0001", "failover_rpc", "agent-07", "{\"to\":\"rpc:eth-main-b\"}",
               ActionStatus::AwaitingApproval, true},
        Approval{1767225600007, "APR-1", "ACT-1", "alice", "bob", ApprovalDecision::Approved, 1767225900000, "ok"},
        Outcome{1767225600008, "ACT-1", true, "failed over"},
    };
}
}  // namespace

class TestNdjsonCodec : public QObject {
    Q_OBJECT
private slots:
    void roundTripEveryKind() {
        const auto recs = oneOfEach();
        QCOMPARE(int(recs.size()), kRecordKindCount);
        std::string text;
        for (const auto& r : recs) appendNdjson(text, r);
        DecodeStats st;
        const auto back = decodeAll(text, st);
        QCOMPARE(st.malformed, 0);
        QCOMPARE(back.size(), recs.size());
        for (std::size_t i = 0; i < recs.size(); ++i) {
            QCOMPARE(back[i].index(), recs[i].index());
            QVERIFY2(back[i] == recs[i], toNdjson(recs[i]).c_str());
            // And byte-identical on re-encoding.
            QCOMPARE(toNdjson(back[i]), toNdjson(recs[i]));
        }
        for (int k = 0; k < kRecordKindCount; ++k) QCOMPARE(st.perKind[k], 1);
    }

    void wireFormIsVersioned() {
        const std::string line = toNdjson(MetricSample{5, "s", "t", 1.5});
        QCOMPARE(QString::fromStdString(line),
                 QStringLiteral("{\"v\":1,\"kind\":\"metric\",\"ts\":5,\"series\":\"s\",\"target\":\"t\",\"value\":1.5}"));
    }

    void predictionCarriesItsTimeToBreachOthersDoNot() {
        Anomaly a{1767225600004, "AN-2", "forecast.breach", "worker.queue_depth", "pool:p", 0.9, 55.0, 0.0, 400.0,
                  "queue of pool:p reaches 400 in about 5m45s"};
        QVERIFY(toNdjson(a).find("time_to_breach_ms") == std::string::npos);  // absent: not written
        a.time_to_breach_ms = 345'000;
        const std::string line = toNdjson(a);
        QVERIFY2(line.find(",\"time_to_breach_ms\":345000}") != std::string::npos, line.c_str());
        DecodeStats st;
        auto back = decodeAll(line, st);
        QCOMPARE(back.size(), std::size_t(1));
        QVERIFY(back[0] == Record(a));
        // A line written before the field existed reads as "not a prediction's time".
        std::string old = line;
        old.erase(old.find(",\"time_to_breach_ms\""), std::string(",\"time_to_breach_ms\":345000").size());
        back = decodeAll(old, st);
        QCOMPARE(back.size(), std::size_t(1));
        QVERIFY(!std::get<Anomaly>(back[0]).time_to_breach_ms.has_value());
        QCOMPARE(st.malformed, 0);
    }

    void nonFiniteValueBecomesNullAndNaN() {
        const std::string line = toNdjson(MetricSample{5, "s", "t", std::numeric_limits<double>::infinity()});
        QVERIFY(line.find("\"value\":null") != std::string::npos);
        DecodeStats st;
        auto back = decodeAll(line, st);
        QCOMPARE(back.size(), std::size_t(1));
        QVERIFY(std::isnan(std::get<MetricSample>(back[0]).value));
    }

    void doublesRoundTripExactly() {
        for (double v : {0.1, 1e-300, 123456789.123456789, -0.0, 5e307}) {
            DecodeStats st;
            auto back = decodeAll(toNdjson(MetricSample{1, "s", "t", v}), st);
            QCOMPARE(std::get<MetricSample>(back.at(0)).value, v);
        }
    }

    void malformedLinesAreReportedAndSkipped_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << "this is not json" << "invalid JSON";
        QTest::newRow("truncated") << R"({"v":1,"kind":"metric","ts":1,"series":"s")" << "invalid JSON";
        QTest::newRow("array") << "[1,2,3]" << "not a JSON object";
        QTest::newRow("no version") << R"({"kind":"metric","ts":1,"series":"s","value":1})" << "missing field 'v'";
        QTest::newRow("future version") << R"({"v":2,"kind":"metric","ts":1,"series":"s","value":1})"
                                        << "unsupported wire version 2";
        QTest::newRow("unknown kind") << R"({"v":1,"kind":"weather","ts":1})" << "unknown record kind 'weather'";
        QTest::newRow("no ts") << R"({"v":1,"kind":"metric","series":"s","value":1})" << "missing field 'ts'";
        QTest::newRow("no series") << R"({"v":1,"kind":"metric","ts":1,"value":1})" << "missing field 'series'";
        QTest::newRow("value type") << R"({"v":1,"kind":"metric","ts":1,"series":"s","value":"x"})"
                                    << "field 'value': expected a number";
        QTest::newRow("bad state") << R"({"v":1,"kind":"task","ts":1,"agent":"a","state":"exploded"})"
                                   << "field 'state': unknown value 'exploded'";
        QTest::newRow("ts type") << R"({"v":1,"kind":"metric","ts":"now","series":"s","value":1})"
                                 << "field 'ts': expected an integer";
        QTest::newRow("trailing") << R"({"v":1,"kind":"metric","ts":1,"series":"s","value":1} x)" << "invalid JSON";
    }
    void malformedLinesAreReportedAndSkipped() {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        std::string text = toNdjson(MetricSample{1, "a", "t", 1}) + "\n" + line.toStdString() + "\n\n" +
                           toNdjson(MetricSample{2, "b", "t", 2}) + "\n";
        DecodeStats st;
        const auto recs = decodeAll(text, st);
        QCOMPARE(recs.size(), std::size_t(2));  // the rest of the file goes on
        QCOMPARE(st.malformed, 1);
        QCOMPARE(st.lines, 3);  // blank lines are not counted as records or errors
        QCOMPARE(st.errors.size(), std::size_t(1));
        QCOMPARE(st.errors[0].line, 2);
        QVERIFY2(QString::fromStdString(st.errors[0].reason).contains(reason),
                 st.errors[0].reason.c_str());
    }

    void unknownFieldsAreIgnored() {
        DecodeStats st;
        auto recs = decodeAll(R"({"v":1,"kind":"metric","ts":1,"series":"s","value":2,"future":{"x":[1]}})", st);
        QCOMPARE(st.malformed, 0);
        QCOMPARE(std::get<MetricSample>(recs.at(0)).value, 2.0);
    }
};

QTEST_GUILESS_MAIN(TestNdjsonCodec)
#include "tst_ndjsoncodec.moc"
