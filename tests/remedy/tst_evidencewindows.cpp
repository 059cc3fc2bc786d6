// EvidenceWindows: the points an approval request carries. The newest 120 at
// or before the decision's time; the same records give the same window however
// they were batched (records after the decision do not push earlier ones out);
// a stuck transaction's series is its age since submission, sampled every second
// of record time while it waits; unknown series give
// no points but still a readable window; series are bounded.
#include "remedy/EvidenceWindows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

namespace {
MetricSample metric(TimestampMs ts, double v, const std::string& target = "rpc:eth-main-a") {
    return MetricSample{ts, "rpc.error_rate", target, v};
}

TxEvent tx(TimestampMs ts, const std::string& hash, TxState st) {
    TxEvent t;
    t.ts = ts;
    t.tx_hash = hash;
    t.agent = "agent-07";
    t.chain = "ethereum";
    t.state = st;
    return t;
}

Anomaly shift(TimestampMs ts) {
    Anomaly a;
    a.ts = ts;
    a.detector = "level.shift";
    a.series = "rpc.error_rate";
    a.target = "rpc:eth-main-a";
    a.observed = 0.4;
    a.expected_low = 0;
    a.expected_high = 0.05;
    a.score = 9;
    return a;
}
}  // namespace

class TestEvidenceWindows : public QObject {
    Q_OBJECT
private slots:
    void newestPointsUpToTheDecision() {
        EvidenceWindows w;
        for (int i = 0; i < 300; ++i) w.observe(metric(1000 * i, i));
        w.observe(metric(5000, 1, "rpc:eth-main-b"));  // another target: not mixed in
        const auto pts = w.points("rpc.error_rate", "rpc:eth-main-a", 250'000);
        QCOMPARE(pts.size(), EvidenceWindows::kPoints);
        QCOMPARE(pts.back().first, TimestampMs(250'000));
        QCOMPARE(pts.front().first, TimestampMs(131'000));
        QCOMPARE(pts.front().second, 131.0);
        QVERIFY(w.points("rpc.error_rate", "rpc:none", 250'000).empty());
        QVERIFY(w.points("rpc.error_rate", "rpc:eth-main-a", -1).empty());  // nothing before
    }

    void theSameRecordsGiveTheSameWindowHoweverBatched() {
        // One engine saw the decision after 200 points, another after 200 + 60
        // later ones (a bigger batch): both windows end at the decision.
        EvidenceWindows a, b;
        for (int i = 0; i < 200; ++i) a.observe(metric(1000 * i, i % 7));
        for (int i = 0; i < 260; ++i) b.observe(metric(1000 * i, i % 7));
        QCOMPARE(a.window(shift(199'000), 199'000), b.window(shift(199'000), 199'000));
    }

    void aStuckTransactionShowsItsAge() {
        EvidenceWindows w;
        w.observe(tx(1000, "0xa", TxState::Submitted));
        w.observe(tx(4000, "0xb", TxState::Submitted));
        w.observe(tx(9000, "0xb", TxState::Confirmed));
        w.observe(tx(20'000, "0xa", TxState::Replaced));
        const auto pts = w.points(EvidenceWindows::kTxPendingSeries, "agent:agent-07", 1'000'000);
        const std::vector<EvidenceWindows::Point> want = {{1000, 0}, {4000, 3000}, {9000, 8000}, {20'000, 0}};
        QCOMPARE(pts, want);
    }

    // The demo's stuck transfer: the agent's earlier transactions confirm at
    // once (age 0), then one waits while only metrics arrive. Its age is
    // sampled once a second of record time, so the window rises to the
    // detector's observation instead of being the zeros of the earlier ones.
    void aWaitingTransactionIsSampledEverySecond() {
        EvidenceWindows w;
        for (int i = 0; i < 200; ++i) {
            w.observe(tx(1000 * i, "0x" + std::to_string(i), TxState::Submitted));
            w.observe(tx(1000 * i + 500, "0x" + std::to_string(i), TxState::Confirmed));
        }
        w.observe(tx(200'000, "0xstuck", TxState::Submitted));
        for (TimestampMs t = 200'250; t <= 260'000; t += 250) w.observe(metric(t, 0.01));
        const auto pts = w.points(EvidenceWindows::kTxPendingSeries, "agent:agent-07", 260'000);
        QCOMPARE(pts.size(), EvidenceWindows::kPoints);
        QCOMPARE(pts.back(), EvidenceWindows::Point(260'000, 60'000.0));
        int rising = 0;
        for (std::size_t i = 1; i < pts.size(); ++i) {
            QVERIFY(pts[i].first > pts[i - 1].first);  // one point per time, in order
            if (pts[i].second > pts[i - 1].second) ++rising;
        }
        QCOMPARE(rising, 60);  // one a second from 201 s to 260 s
        // Confirmed: back to 0, and no more samples for the agent.
        w.observe(tx(261'000, "0xstuck", TxState::Confirmed));
        for (TimestampMs t = 261'250; t <= 270'000; t += 250) w.observe(metric(t, 0.01));
        const auto after = w.points(EvidenceWindows::kTxPendingSeries, "agent:agent-07", 270'000);
        QCOMPARE(after.back(), EvidenceWindows::Point(261'000, 0.0));
    }

    void theWindowIsJsonTheChartReads() {
        EvidenceWindows w;
        for (int i = 0; i < 10; ++i) w.observe(metric(1000 * i, 0.01 * i));
        Anomaly a = shift(9000);
        a.expected_high = std::numeric_limits<double>::infinity();  // open-ended: null, still JSON
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(w.window(a, 9000)), &err);
        QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
        const QJsonObject o = doc.object();
        QCOMPARE(o.value("series").toString(), QStringLiteral("rpc.error_rate"));
        QCOMPARE(o.value("detector").toString(), QStringLiteral("level.shift"));
        QVERIFY(o.value("expected_high").isNull());
        const QJsonArray pts = o.value("points").toArray();
        QCOMPARE(pts.size(), 10);
        QCOMPARE(pts[9].toArray()[0].toDouble(), 9000.0);
        QCOMPARE(pts[9].toArray()[1].toDouble(), 0.09);
        // No points known: an empty list, not a broken document.
        Anomaly other = shift(9000);
        other.series = "rpc.latency_ms";
        const QJsonObject none = QJsonDocument::fromJson(QByteArray::fromStdString(w.window(other, 9000))).object();
        QVERIFY(none.value("points").isArray());
        QCOMPARE(none.value("points").toArray().size(), 0);
    }

    void seriesAreBounded() {
        EvidenceWindows w;
        for (std::size_t i = 0; i < EvidenceWindows::kMaxSeries + 100; ++i) w.observe(metric(1000, 1, "rpc:n" + std::to_string(i)));
        QVERIFY(w.seriesCount() <= EvidenceWindows::kMaxSeries);
        // The newest fed survives, the oldest went first.
        QCOMPARE(w.points("rpc.error_rate", "rpc:n" + std::to_string(EvidenceWindows::kMaxSeries + 99), 1000).size(), std::size_t(1));
        QVERIFY(w.points("rpc.error_rate", "rpc:n0", 1000).empty());
    }
};

QTEST_APPLESS_MAIN(TestEvidenceWindows)
#include "tst_evidencewindows.moc"
