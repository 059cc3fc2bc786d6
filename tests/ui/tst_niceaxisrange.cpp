// The live charts' value axis: looseNiceRange gives exactly the range and tick
// count of Qt Charts' setRange + applyNiceNumbers (over many ranges and tick
// counts, each starting from the tick count the last one left, as a chart's
// frames do), and a frame that moves only the time window leaves the value
// axis alone: no range change, no tick or label format change (each made Qt
// Charts recompute the labels and lay the chart out again).
#include "ui/ChartCatalog.h"
#include "ui/LiveChart.h"
#include "ui/NiceAxisRange.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace vigil;

namespace {
constexpr TimestampMs T0 = 1'790'000'000'000;
}  // namespace

class TestNiceAxisRange : public QObject {
    Q_OBJECT
private slots:
    void sameAsQtCharts() {
        QRandomGenerator rng(12);
        QValueAxis axis;  // Qt's own, carried from fit to fit like a chart's
        int mine = axis.tickCount();
        for (int i = 0; i < 20'000; ++i) {
            const double scale = std::pow(10.0, rng.bounded(-3, 7));
            const double lo = i % 7 == 0 ? 0.0 : (rng.generateDouble() - 0.3) * scale;  // some zero-based
            const double hi = lo + rng.generateDouble() * scale + scale * 1e-4;
            const ui::NiceAxisRange want = [&] {
                axis.setRange(lo, hi);
                axis.applyNiceNumbers();
                return ui::NiceAxisRange{axis.min(), axis.max(), axis.tickCount()};
            }();
            const ui::NiceAxisRange got = ui::looseNiceRange(lo, hi, mine);
            mine = got.ticks;
            if (!(got == want))
                QFAIL(qPrintable(QStringLiteral("[%1, %2]: got %3..%4 (%5 ticks), Qt %6..%7 (%8 ticks)")
                                     .arg(lo, 0, 'g', 17)
                                     .arg(hi, 0, 'g', 17)
                                     .arg(got.min, 0, 'g', 17)
                                     .arg(got.max, 0, 'g', 17)
                                     .arg(got.ticks)
                                     .arg(want.min, 0, 'g', 17)
                                     .arg(want.max, 0, 'g', 17)
                                     .arg(want.ticks)));
        }
    }

    void movingTheTimeLeavesTheValueAxis() {
        ui::LiveChart chart(ui::chartCatalog().front());  // rpc.latency_ms, linear
        chart.resize(640, 320);
        chart.setAttribute(Qt::WA_DontShowOnScreen);
        chart.show();
        QApplication::processEvents();
        SeriesTail tail{"rpc.latency_ms", "rpc:a", {}};
        for (TimestampMs t = 0; t < 600'000; t += 1000) tail.points.push_back({T0 + t, t % 60'000 == 0 ? 180.0 : 90.0});
        const std::vector<const SeriesTail*> tails{&tail};
        chart.plot(tails, T0 + 100'000, T0 + 400'000);
        QApplication::processEvents();
        auto* axis = qobject_cast<QValueAxis*>(chart.findChild<QChartView*>()->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(axis);
        const double min = axis->min(), max = axis->max();
        QVERIFY(min < 90 && max > 180);
        QSignalSpy range(axis, &QValueAxis::rangeChanged), ticks(axis, &QValueAxis::tickCountChanged),
            format(axis, &QValueAxis::labelFormatChanged);
        for (int s = 1; s <= 5; ++s) chart.plot(tails, T0 + 100'000 + s * 1000, T0 + 400'000 + s * 1000);
        QCOMPARE(range.count(), 0);
        QCOMPARE(ticks.count(), 0);
        QCOMPARE(format.count(), 0);
        QCOMPARE(axis->min(), min);
        QCOMPARE(axis->max(), max);
        // A new peak in view still moves it.
        tail.points.push_back({T0 + 600'000, 900.0});
        chart.plot(tails, T0 + 350'000, T0 + 650'000);
        QVERIFY(range.count() > 0);
        QVERIFY(axis->max() > 900);
    }
};

QTEST_MAIN(TestNiceAxisRange)
#include "tst_niceaxisrange.moc"
