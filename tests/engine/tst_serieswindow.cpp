// SeriesWindow: one ring per (series, target), bounded, oldest point first, tails
// in (series, target) order whatever order the samples came in.
#include "engine/SeriesWindow.h"

#include <QtTest>

using namespace vigil;

class TestSeriesWindow : public QObject {
    Q_OBJECT
private slots:
    void samplesOfOneSeriesShareOneRing() {
        SeriesWindow w(8);
        for (int i = 0; i < 5; ++i) w.add(MetricSample{1000 + i, "rpc.latency_ms", "rpc:a", double(i)});
        QCOMPARE(w.seriesCount(), std::size_t(1));
        const auto tails = w.tails();
        QCOMPARE(tails.size(), std::size_t(1));
        QCOMPARE(tails[0].points.size(), std::size_t(5));
        QCOMPARE(tails[0].points.back().value, 4.0);
    }

    void tailsAreSortedBySeriesThenTarget() {
        SeriesWindow w;
        // "ab"/"c" and "a"/"bc" must stay two series, ordered by series first.
        w.add(MetricSample{1, "ab", "c", 1});
        w.add(MetricSample{2, "a", "bc", 2});
        w.add(MetricSample{3, "a", "b", 3});
        w.add(MetricSample{4, "b", "a", 4});
        w.add(MetricSample{5, "a", "bc", 5});
        const auto tails = w.tails();
        QCOMPARE(tails.size(), std::size_t(4));
        const std::vector<std::pair<std::string, std::string>> want = {
            {"a", "b"}, {"a", "bc"}, {"ab", "c"}, {"b", "a"}};
        for (std::size_t i = 0; i < want.size(); ++i) {
            QCOMPARE(tails[i].series, want[i].first);
            QCOMPARE(tails[i].target, want[i].second);
        }
        QCOMPARE(tails[1].points.size(), std::size_t(2));
    }

    void ringKeepsTheNewestOldestFirst() {
        SeriesWindow w(4);
        for (int i = 0; i < 10; ++i) w.add(MetricSample{i, "s", "t", double(i)});
        const auto tails = w.tails();
        QCOMPARE(tails[0].points.size(), std::size_t(4));
        for (std::size_t i = 0; i < 4; ++i) QCOMPARE(tails[0].points[i].ts, TimestampMs(6 + i));
    }
};

QTEST_GUILESS_MAIN(TestSeriesWindow)
#include "tst_serieswindow.moc"
