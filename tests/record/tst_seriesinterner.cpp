// SeriesInterner numbers (series, target) pairs densely and for good, each interner
// under its own table; SeriesHintCache finds what was remembered only under the same
// table, forgets on request and starts empty when copied.
#include "record/NdjsonCodec.h"
#include "record/SeriesHintCache.h"
#include "record/SeriesInterner.h"

#include <QtTest>

#include <map>
#include <set>
#include <string>

using namespace vigil;

namespace {
MetricSample sample(std::string series, std::string target) {
    MetricSample m;
    m.ts = 1000;
    m.series = std::move(series);
    m.target = std::move(target);
    m.value = 1;
    return m;
}
}  // namespace

class TestSeriesInterner : public QObject {
    Q_OBJECT
private slots:
    void numbersPairsDenselyAndForGood() {
        SeriesInterner in;
        QVERIFY(in.table() != 0);
        std::set<std::uint32_t> ids;
        for (int round = 0; round < 3; ++round)
            for (int s = 0; s < 4; ++s)
                for (int t = 0; t < 5; ++t) {
                    MetricSample m = sample("s" + std::to_string(s), "t" + std::to_string(t));
                    in.intern(m);
                    QCOMPARE(m.hint.table, in.table());
                    QCOMPARE(m.hint.id, std::uint32_t(s * 5 + t));  // first seen in this order
                    ids.insert(m.hint.id);
                }
        QCOMPARE(ids.size(), std::size_t(20));
        QCOMPARE(in.size(), std::size_t(20));
    }

    void theSeparatorKeepsPairsApart() {
        // "a.b" on "c" and "a" on "b.c": joined naively they could meet; they must not.
        SeriesInterner in;
        MetricSample x = sample("ab", "c"), y = sample("a", "bc"), z = sample("ab", "c");
        in.intern(x);
        in.intern(y);
        in.intern(z);
        QVERIFY(x.hint.id != y.hint.id);
        QCOMPARE(x.hint.id, z.hint.id);
    }

    void manyPairsOfEveryLengthKeepTheirNumbers() {
        // Names of every length the hash treats apart (0..40 bytes: byte, 4-byte and
        // 8-byte loads), and enough pairs that the table grows many times.
        SeriesInterner in;
        std::vector<std::pair<std::string, std::string>> pairs;
        for (int n = 0; n <= 40; ++n)
            for (int k = 0; k < 60; ++k) {
                std::string s(std::size_t(n), 'a');
                for (int i = 0; i < n; ++i) s[std::size_t(i)] = char('a' + (i * 7 + k) % 26);
                pairs.emplace_back(s, "t" + std::to_string(k % 7));
                pairs.emplace_back("series", s + "#" + std::to_string(k));
            }
        std::set<std::pair<std::string, std::string>> distinct(pairs.begin(), pairs.end());
        std::map<std::pair<std::string, std::string>, std::uint32_t> first;
        for (int round = 0; round < 2; ++round)
            for (const auto& [s, t] : pairs) {
                MetricSample m = sample(s, t);
                in.intern(m);
                QCOMPARE(m.hint.table, in.table());
                const auto [it, added] = first.emplace(std::pair(s, t), m.hint.id);
                QCOMPARE(m.hint.id, it->second);                                  // the same pair, the same number
                if (added) QCOMPARE(m.hint.id, std::uint32_t(first.size() - 1));  // dense, in order
            }
        QCOMPARE(in.size(), distinct.size());
    }

    void thePairHashKeepsTheNamesApart() {
        QCOMPARE(SeriesInterner::hashPair("rpc.latency_ms", "rpc:eth-main-a"),
                 SeriesInterner::hashPair(std::string("rpc.latency_ms"), std::string("rpc:eth-main-a")));
        QVERIFY(SeriesInterner::hashPair("ab", "c") != SeriesInterner::hashPair("a", "bc"));
        QVERIFY(SeriesInterner::hashPair("", "abc") != SeriesInterner::hashPair("abc", ""));
        QVERIFY(SeriesInterner::hashPair("rpc.latency_ms", "rpc:eth-main-a") !=
                SeriesInterner::hashPair("rpc.latency_ms", "rpc:eth-main-b"));
    }

