// The min/max pyramid behind LiveChart: per pixel column the same extremes as a
// brute-force scan, the same points as SeriesDecimator, while points are appended
// and trimmed off the front, and a line that changed in place is noticed.
#include "ui/MinMaxPyramid.h"
#include "ui/SeriesDecimator.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using vigil::SeriesPoint;
using vigil::TimestampMs;
using vigil::ui::MinMaxPyramid;
using vigil::ui::PixelSlices;
using vigil::ui::SeriesDecimator;

namespace {

constexpr TimestampMs T0 = 1'790'000'000'000;

// Random values from a small set (ties everywhere, to test "first smallest"), a
// few NaN, times 1..3 ms apart with repeats (two points on one millisecond).
void grow(std::vector<SeriesPoint>& pts, std::size_t n, QRandomGenerator& rng) {
    TimestampMs t = pts.empty() ? T0 : pts.back().ts;
    for (std::size_t i = 0; i < n; ++i) {
        t += TimestampMs(rng.bounded(4));
        const double v = rng.bounded(50) == 0 ? std::numeric_limits<double>::quiet_NaN() : double(rng.bounded(40));
        pts.push_back({t, v});
    }
}

bool same(const SeriesPoint& a, const SeriesPoint& b) {
    return a.ts == b.ts && (a.value == b.value || (std::isnan(a.value) && std::isnan(b.value)));
}

// Brute force: first smallest and first largest non-NaN value in [first, last).
MinMaxPyramid::Extremes scan(const std::vector<SeriesPoint>& p, std::size_t first, std::size_t last) {
    MinMaxPyramid::Extremes e;
    for (std::size_t i = first; i < last; ++i) {
        if (std::isnan(p[i].value)) continue;
        if (e.lo == MinMaxPyramid::npos || p[i].value < p[e.lo].value) e.lo = i;
        if (e.hi == MinMaxPyramid::npos || p[i].value > p[e.hi].value) e.hi = i;
    }
    return e;
}

// Every pixel column of [from, to] (and random ranges) against the brute force,
// and the whole reduction against SeriesDecimator's; false with a message.
QString check(const MinMaxPyramid& pyr, const std::vector<SeriesPoint>& p, QRandomGenerator& rng) {
    if (pyr.size() != p.size()) return QStringLiteral("size %1, not %2").arg(pyr.size()).arg(p.size());
    for (int r = 0; r < 40; ++r) {
        std::size_t a = rng.bounded(quint32(p.size())), b = rng.bounded(quint32(p.size() + 1));
        if (a > b) std::swap(a, b);
        const auto want = scan(p, a, b);
        const auto got = pyr.extremes(p, a, b);
        if (got.lo != want.lo || got.hi != want.hi)
            return QStringLiteral("extremes of [%1, %2): %3/%4, not %5/%6").arg(a).arg(b).arg(got.lo).arg(got.hi).arg(want.lo).arg(want.hi);
    }
    for (int buckets : {1, 7, 300, 900}) {
        const std::size_t first = rng.bounded(quint32(p.size() / 3 + 1));
        const std::size_t last = p.size() - rng.bounded(quint32(p.size() / 3 + 1));
        if (last <= first) continue;
        const TimestampMs from = p[first].ts + 2, to = p[last - 1].ts - 1;
        // Per column, by the same slices the chart uses.
        const PixelSlices slices(from, to, buckets);
        std::size_t i = first;
        while (i < last) {
            const int col = slices.sliceOf(p[i].ts);
            std::size_t j = i;
            while (j < last && slices.sliceOf(p[j].ts) == col) ++j;
            const auto want = scan(p, i, j);
            const auto got = pyr.extremes(p, i, j);
            if (got.lo != want.lo || got.hi != want.hi)
                return QStringLiteral("column %1 of %2: %3/%4, not %5/%6").arg(col).arg(buckets).arg(got.lo).arg(got.hi).arg(want.lo).arg(want.hi);
            i = j;
        }
        std::vector<SeriesPoint> mine, ref;
        pyr.reduce(p, first, last, from, to, buckets, mine);
        SeriesDecimator::reduce(std::span(p).subspan(first, last - first), from, to, buckets, ref);
        if (mine.size() != ref.size())
            return QStringLiteral("%1 buckets: %2 points, the decimator %3").arg(buckets).arg(mine.size()).arg(ref.size());
        for (std::size_t k = 0; k < ref.size(); ++k)
            if (!same(mine[k], ref[k])) return QStringLiteral("%1 buckets: point %2 differs").arg(buckets).arg(k);
    }
    return {};
}

}  // namespace

