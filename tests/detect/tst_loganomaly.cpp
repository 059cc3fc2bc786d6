// LogAnomalyStage: new error templates after warm-up, per-template bursts against
// their own baseline, and silence on a steady stream; time only from records.
#include "detect/ExplainedCheck.h"
#include "detect/logs/LogAnomalyStage.h"

#include <QtTest>

using namespace vigil;

namespace {
constexpr TimestampMs kMin = 60 * 1000;

LogLine line(TimestampMs ts, std::string msg, LogLevel level = LogLevel::Info, std::string source = "agent-01") {
    LogLine l;
    l.ts = ts;
    l.source = std::move(source);
    l.level = level;
    l.message = std::move(msg);
    return l;
}

std::vector<Anomaly> feed(LogAnomalyStage& st, const LogLine& l) {
    std::vector<Record> out;
    const bool ok = st.process(Record{l}, out);
    if (!ok) qFatal("stage refused a log line");
    std::vector<Anomaly> a;
    for (auto& r : out) {
        checkExplained(std::get<Anomaly>(r));
        a.push_back(std::get<Anomaly>(r));
    }
    return a;
}

// Background: a few templates at a steady, slightly varying rate.
std::vector<Anomaly> steady(LogAnomalyStage& st, TimestampMs from, int minutes) {
    static const int pattern[] = {3, 7, 5, 4, 6, 5, 2, 8};
    std::vector<Anomaly> all;
    for (int m = 0; m < minutes; ++m) {
        const int n = pattern[m % 8];
        for (int i = 0; i < n; ++i) {
            const TimestampMs ts = from + m * kMin + i * (kMin / n);
            for (auto& a : feed(st, line(ts, "heartbeat from worker " + std::to_string(i) + " latency " +
                                                 std::to_string(10 + (m * 7 + i) % 30) + " ms")))
                all.push_back(a);
            for (auto& a : feed(st, line(ts + 5, "claimed task " + std::to_string(m * 100 + i) + " on chain ethereum")))
                all.push_back(a);
        }
    }
    return all;
}
}  // namespace

class TestLogAnomaly : public QObject {
    Q_OBJECT
private slots:
    void newErrorTemplateFiresOnceAfterWarmup() {
        LogAnomalyConfig cfg;
        cfg.warmupMs = 5 * kMin;
        LogAnomalyStage st(cfg);
        // During warm-up even a new error template is quiet.
        QVERIFY(feed(st, line(0, "rpc endpoint eth-a refused connection", LogLevel::Error)).empty());
        QVERIFY(steady(st, 0, 10).empty());
        const TimestampMs t = 11 * kMin;
        auto a = feed(st, line(t, "nonce too low for wallet 0xabc123 on chain arbitrum", LogLevel::Error, "agent-07"));
        QCOMPARE(a.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(a[0].detector), QStringLiteral("log.new_template"));
        QCOMPARE(QString::fromStdString(a[0].target), QStringLiteral("agent-07"));
        QCOMPARE(a[0].ts, t);
        QVERIFY2(a[0].explanation.find("nonce too low for wallet <*> on chain arbitrum") != std::string::npos,
                 a[0].explanation.c_str());
        QVERIFY(a[0].score > 0.9);
        // Same template again, other parameters: not new.
        QVERIFY(feed(st, line(t + 1000, "nonce too low for wallet 0xfff000 on chain arbitrum", LogLevel::Error)).empty());
        // Known template from warm-up, now at error level: not new either.
        QVERIFY(feed(st, line(t + 2000, "rpc endpoint eth-a refused connection", LogLevel::Error)).empty());
        // A new info-level template is not an anomaly; a new warning is off by default.
        QVERIFY(feed(st, line(t + 3000, "rebalance plan computed for portfolio", LogLevel::Info)).empty());
        QVERIFY(feed(st, line(t + 4000, "gas estimate exceeds soft cap", LogLevel::Warn)).empty());
    }

    void newWarnTemplateWhenEnabled() {
        LogAnomalyConfig cfg;
        cfg.warmupMs = kMin;
        cfg.newTemplateOnWarn = true;
        LogAnomalyStage st(cfg);
        QVERIFY(steady(st, 0, 3).empty());
        auto a = feed(st, line(4 * kMin, "gas estimate exceeds soft cap", LogLevel::Warn));
        QCOMPARE(a.size(), std::size_t(1));
        QVERIFY(a[0].score < 1.0);
    }

