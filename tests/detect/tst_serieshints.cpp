// The stages that keep per-series state by a sample's hint (record/SeriesHintCache.h:
// metric, level shift, forecast) must emit exactly what they emit without hints,
// whatever the hints do: one numbering throughout, numberings switching mid-way,
// samples without a hint among hinted ones, copies (replay checkpoints) taking over,
// and tables small enough that entries are evicted all the time. Under ASan this
// also shows a hint left pointing at an evicted entry.
#include "detect/CascadeRecording.h"
#include "detect/events/LevelShiftDetector.h"
#include "detect/forecast/ForecastBreachDetector.h"
#include "detect/metric/MetricDetectionStage.h"
#include "record/NdjsonCodec.h"
#include "record/SeriesInterner.h"

#include <QtTest>

#include <memory>
#include <string>
#include <vector>

using namespace vigil;

namespace {

// The three stages, with key tables of `cap` entries (0: their defaults).
std::vector<std::unique_ptr<Stage>> makeStages(std::size_t cap) {
    std::vector<std::unique_ptr<Stage>> s;
    s.push_back(std::make_unique<MetricDetectionStage>(metric::DetectorConfig{}, cap ? cap : 20'000));
    events::LevelShiftConfig ls;
    if (cap) ls.maxKeys = cap;
    s.push_back(std::make_unique<events::LevelShiftDetector>(ls));
    forecast::ForecastConfig fc;
    if (cap) fc.maxKeys = cap;
    s.push_back(std::make_unique<forecast::ForecastBreachDetector>(fc));
    return s;
}

const std::vector<Record>& cascade() { return detecttest::cascadeRecording(); }

enum class Hints { None, One, Adversarial };

struct Run {
    std::string outputs;  // every stage's outputs as NDJSON, in order
    std::uint64_t evictions = 0;
    int refusals = 0;
};

Run run(std::size_t cap, Hints mode) {
    auto stages = makeStages(cap);
    SeriesInterner a, b;
    Run r;
    std::vector<Record> out;
    const auto& recs = cascade();
    for (std::size_t i = 0; i < recs.size(); ++i) {
        Record in = recs[i];
        if (auto* m = std::get_if<MetricSample>(&in); m && mode != Hints::None) {
            // Adversarial: numbering a, then b, then a again; every 7th sample bare.
            const bool second = mode == Hints::Adversarial && i >= recs.size() / 3 && i < 2 * recs.size() / 3;
            (second ? b : a).intern(*m);
            if (mode == Hints::Adversarial && i % 7 == 0) m->hint = {};
        }
        if (mode == Hints::Adversarial && (i == recs.size() / 2 || i == 3 * recs.size() / 4))
            for (auto& s : stages) s = s->clone();  // a checkpoint takes over
        for (auto& s : stages) {
            out.clear();
            if (!s->process(in, out)) ++r.refusals;
            for (const auto& o : out) appendNdjson(r.outputs, o);
        }
    }
    for (const auto& s : stages) r.evictions += s->evictions();
    return r;
}

}  // namespace

class TestSeriesHints : public QObject {
    Q_OBJECT
private slots:
    void theSameOutputsWithAndWithoutHints_data() {
        QTest::addColumn<int>("cap");
        QTest::newRow("default tables") << 0;
        QTest::newRow("tables of 5, evicting") << 5;
        QTest::newRow("tables of 1") << 1;
    }
    void theSameOutputsWithAndWithoutHints() {
        QFETCH(int, cap);
        const Run plain = run(std::size_t(cap), Hints::None);
        if (cap) QVERIFY(plain.evictions > 0);  // entries come and go
        else QVERIFY(!plain.outputs.empty());   // something to compare: anomalies were found
        const Run one = run(std::size_t(cap), Hints::One);
        QCOMPARE(one.evictions, plain.evictions);
        QCOMPARE(one.refusals, plain.refusals);
        QVERIFY(one.outputs == plain.outputs);
        const Run adversarial = run(std::size_t(cap), Hints::Adversarial);
        QCOMPARE(adversarial.evictions, plain.evictions);
        QCOMPARE(adversarial.refusals, plain.refusals);
        QVERIFY(adversarial.outputs == plain.outputs);
    }
};

QTEST_APPLESS_MAIN(TestSeriesHints)
#include "tst_serieshints.moc"
