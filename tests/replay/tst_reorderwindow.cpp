// The replay's reorder window: records come out in time order within the window
// (equal times in arrival order), a record older than what was already released
// is passed on as it is, counted and reported with its line, and a copy (a replay
// checkpoint) holds exactly what the original holds, however many records went
// through before (its released slots are reused or cut off, never copied).
#include "replay/ReorderWindow.h"

#include <QTest>

#include <limits>
#include <random>

using namespace vigil;

namespace {
Record sample(TimestampMs ts, int n) { return MetricSample{ts, "s", "t" + std::to_string(n), double(n)}; }
// (timestamp, n) of each record, to compare sequences.
std::vector<std::pair<TimestampMs, int>> keys(const std::vector<Record>& rs) {
    std::vector<std::pair<TimestampMs, int>> out;
    for (const auto& r : rs) {
        const auto& m = std::get<MetricSample>(r);
        out.emplace_back(m.ts, int(m.value));
    }
    return out;
}
}  // namespace

class TestReorderWindow : public QObject {
    Q_OBJECT
private slots:
    void putsRecordsBackInOrderWithinTheWindow() {
        ReorderWindow w(1000);
        std::vector<Record> ready;
        const TimestampMs times[] = {100, 300, 200, 300, 250, 2000, 1800, 5000};
        int n = 0;
        for (const TimestampMs t : times) {
            w.push(sample(t, n), n + 1, ready);
            ++n;
        }
        // 5000 released everything up to 4000: only it is held.
        QCOMPARE(w.held(), std::size_t(1));
        w.flush(ready);
        const std::vector<std::pair<TimestampMs, int>> want = {{100, 0}, {200, 2}, {250, 4}, {300, 1},
                                                               {300, 3}, {1800, 6}, {2000, 5}, {5000, 7}};
        QCOMPARE(keys(ready), want);  // equal times (300) in arrival order
        QCOMPARE(w.reordered(), std::int64_t(3));  // 200, 250, 1800
        QCOMPARE(w.late(), std::int64_t(0));
        QCOMPARE(w.held(), std::size_t(0));
    }

    void aRecordBeyondTheWindowIsPassedOnAndReported() {
        ReorderWindow w(1000);
        std::vector<Record> ready;
        w.push(sample(1000, 0), 1, ready);
        w.push(sample(5000, 1), 2, ready);  // releases 1000
        w.push(sample(500, 2), 3, ready);   // older than 1000, already released
        QCOMPARE(w.late(), std::int64_t(1));
        QCOMPARE(w.reports().size(), std::size_t(1));
        QCOMPARE(w.reports()[0].line, std::int64_t(3));
        QVERIFY(w.reports()[0].reason.find("beyond the 1000 ms reorder window") != std::string::npos);
        w.flush(ready);
        const std::vector<std::pair<TimestampMs, int>> want = {{1000, 0}, {500, 2}, {5000, 1}};
        QCOMPARE(keys(ready), want);
    }

    // Times far apart (a log with int64 extremes): the report says the exact
    // distance; the signed difference overflowed (fuzz_reorder found it).
    void aLateRecordFarBackIsReportedExactly() {
        ReorderWindow w(1000);
        std::vector<Record> ready;
        const TimestampMs high = std::numeric_limits<TimestampMs>::max() - 5, low = std::numeric_limits<TimestampMs>::min() + 5;
        w.push(sample(high - 2000, 0), 1, ready);
        w.push(sample(high, 1), 2, ready);  // releases high - 2000
        w.push(sample(low, 2), 3, ready);
        QCOMPARE(w.late(), std::int64_t(1));
        const std::string distance = std::to_string(std::uint64_t(high - 2000) - std::uint64_t(low));
        QVERIFY2(w.reports()[0].reason.find(" is " + distance + " ms before") != std::string::npos, w.reports()[0].reason.c_str());
    }