    void steadyRateDoesNotFire() {
        LogAnomalyStage st;
        QVERIFY(steady(st, 0, 6 * 60).empty());
        QCOMPARE(st.linesSeen(), std::uint64_t(2 * 6 * 60 * 5));
    }

    void burstFiresOnceWithinCooldown() {
        LogAnomalyConfig cfg;
        LogAnomalyStage st(cfg);
        QVERIFY(steady(st, 0, 30).empty());
        // The heartbeat template bursts: 80 lines inside one minute (baseline ~5).
        std::vector<Anomaly> bursts;
        const TimestampMs t0 = 30 * kMin;
        for (int i = 0; i < 80; ++i)
            for (auto& a : feed(st, line(t0 + i * 500, "heartbeat from worker 3 latency " + std::to_string(900 + i) +
                                                         " ms", LogLevel::Info, "agent-03")))
                bursts.push_back(a);
        QCOMPARE(bursts.size(), std::size_t(1));
        const Anomaly& b = bursts[0];
        QCOMPARE(QString::fromStdString(b.detector), QStringLiteral("log.template_burst"));
        QCOMPARE(QString::fromStdString(b.target), QStringLiteral("agent-03"));
        QVERIFY2(b.explanation.find("heartbeat from worker <*> latency <*> ms") != std::string::npos,
                 b.explanation.c_str());
        QVERIFY(b.observed > b.expected_high);
        QVERIFY(b.observed < 40);  // reported as the burst builds, not at the end of it
        QVERIFY(b.score > 0.0 && b.score <= 1.0);
        // The other template kept its rate: nothing about it.
        QVERIFY(b.series.find("log.template:") == 0);
    }

    void quietTemplateBurstAfterBaseline() {
        LogAnomalyStage st;
        // A template seen once an hour, then 15 times in a minute.
        std::vector<Anomaly> all;
        for (int h = 0; h < 5; ++h)
            for (auto& a : feed(st, line(h * 60 * kMin, "disk usage check on node 4")))
                all.push_back(a);
        QVERIFY(all.empty());
        for (int i = 0; i < 15; ++i)
            for (auto& a : feed(st, line(5 * 60 * kMin + i * 1000, "disk usage check on node " + std::to_string(i))))
                all.push_back(a);
        QCOMPARE(all.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(all[0].detector), QStringLiteral("log.template_burst"));
    }

    void ignoresOtherRecordsAndIsDeterministic() {
        LogAnomalyStage st;
        std::vector<Record> out;
        QVERIFY(st.process(Record{MetricSample{1, "rpc.latency_ms", "rpc:a", 3.0}}, out));
        QVERIFY(out.empty());
        QCOMPARE(st.linesSeen(), std::uint64_t(0));

        auto run = [] {
            LogAnomalyConfig cfg;
            cfg.warmupMs = kMin;
            LogAnomalyStage s(cfg);
            std::vector<std::string> ids;
            for (auto& a : steady(s, 0, 20)) ids.push_back(a.id);
            for (int i = 0; i < 60; ++i)
                for (auto& a : feed(s, line(20 * kMin + i * 200, "claimed task " + std::to_string(i) + " on chain ethereum")))
                    ids.push_back(a.id);
            for (auto& a : feed(s, line(21 * kMin, "wallet 0x12 drained", LogLevel::Error))) ids.push_back(a.id);
            return ids;
        };
        const auto a = run();
        QCOMPARE(a.size(), std::size_t(2));
        QCOMPARE(a, run());
    }

    void poissonTail() {
        QVERIFY(qAbs(LogAnomalyStage::poissonUpperTail(1.0, 1) - 0.6321205588) < 1e-9);
        QVERIFY(qAbs(LogAnomalyStage::poissonUpperTail(2.0, 5) - 0.0526530173) < 1e-9);
        QVERIFY(qAbs(LogAnomalyStage::poissonUpperTail(10.0, 20) - 0.0034543420) < 1e-9);
        const double tiny = LogAnomalyStage::poissonUpperTail(0.5, 10);
        QVERIFY(qAbs(tiny - 1.70967e-10) / 1.70967e-10 < 1e-4);
        QCOMPARE(LogAnomalyStage::poissonUpperTail(3.0, 0), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestLogAnomaly)
#include "tst_loganomaly.moc"
