// LiveChart draws its lines itself over Qt Charts' plot area (ui/PlotLines): the
// drawn line is the min/max-per-pixel-column reduction of the data (raw points when
// few are in view), sits where Qt Charts would put the same points on its axes
// (linear and log), shows on screen, follows a zoom, and a legend click hides it.
#include "ui/ChartCatalog.h"
#include "ui/LiveChart.h"
#include "ui/SeriesDecimator.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace vigil;

namespace {

constexpr TimestampMs T0 = 1'790'000'000'000;
const QColor kFirstLine(0x1f, 0x77, 0xb4);   // LiveChart's colour for rank 0
const QColor kSecondLine(0xff, 0x7f, 0x0e);  // and rank 1

SeriesTail randomTail(const std::string& target, int n, QRandomGenerator& rng) {
    SeriesTail t{"rpc.latency_ms", target, {}};
    TimestampMs ts = T0;
    for (int i = 0; i < n; ++i) {
        ts += TimestampMs(rng.bounded(1, 4));
        t.points.push_back({ts, double(rng.bounded(2000)) / 10.0});
    }
    return t;
}

// What LiveChart must draw, by brute force: the points in [from, to] and one on
// each side; when more than two a column, the first point, per pixel column the
// first smallest and first largest value in time order, and the last point.
std::vector<QPointF> reference(const std::vector<SeriesPoint>& p, TimestampMs from, TimestampMs to, int columns) {
    std::size_t first = 0;
    while (first < p.size() && p[first].ts < from) ++first;
    if (first > 0) --first;
    std::size_t last = first;
    while (last < p.size() && p[last].ts <= to) ++last;
    if (last < p.size()) ++last;
    std::vector<std::size_t> keep;
    if (last - first <= ui::SeriesDecimator::maxOutput(columns)) {
        for (std::size_t i = first; i < last; ++i) keep.push_back(i);
    } else {
        const ui::PixelSlices slices(from, to, columns);
        keep.push_back(first);
        for (std::size_t i = first; i < last;) {
            std::size_t j = i, lo = i, hi = i;
            while (j < last && slices.sliceOf(p[j].ts) == slices.sliceOf(p[i].ts)) {
                if (p[j].value < p[lo].value) lo = j;
                if (p[j].value > p[hi].value) hi = j;
                ++j;
            }
            for (std::size_t k : {std::min(lo, hi), std::max(lo, hi)})
                if (k > keep.back() && k < last - 1) keep.push_back(k);
            i = j;
        }
        keep.push_back(last - 1);
    }
    std::vector<QPointF> out;
    for (std::size_t i : keep) out.emplace_back(double(p[i].ts), p[i].value);
    return out;
}

// Pixels of a line's colour inside `area` of the chart's picture: its hue,
// whatever the antialiasing blended it with (the white base, grey grid lines).
int pixelsOf(const QImage& img, const QRectF& area, const QColor& c) {
    int n = 0;
    const QRect r = area.toAlignedRect().adjusted(1, 1, -1, -1) & img.rect();
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor p = img.pixelColor(x, y);
            if (p.hsvSaturation() >= 60 && std::abs(p.hsvHue() - c.hsvHue()) <= 20) ++n;
        }
    return n;
}

QImage picture(ui::LiveChart& chart) {
    return chart.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// A chart on screen (offscreen platform), its layout settled.
void showChart(ui::LiveChart& chart) {
    chart.resize(640, 320);
    chart.setAttribute(Qt::WA_DontShowOnScreen);
    chart.show();
    QApplication::processEvents();
}

// Plots, lets the layout follow (axis labels may change the plot area), plots again
// at the settled width: what ChartPanel's next frame does.
void plotSettled(ui::LiveChart& chart, const std::vector<const SeriesTail*>& tails, TimestampMs from, TimestampMs to) {
    chart.plot(tails, from, to);
    QApplication::processEvents();
    chart.plot(tails, from, to);
    QApplication::processEvents();
}

}  // namespace