    void manyRecordsThroughAndACopyHoldsTheSame() {
        // More records than the released slots kept (1024) pass through, with a
        // window's worth held and some out of order; at every stage a copy must
        // give the same records as the original from there on.
        ReorderWindow w(50);
        std::vector<Record> ready;
        std::vector<Record> all;
        for (int i = 0; i < 5000; ++i) {
            const TimestampMs t = 10 * i + (i % 7 == 3 ? -25 : 0);  // every 7th a little late
            w.push(sample(t, i), i + 1, ready);
            if (i % 997 == 500) {
                ReorderWindow copy(w);
                ReorderWindow assigned;
                assigned = w;
                QCOMPARE(copy.held(), w.held());
                QCOMPARE(assigned.held(), w.held());
                std::vector<Record> a, b, c;
                ReorderWindow original(w);  // flushing must not disturb w itself
                original.flush(a);
                copy.flush(b);
                assigned.flush(c);
                QCOMPARE(keys(b), keys(a));
                QCOMPARE(keys(c), keys(a));
                QVERIFY(!a.empty());
            }
        }
        w.flush(ready);
        QCOMPARE(ready.size(), std::size_t(5000));
        for (std::size_t i = 1; i < ready.size(); ++i)
            QVERIFY(std::get<MetricSample>(ready[i - 1]).ts <= std::get<MetricSample>(ready[i]).ts);
        QVERIFY(w.reordered() > 0);
        QCOMPARE(w.late(), std::int64_t(0));
    }

    // pushAll (the replay's path: a decoded batch at a time) must do exactly what
    // push() by push() does: the same records out in the same order after every
    // batch, the same counts, reports and held records, on in-order batches (its
    // fast path), batches with records put back or late, equal times and flushes.
    void pushAllIsPushByPush() {
        std::mt19937 rng(12345);
        int fastBatches = 0, slowBatches = 0;
        for (int round = 0; round < 40; ++round) {
            ReorderWindow a(round % 3 == 0 ? 0 : 100), b(a.windowMs());
            std::vector<Record> outA, outB;
            TimestampMs t = 1000;
            int n = 0;
            for (int batch = 0; batch < 30; ++batch) {
                const int size = int(rng() % 200);
                const bool messy = rng() % 4 == 0;  // some records back in time, some far back (late)
                std::vector<Record> in;
                std::vector<std::int64_t> lines;
                for (int k = 0; k < size; ++k) {
                    t += TimestampMs(rng() % 3 == 0 ? 0 : rng() % 20);  // equal times too
                    TimestampMs ts = t;
                    if (messy && rng() % 5 == 0) ts -= TimestampMs(rng() % 400);
                    in.push_back(sample(ts, n));
                    lines.push_back(++n);
                }
                for (std::size_t k = 0; k < in.size(); ++k) a.push(Record(in[k]), lines[k], outA);
                messy ? ++slowBatches : ++fastBatches;  // in order after all before it: the fast path
                b.pushAll(in, lines, outB);
                QCOMPARE(keys(outB), keys(outA));
                QCOMPARE(b.held(), a.held());
                QCOMPARE(b.reordered(), a.reordered());
                QCOMPARE(b.late(), a.late());
                QCOMPARE(b.reports().size(), a.reports().size());
                for (std::size_t k = 0; k < a.reports().size(); ++k) {
                    QCOMPARE(b.reports()[k].line, a.reports()[k].line);
                    QCOMPARE(b.reports()[k].reason, a.reports()[k].reason);
                }
                if (batch % 11 == 10) {  // a flush mid-way (the end of a file), then more
                    a.flush(outA);
                    b.flush(outB);
                    QCOMPARE(keys(outB), keys(outA));
                }
            }
            a.flush(outA);
            b.flush(outB);
            QCOMPARE(keys(outB), keys(outA));
            QCOMPARE(int(outB.size()), n);
        }
        QVERIFY(fastBatches > 0);
        QVERIFY(slowBatches > 0);
    }
};

QTEST_APPLESS_MAIN(TestReorderWindow)
#include "tst_reorderwindow.moc"
