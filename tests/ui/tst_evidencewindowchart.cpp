// The console's evidence chart draws the metric window the engine attaches to
// an approval request (remedy::EvidenceWindows, as DemoHealing files it): the
// newest 120 points of the cause series, and a stuck transaction's age series;
// a flat line (all 0) gets a readable value axis, not a +-1e-9 one; a window
// that never goes below zero keeps its axis at zero; no window
// (nothing selected) is a blank panel, not a parse error.
#include "remedy/EvidenceWindows.h"
#include "ui/EvidenceChart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QValueAxis>
#include <QTest>

using namespace vigil;

class TestEvidenceWindowChart : public QObject {
    Q_OBJECT
private slots:
    void drawsTheEnginesWindow() {
        remedy::EvidenceWindows w;
        const TimestampMs t0 = 1'790'000'000'000;
        for (int i = 0; i < 200; ++i) w.observe(MetricSample{t0 + 1000 * i, "rpc.error_rate", "rpc:eth-main-a", 0.01 * (i % 9)});
        Anomaly a;
        a.ts = t0 + 199'000;
        a.detector = "level.shift";
        a.series = "rpc.error_rate";
        a.target = "rpc:eth-main-a";
        ui::EvidenceChart chart;
        QCOMPARE(chart.showWindow(QString::fromStdString(w.window(a, a.ts))), int(remedy::EvidenceWindows::kPoints));
        QVERIFY2(chart.note().isEmpty(), qPrintable(chart.note()));

        TxEvent tx;
        tx.agent = "agent-07";
        tx.tx_hash = "0xa";
        tx.ts = t0;
        w.observe(tx);
        tx.tx_hash = "0xb";
        tx.ts = t0 + 30'000;
        w.observe(tx);
        Anomaly stuck;
        stuck.ts = t0 + 60'000;
        stuck.detector = "tx.stuck";
        stuck.series = remedy::EvidenceWindows::kTxPendingSeries;
        stuck.target = "agent:agent-07";
        QCOMPARE(chart.showWindow(QString::fromStdString(w.window(stuck, stuck.ts))), 2);
        // A pending age is never negative, and neither is its axis.
        auto* y = qobject_cast<QValueAxis*>(chart.findChild<QChartView*>()->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QCOMPARE(y->min(), 0.0);
        QVERIFY(y->max() > 0);
    }

    void aFlatLineHasAReadableAxis() {
        remedy::EvidenceWindows w;
        const TimestampMs t0 = 1'790'000'000'000;
        for (int i = 0; i < 20; ++i) w.observe(MetricSample{t0 + 1000 * i, "tx.pending", "chain:arbitrum", 0.0});
        Anomaly a;
        a.ts = t0 + 19'000;
        a.detector = "level.shift";
        a.series = "tx.pending";
        a.target = "chain:arbitrum";
        ui::EvidenceChart chart;
        QCOMPARE(chart.showWindow(QString::fromStdString(w.window(a, a.ts))), 20);
        auto* view = chart.findChild<QChartView*>();
        QVERIFY(view);
        auto* y = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QVERIFY2(y->max() - y->min() >= 1.0, qPrintable(QStringLiteral("%1..%2").arg(y->min()).arg(y->max())));
        QCOMPARE(y->min(), 0.0);  // all values >= 0: the axis does not reach below zero
        // Nothing selected (the desk's empty queue): blank, not "could not be read".
        QCOMPARE(chart.showWindow(QString()), 0);
        QCOMPARE(chart.note(), QString());
    }
};

QTEST_MAIN(TestEvidenceWindowChart)
#include "tst_evidencewindowchart.moc"
