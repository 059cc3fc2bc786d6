// SeriesReaders (engine/SeriesReaders.h): the metric readers of a sample's series,
// asked once per hinted pair and kept; samples without a hint go to all of them.
// And the engine handing metric samples only to the stages that read their series.
#include "engine/Engine.h"
#include "engine/SeriesReaders.h"
#include "record/SeriesInterner.h"

#include <QtTest>

#include <memory>
#include <string>
#include <vector>

using namespace vigil;

namespace {
MetricSample sample(std::string series, std::string target) {
    return MetricSample{1000, std::move(series), std::move(target), 1.0};
}

// Logs the metric samples it is handed ("<name> got <series>"); reads one series, or
// every series when `series` is empty, and counts the questions.
class SeriesLog final : public Stage {
public:
    SeriesLog(std::string name, std::string series, std::shared_ptr<std::vector<std::string>> log)
        : name_(std::move(name)), series_(std::move(series)), log_(std::move(log)) {}
    bool process(const Record& in, std::vector<Record>&) override {
        if (const auto* m = std::get_if<MetricSample>(&in)) log_->push_back(name_ + " got " + m->series);
        return true;
    }
    const char* name() const override { return name_.c_str(); }
    std::uint32_t reads() const override { return kindBit(RecordKind::Metric); }
    bool readsSeries(std::string_view series) const override {
        ++asked;
        return series_.empty() || series == series_;
    }
    mutable int asked = 0;

private:
    std::string name_, series_;
    std::shared_ptr<std::vector<std::string>> log_;
};
}  // namespace

class TestSeriesReaders : public QObject {
    Q_OBJECT
private slots:
    void asksOncePerPairAndSharesTheAnswers() {
        SeriesReaders r;
        r.setAll({1, 3, 4});
        int asked = 0;
        // Stage 3 reads "a" only; 1 and 4 read everything.
        const SeriesReaders::Ask ask = [&](std::uint16_t stage, std::string_view series) {
            ++asked;
            return stage != 3 || series == "a";
        };
        SeriesInterner in;
        auto a1 = sample("a", "t1"), a2 = sample("a", "t2"), b1 = sample("b", "t1");
        in.intern(a1);
        in.intern(a2);
        in.intern(b1);
        QCOMPARE(r.of(a1, ask), (std::vector<std::uint16_t>{1, 3, 4}));
        QCOMPARE(r.of(b1, ask), (std::vector<std::uint16_t>{1, 4}));
        QCOMPARE(r.of(a2, ask), (std::vector<std::uint16_t>{1, 3, 4}));
        QCOMPARE(asked, 9);  // three stages for each of three pairs
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(r.of(a1, ask).size(), std::size_t(3));
            QCOMPARE(r.of(b1, ask).size(), std::size_t(2));
        }
        QCOMPARE(asked, 9);                           // kept, not asked again
        QCOMPARE(r.distinctLists(), std::size_t(2));  // a1 and a2 share one answer
    }

    void withoutAHintEveryReader() {
        SeriesReaders r;
        r.setAll({0, 2});
        int asked = 0;
        const SeriesReaders::Ask ask = [&](std::uint16_t, std::string_view) {
            ++asked;
            return false;
        };
        const auto bare = sample("b", "t");
        QCOMPARE(r.of(bare, ask), (std::vector<std::uint16_t>{0, 2}));
        QCOMPARE(asked, 0);
    }

    // Another numbering's numbers mean other pairs; setAll (stages added, a
    // checkpoint restored) forgets every answer.
    void anotherNumberingOrNewStagesAskAgain() {
        SeriesReaders r;
        r.setAll({7});
        int asked = 0;
        const SeriesReaders::Ask ask = [&](std::uint16_t, std::string_view series) {
            ++asked;
            return series == "a";
        };
        SeriesInterner one, two;
        auto a = sample("a", "t"), b = sample("b", "t");
        one.intern(a);  // number 0 in `one`
        two.intern(b);  // number 0 in `two`
        QCOMPARE(r.of(a, ask).size(), std::size_t(1));
        QCOMPARE(r.of(b, ask).size(), std::size_t(0));  // the same number, another table
        QCOMPARE(asked, 2);
        r.setAll({7, 8});
        QCOMPARE(r.of(b, ask).size(), std::size_t(0));
        QCOMPARE(asked, 4);
        QCOMPARE(r.all(), (std::vector<std::uint16_t>{7, 8}));
    }

    // In the engine: a stage that reads one series is handed the hinted samples of
    // that series only (asked once per pair, not per sample), and every sample without
    // a hint, which it checks itself; a stage that reads every series gets them all.
    void metricSamplesGoOnlyToTheReadersOfTheirSeries() {
        VirtualClock clock;
        EngineOptions o;
        o.tickIntervalMs = 1'000'000'000;
        Engine engine(clock, o);
        auto log = std::make_shared<std::vector<std::string>>();
        auto narrow = std::make_unique<SeriesLog>("s", "s", log);
        SeriesLog* const n = narrow.get();
        engine.addStage(std::move(narrow));
        engine.addStage(std::make_unique<SeriesLog>("all", "", log));
        SeriesInterner interner;
        std::vector<Record> batch;
        for (int i = 0; i < 4; ++i)
            for (const char* series : {"s", "u"}) {
                MetricSample m{1000 + i, series, "t", 1.0};
                interner.intern(m);
                batch.emplace_back(std::move(m));
            }
        batch.emplace_back(MetricSample{2000, "u", "t", 1.0});  // no hint
        engine.start();
        QVERIFY(engine.submit(std::move(batch)));
        engine.drain();
        std::vector<std::string> want;
        for (int i = 0; i < 4; ++i) want.insert(want.end(), {"s got s", "all got s", "all got u"});
        want.insert(want.end(), {"s got u", "all got u"});
        QCOMPARE(*log, want);
        QCOMPARE(n->asked, 2);  // once for each pair
        engine.stop();
    }
};

QTEST_APPLESS_MAIN(TestSeriesReaders)
#include "tst_seriesreaders.moc"