class TestMinMaxPyramid : public QObject {
    Q_OBJECT

private slots:
    void randomDataMatchesBruteForce() {
        for (quint32 seed = 1; seed <= 6; ++seed) {
            QRandomGenerator rng(seed);
            std::vector<SeriesPoint> p;
            grow(p, 5000 + rng.bounded(70000), rng);
            MinMaxPyramid pyr;
            pyr.sync(p);
            QVERIFY(pyr.sorted());
            QVERIFY(pyr.levels() >= 3);  // 16, 256, 4096 points a node
            const QString why = check(pyr, p, rng);
            QVERIFY2(why.isEmpty(), qPrintable(why));
        }
    }

    void appendsAreAddedIncrementally() {
        QRandomGenerator rng(42);
        std::vector<SeriesPoint> p;
        MinMaxPyramid pyr;
        for (int round = 0; round < 60; ++round) {
            grow(p, rng.bounded(round % 10 == 0 ? 3000 : 40), rng);
            pyr.sync(p);
            if (p.empty()) continue;
            const QString why = check(pyr, p, rng);
            QVERIFY2(why.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(why)));
        }
    }

    void trimmingTheFrontKeepsTheRestRight() {
        // A sliding window, as the engine's snapshot tails are: points appended at
        // the end, the oldest dropped, in steps of every size (across block edges).
        QRandomGenerator rng(7);
        std::vector<SeriesPoint> p;
        grow(p, 10'000, rng);
        MinMaxPyramid pyr;
        pyr.sync(p);
        for (int round = 0; round < 60; ++round) {
            grow(p, rng.bounded(500), rng);
            const std::size_t drop = std::min<std::size_t>(rng.bounded(round % 7 == 0 ? 5000 : 600), p.size() - 1);
            p.erase(p.begin(), p.begin() + std::ptrdiff_t(drop));
            pyr.sync(p);
            const QString why = check(pyr, p, rng);
            QVERIFY2(why.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(why)));
        }
    }

    void aLineChangedInPlaceIsRebuilt() {
        QRandomGenerator rng(11);
        std::vector<SeriesPoint> p;
        grow(p, 20'000, rng);
        MinMaxPyramid pyr;
        pyr.sync(p);
        // The newest point rewritten, then an old one changed with the first too.
        p.back().value = 1000;
        pyr.sync(p);
        QString why = check(pyr, p, rng);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        p[0].value = -5;
        p[5000].value = -7;
        pyr.sync(p);
        why = check(pyr, p, rng);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        // Another line altogether, shorter.
        std::vector<SeriesPoint> q;
        grow(q, 300, rng);
        pyr.sync(q);
        why = check(pyr, q, rng);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        pyr.sync({});
        QCOMPARE(pyr.size(), std::size_t(0));
    }

    void outOfOrderTimesAreFlagged() {
        QRandomGenerator rng(3);
        std::vector<SeriesPoint> p;
        grow(p, 1000, rng);
        MinMaxPyramid pyr;
        pyr.sync(p);
        QVERIFY(pyr.sorted());
        p.push_back({p.back().ts - 10, 1.0});
        pyr.sync(p);
        QVERIFY(!pyr.sorted());
        // Extremes do not depend on order: still right.
        QCOMPARE(pyr.extremes(p, 0, p.size()).hi, scan(p, 0, p.size()).hi);
    }

    void fewPointsPassUnchanged() {
        std::vector<SeriesPoint> p{{T0, 1}, {T0 + 5, 9}, {T0 + 9, 3}};
        MinMaxPyramid pyr;
        pyr.sync(p);
        std::vector<SeriesPoint> out;
        pyr.reduce(p, 0, p.size(), T0, T0 + 9, 400, out);
        QCOMPARE(out.size(), p.size());
        QCOMPARE(out[1].value, 9.0);
    }
};

QTEST_APPLESS_MAIN(TestMinMaxPyramid)
#include "tst_minmaxpyramid.moc"
