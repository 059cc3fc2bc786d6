// Min/max decimation: bounded output, every slice's extremes kept, time order.
#include "ui/SeriesDecimator.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using vigil::SeriesPoint;
using vigil::TimestampMs;
using vigil::ui::SeriesDecimator;

namespace {

// A random walk with occasional spikes, 1 s apart: what a latency series looks like.
std::vector<SeriesPoint> walk(std::size_t n, quint32 seed, TimestampMs start = 1'700'000'000'000) {
    QRandomGenerator rng(seed);
    std::vector<SeriesPoint> pts;
    double v = 50;
    for (std::size_t i = 0; i < n; ++i) {
        v += rng.bounded(2.0) - 1.0;
        const double spike = rng.bounded(1000) == 0 ? rng.bounded(500.0) : 0.0;
        pts.push_back({start + TimestampMs(i) * 1000, v + spike});
    }
    return pts;
}

// Indices of `out` within `in`, checking `out` is a subsequence of `in`.
std::vector<std::size_t> positionsIn(const std::vector<SeriesPoint>& in, const std::vector<SeriesPoint>& out) {
    std::vector<std::size_t> pos;
    std::size_t j = 0;
    for (const SeriesPoint& p : out) {
        while (j < in.size() && !(in[j].ts == p.ts && (in[j].value == p.value || (std::isnan(in[j].value) && std::isnan(p.value))))) ++j;
        if (j == in.size()) return {};
        pos.push_back(j++);
    }
    return pos;
}

int bucketOf(TimestampMs ts, TimestampMs from, TimestampMs to, int buckets) {
    const double b = std::floor(double(ts - from) * buckets / double(to - from));
    return int(std::clamp(b, 0.0, double(buckets - 1)));
}

}  // namespace

class TestSeriesDecimator : public QObject {
    Q_OBJECT
private slots:
    void emptyInput() {
        QVERIFY(SeriesDecimator::reduce({}, 100).empty());
        std::vector<SeriesPoint> out{{1, 2.0}};
        SeriesDecimator::reduce({}, 0, 1000, 100, out);
        QVERIFY(out.empty());  // the buffer is cleared, not appended to
    }

    void onePoint() {
        const std::vector<SeriesPoint> in{{42, 7.5}};
        const auto out = SeriesDecimator::reduce(in, 100);
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(out[0].ts, TimestampMs(42));
        QCOMPARE(out[0].value, 7.5);
    }

    void smallInputIsCopied() {
        const auto in = walk(50, 1);
        const auto out = SeriesDecimator::reduce(in, 30);  // 50 <= 2*30+2
        QCOMPARE(out.size(), in.size());
        for (std::size_t i = 0; i < in.size(); ++i) {
            QCOMPARE(out[i].ts, in[i].ts);
            QCOMPARE(out[i].value, in[i].value);
        }
    }

    void outputBoundedByTwicePixels_data() {
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("buckets");
        QTest::newRow("1 px") << 5000 << 1;
        QTest::newRow("7 px") << 5000 << 7;
        QTest::newRow("400 px") << 4096 << 400;
        QTest::newRow("640 px, long") << 100000 << 640;
        QTest::newRow("0 px acts as 1") << 300 << 0;
    }
    void outputBoundedByTwicePixels() {
        QFETCH(int, points);
        QFETCH(int, buckets);
        const auto in = walk(std::size_t(points), quint32(points + buckets));
        const auto out = SeriesDecimator::reduce(in, buckets);
        QVERIFY2(out.size() <= SeriesDecimator::maxOutput(buckets),
                 qPrintable(QStringLiteral("%1 points for %2 buckets").arg(out.size()).arg(buckets)));
        // Real reduction happened and nothing degenerate came out.
        QVERIFY(out.size() >= std::min<std::size_t>(in.size(), 2));
        QVERIFY(out.size() < in.size());
    }

    void keepsFirstLastAndGlobalExtremes() {
        const auto in = walk(20000, 7);
        const auto out = SeriesDecimator::reduce(in, 300);
        QCOMPARE(out.front().ts, in.front().ts);
        QCOMPARE(out.back().ts, in.back().ts);
        const auto [mn, mx] = std::minmax_element(in.begin(), in.end(),
                                                  [](const SeriesPoint& a, const SeriesPoint& b) { return a.value < b.value; });
        auto has = [&](const SeriesPoint& p) {
            return std::any_of(out.begin(), out.end(), [&](const SeriesPoint& q) { return q.ts == p.ts && q.value == p.value; });
        };
        QVERIFY(has(*mn));
        QVERIFY(has(*mx));
    }