class TestLiveChart : public QObject {
    Q_OBJECT
private slots:
    void drawnLineIsTheMinMaxOfEachColumn() {
        QRandomGenerator rng(7);
        ui::LiveChart chart(ui::chartCatalog().front());  // rpc.latency_ms, scale 1
        showChart(chart);
        std::vector<SeriesTail> tails{randomTail("rpc:a", 30'000, rng), randomTail("rpc:b", 20'000, rng)};
        std::vector<const SeriesTail*> ptrs{&tails[0], &tails[1]};
        struct Window {
            TimestampMs from, to;
        };
        const TimestampMs end = tails[0].points.back().ts;
        // Everything, the middle (cut on both sides), and zoomed in to ~100 points.
        for (const Window w : {Window{T0, end}, Window{T0 + 10'000, end - 20'000}, Window{T0 + 30'000, T0 + 30'200}}) {
            plotSettled(chart, ptrs, w.from, w.to);
            const int columns = chart.plotWidth();
            QVERIFY(columns > 300);
            QCOMPARE(columns, int(chart.plotArea().width()));
            for (const SeriesTail& t : tails) {
                const auto want = reference(t.points, w.from, w.to, columns);
                const auto got = chart.lineValues(t.target);
                QCOMPARE(got.size(), want.size());
                QVERIFY2(got == want, t.target.c_str());
                QCOMPARE(std::size_t(chart.linePixels(t.target).size()), want.size());
            }
        }
        // Zoomed in, every point in view is drawn.
        const auto zoomed = chart.lineValues("rpc:a");
        QVERIFY(zoomed.size() > 50 && zoomed.size() < 200);
    }

    // Each drawn vertex is where Qt Charts maps the same point on the chart's axes.
    void linesSitOnTheAxes_data() {
        QTest::addColumn<int>("catalogIndex");
        QTest::newRow("linear") << 0;
        QTest::newRow("log") << 2;  // gas.price_gwei
    }
    void linesSitOnTheAxes() {
        QFETCH(int, catalogIndex);
        QRandomGenerator rng(11);
        const ui::ChartSpec& spec = ui::chartCatalog()[std::size_t(catalogIndex)];
        ui::LiveChart chart(spec);
        showChart(chart);
        SeriesTail t = randomTail("chain:x", 5'000, rng);
        for (auto& p : t.points) p.value += 1.0;  // positive, for the log axis
        std::vector<const SeriesTail*> ptrs{&t};
        plotSettled(chart, ptrs, T0, t.points.back().ts);
        auto* view = chart.findChild<QChartView*>();
        QVERIFY(view);
        const auto series = view->chart()->series();
        QCOMPARE(series.size(), 1);
        const QPoint viewport = view->viewport()->mapTo(&chart, QPoint(0, 0));
        const auto values = chart.lineValues("chain:x");
        const QPolygonF pixels = chart.linePixels("chain:x");
        QVERIFY(values.size() > 100);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const QPointF inChart = view->chart()->mapToPosition(values[i], series.front());
            const QPointF want = view->viewportTransform().map(view->chart()->mapToScene(inChart)) + QPointF(viewport);
            const QPointF d = pixels[qsizetype(i)] - want;
            QVERIFY2(std::abs(d.x()) < 0.01 && std::abs(d.y()) < 0.01,
                     qPrintable(QStringLiteral("point %1: (%2, %3), Qt Charts (%4, %5)")
                                    .arg(i).arg(pixels[qsizetype(i)].x()).arg(pixels[qsizetype(i)].y())
                                    .arg(want.x()).arg(want.y())));
        }
    }