    void everyInternerHasItsOwnTable() {
        SeriesInterner a, b;
        QVERIFY(a.table() != b.table());
        MetricSample m = sample("s", "t"), n = sample("s", "t");
        a.intern(m);
        b.intern(n);
        QCOMPARE(m.hint.id, n.hint.id);         // both the first pair ...
        QVERIFY(m.hint.table != n.hint.table);  // ... of different numberings
    }

    void pastItsBoundNewPairsGetNoHint() {
        SeriesInterner in(3);
        for (int t = 0; t < 3; ++t) {
            MetricSample m = sample("s", std::to_string(t));
            in.intern(m);
            QCOMPARE(m.hint.table, in.table());
        }
        MetricSample late = sample("s", "3");
        late.hint = {in.table(), 99};  // whatever it held is cleared
        in.intern(late);
        QCOMPARE(late.hint.table, std::uint32_t(0));
        MetricSample old = sample("s", "1");
        in.intern(old);  // known pairs keep their number
        QCOMPARE(old.hint.table, in.table());
        QCOMPARE(old.hint.id, std::uint32_t(1));
        QCOMPARE(in.size(), std::size_t(3));
    }

    void internAllTouchesOnlyMetricSamples() {
        SeriesInterner in;
        std::vector<Record> batch{sample("a", "x"), LogLine{5, "agent-01", LogLevel::Info, "hello"}, sample("b", "x")};
        in.internAll(batch);
        QCOMPARE(std::get<MetricSample>(batch[0]).hint.id, std::uint32_t(0));
        QCOMPARE(std::get<MetricSample>(batch[2]).hint.id, std::uint32_t(1));
        QCOMPARE(std::get<LogLine>(batch[1]).message, std::string("hello"));
    }

    void aHintIsNotPartOfTheSamplesValue() {
        SeriesInterner in;
        MetricSample m = sample("rpc.latency_ms", "rpc:eth-main-a");
        in.intern(m);
        QVERIFY(m.hint.table != 0);
        std::string line;
        appendNdjson(line, Record{m});
        QVERIFY(line.find("hint") == std::string::npos);  // never written
        Record back;
        std::string error;
        NdjsonDecoder dec;
        QVERIFY2(dec.decodeCopy(std::string_view(line).substr(0, line.size() - 1), back, error), error.c_str());
        QCOMPARE(std::get<MetricSample>(back).hint.table, std::uint32_t(0));
        QVERIFY(Record{m} == back);  // equal all the same
    }

    void theCacheFindsOnlyUnderItsTable() {
        int a = 1, b = 2;
        SeriesHintCache<int> c;
        QVERIFY(!c.find({}));
        c.remember({}, &a);  // no hint: nothing remembered
        QVERIFY(!c.find({}));
        c.remember({7, 3}, &a);
        QCOMPARE(c.find({7, 3}), &a);
        QVERIFY(!c.find({7, 2}));
        QVERIFY(!c.find({7, 300}));
        QVERIFY(!c.find({8, 3}));
        c.remember({8, 1}, &b);  // another table: the first one's slots are gone
        QVERIFY(!c.find({7, 3}));
        QCOMPARE(c.find({8, 1}), &b);
        c.forget({7, 1});  // a hint of another table forgets nothing
        QCOMPARE(c.find({8, 1}), &b);
        c.forget({8, 1});
        QVERIFY(!c.find({8, 1}));
    }

    void aCopiedCacheStartsEmptyAMovedOneKeepsItsSlots() {
        int a = 1;
        SeriesHintCache<int> c;
        c.remember({5, 0}, &a);
        SeriesHintCache<int> copy(c);
        QVERIFY(!copy.find({5, 0}));
        SeriesHintCache<int> assigned;
        assigned.remember({5, 0}, &a);
        assigned = c;
        QVERIFY(!assigned.find({5, 0}));
        QCOMPARE(c.find({5, 0}), &a);
        SeriesHintCache<int> moved(std::move(c));
        QCOMPARE(moved.find({5, 0}), &a);
        QVERIFY(!c.find({5, 0}));  // NOLINT(bugprone-use-after-move): left empty on purpose
    }
};

QTEST_APPLESS_MAIN(TestSeriesInterner)
#include "tst_seriesinterner.moc"