    void isTimeOrderedSubsequence() {
        const auto in = walk(10000, 3);
        const auto out = SeriesDecimator::reduce(in, 123);
        const auto pos = positionsIn(in, out);
        QCOMPARE(pos.size(), out.size());  // every output point is an input point
        QVERIFY(std::is_sorted(pos.begin(), pos.end()));
        QVERIFY(std::adjacent_find(pos.begin(), pos.end()) == pos.end());  // no duplicates
    }

    void everyBucketKeepsItsMinAndMax() {
        const auto in = walk(9000, 11);
        const TimestampMs from = in.front().ts, to = in.back().ts;
        const int buckets = 250;
        std::vector<SeriesPoint> out;
        SeriesDecimator::reduce(in, from, to, buckets, out);

        // Brute force: the true extremes of each bucket.
        std::vector<double> lo(buckets, std::numeric_limits<double>::infinity()), hi(buckets, -lo[0]);
        for (const SeriesPoint& p : in) {
            const int b = bucketOf(p.ts, from, to, buckets);
            lo[b] = std::min(lo[b], p.value);
            hi[b] = std::max(hi[b], p.value);
        }
        std::vector<double> outLo(buckets, std::numeric_limits<double>::infinity()), outHi(buckets, -outLo[0]);
        for (const SeriesPoint& p : out) {
            const int b = bucketOf(p.ts, from, to, buckets);
            outLo[b] = std::min(outLo[b], p.value);
            outHi[b] = std::max(outHi[b], p.value);
        }
        for (int b = 0; b < buckets; ++b) {
            if (std::isinf(lo[b])) continue;  // an empty bucket
            QCOMPARE(outLo[b], lo[b]);
            QCOMPARE(outHi[b], hi[b]);
        }
    }

    void explicitRangeAlignsBuckets() {
        // Ten points per second for 100 s, charted over a window twice as wide: the
        // data occupies half the buckets, so at most about half the output budget.
        std::vector<SeriesPoint> in;
        for (int i = 0; i < 1000; ++i) in.push_back({TimestampMs(100'000 + i * 100), double(i % 17)});
        std::vector<SeriesPoint> out;
        SeriesDecimator::reduce(in, 0, 200'000, 100, out);
        QVERIFY(out.size() <= 2 * 50 + 2);
        QVERIFY(out.size() >= 50);
    }

    void nanNeverChosenAndBoundHolds() {
        auto in = walk(5000, 5);
        for (std::size_t i = 1; i < in.size() - 1; i += 3) in[i].value = std::numeric_limits<double>::quiet_NaN();
        const auto out = SeriesDecimator::reduce(in, 100);
        QVERIFY(out.size() <= SeriesDecimator::maxOutput(100));
        for (std::size_t i = 1; i + 1 < out.size(); ++i) QVERIFY(!std::isnan(out[i].value));
    }

    void disorderedInputKeepsBound() {
        auto in = walk(6000, 9);
        QRandomGenerator rng(9);
        for (int k = 0; k < 500; ++k) {  // swap neighbours: timestamps go backwards here and there
            const auto i = std::size_t(rng.bounded(int(in.size()) - 1));
            std::swap(in[i], in[i + 1]);
        }
        std::vector<SeriesPoint> o;
        SeriesDecimator::reduce(in, in.front().ts, in.back().ts, 80, o);
        QVERIFY(o.size() <= SeriesDecimator::maxOutput(80));
    }

    void allSameTimestamp() {
        std::vector<SeriesPoint> in;
        for (int i = 0; i < 100; ++i) in.push_back({5, double((i * 37) % 100)});
        const auto out = SeriesDecimator::reduce(in, 10);
        QVERIFY(out.size() <= 4);  // first, min, max, last
        const auto [mn, mx] = std::minmax_element(out.begin(), out.end(),
                                                  [](const SeriesPoint& a, const SeriesPoint& b) { return a.value < b.value; });
        QCOMPARE(mn->value, 0.0);
        QCOMPARE(mx->value, 99.0);
    }
};

QTEST_GUILESS_MAIN(TestSeriesDecimator)
#include "tst_seriesdecimator.moc"