    // The picture: the line's colour in the plot area, only where the data is, and
    // a zoom to the data's span spreads it over the whole width.
    void picturesFollowTheView() {
        ui::LiveChart chart(ui::chartCatalog().front());
        showChart(chart);
        SeriesTail t{"rpc.latency_ms", "rpc:a", {}};
        for (int s = 0; s <= 600; ++s) t.points.push_back({T0 + s * 1000, 50.0 + 40.0 * std::sin(s / 20.0)});
        std::vector<const SeriesTail*> ptrs{&t};

        plotSettled(chart, ptrs, T0, T0 + 20 * 60'000);  // the data fills the left half
        QRectF area = chart.plotArea();
        QVERIFY(area.width() > 300 && area.height() > 100);
        QImage img = picture(chart);
        const QRectF leftHalf(area.left(), area.top(), area.width() * 0.45, area.height());
        const QRectF rightPart(area.left() + area.width() * 0.55, area.top(), area.width() * 0.45, area.height());
        QVERIFY2(pixelsOf(img, leftHalf, kFirstLine) > int(leftHalf.width()),
                 qPrintable(QString::number(pixelsOf(img, leftHalf, kFirstLine))));
        QCOMPARE(pixelsOf(img, rightPart, kFirstLine), 0);

        plotSettled(chart, ptrs, T0, T0 + 10 * 60'000);  // zoomed to the data
        area = chart.plotArea();
        img = picture(chart);
        const QRectF rightNow(area.left() + area.width() * 0.55, area.top(), area.width() * 0.45, area.height());
        QVERIFY(pixelsOf(img, rightNow, kFirstLine) > int(rightNow.width()));

        plotSettled(chart, ptrs, T0 + 20 * 60'000, T0 + 30 * 60'000);  // scrolled past it
        QCOMPARE(pixelsOf(picture(chart), chart.plotArea(), kFirstLine), 0);
    }

    void legendClickHidesALine() {
        ui::LiveChart chart(ui::chartCatalog().front());
        showChart(chart);
        SeriesTail a{"rpc.latency_ms", "rpc:a", {}}, b{"rpc.latency_ms", "rpc:b", {}};
        for (int s = 0; s <= 600; ++s) {
            a.points.push_back({T0 + s * 1000, 30.0 + 10.0 * std::sin(s / 15.0)});
            b.points.push_back({T0 + s * 1000, 80.0 + 10.0 * std::cos(s / 15.0)});
        }
        std::vector<const SeriesTail*> ptrs{&a, &b};
        plotSettled(chart, ptrs, T0, T0 + 10 * 60'000);
        QVERIFY(pixelsOf(picture(chart), chart.plotArea(), kFirstLine) > 100);
        QVERIFY(pixelsOf(picture(chart), chart.plotArea(), kSecondLine) > 100);

        auto* view = chart.findChild<QChartView*>();
        QVERIFY(view);
        const auto series = view->chart()->series();
        QCOMPARE(series.size(), 2);
        const auto markers = view->chart()->legend()->markers(series.front());
        QCOMPARE(markers.size(), 1);
        emit markers.front()->clicked();
        QVERIFY(!chart.lineVisible("rpc:a"));
        QVERIFY(chart.lineVisible("rpc:b"));
        QVERIFY(markers.front()->isVisible());  // still there, to click again
        QCOMPARE(pixelsOf(picture(chart), chart.plotArea(), kFirstLine), 0);
        QVERIFY(pixelsOf(picture(chart), chart.plotArea(), kSecondLine) > 100);

        // Stays hidden across new frames, and a second click brings it back.
        plotSettled(chart, ptrs, T0 + 1000, T0 + 10 * 60'000 + 1000);
        QCOMPARE(pixelsOf(picture(chart), chart.plotArea(), kFirstLine), 0);
        emit markers.front()->clicked();
        QVERIFY(chart.lineVisible("rpc:a"));
        QVERIFY(pixelsOf(picture(chart), chart.plotArea(), kFirstLine) > 100);
    }

    // A target first seen later sorts in before the others: the lines keep their
    // own points and visibility through the re-ranking.
    void aNewTargetKeepsTheOthersLines() {
        ui::LiveChart chart(ui::chartCatalog().front());
        showChart(chart);
        SeriesTail a{"rpc.latency_ms", "rpc:a", {}}, z{"rpc.latency_ms", "rpc:z", {}};
        for (int s = 0; s <= 60; ++s) {
            a.points.push_back({T0 + s * 1000, 10.0});
            z.points.push_back({T0 + s * 1000, 90.0});
        }
        plotSettled(chart, {&z}, T0, T0 + 60'000);
        chart.setLineVisible("rpc:z", false);
        chart.plot(std::vector<const SeriesTail*>{&a}, T0, T0 + 60'000);  // only a's tail this frame
        QVERIFY(chart.targets() == (std::vector<std::string>{"rpc:a", "rpc:z"}));
        QVERIFY(!chart.lineVisible("rpc:z"));
        QVERIFY(chart.lineVisible("rpc:a"));
        QCOMPARE(chart.lineValues("rpc:z").front().y(), 90.0);
        QCOMPARE(chart.lineValues("rpc:a").front().y(), 10.0);
    }
};

QTEST_MAIN(TestLiveChart)
#include "tst_livechart.moc"
