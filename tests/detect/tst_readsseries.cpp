// Stage::readsSeries lets the engine skip a stage for metric samples of series it
// says it does not read (engine/SeriesReaders.h). For every detector that reads
// metric samples, handing it only the samples of series it says it reads must give
// exactly what handing it all of them gives: the same outputs, refusals and
// evictions, on a cascade recording that has every series the simulator makes.
#include "detect/CascadeRecording.h"
#include "detect/events/EventDetectors.h"
#include "detect/metric/MetricDetectionStage.h"
#include "record/NdjsonCodec.h"

#include <QtTest>

#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace vigil;

namespace {

const std::vector<Record>& cascade() { return detecttest::cascadeRecording(); }

std::vector<std::unique_ptr<Stage>> metricReaders() {
    std::vector<std::unique_ptr<Stage>> s;
    s.push_back(std::make_unique<MetricDetectionStage>());
    for (auto& e : makeEventDetectors())
        if (e->reads() & kindBit(RecordKind::Metric)) s.push_back(std::move(e));
    return s;
}

struct Run {
    std::string outputs;
    int refusals = 0;
    std::uint64_t evictions = 0;
    std::int64_t skipped = 0;  // metric samples not handed over
};

Run run(Stage& stage, bool onlyReadSeries) {
    Run r;
    std::vector<Record> out;
    for (const Record& in : cascade()) {
        if (!(stage.reads() & kindBit(kindOf(in)))) continue;
        if (const auto* m = std::get_if<MetricSample>(&in); m && onlyReadSeries && !stage.readsSeries(m->series)) {
            ++r.skipped;
            continue;
        }
        out.clear();
        if (!stage.process(in, out)) ++r.refusals;
        for (const auto& o : out) appendNdjson(r.outputs, o);
    }
    r.evictions = stage.evictions();
    return r;
}

}  // namespace

class TestReadsSeries : public QObject {
    Q_OBJECT
private slots:
    void skippingUnreadSeriesChangesNothing() {
        std::set<std::string> series;
        for (const Record& r : cascade())
            if (const auto* m = std::get_if<MetricSample>(&r)) series.insert(m->series);
        QVERIFY(series.size() >= 8);  // the recording has the fleet's many series
        int narrowed = 0;
        auto all = metricReaders();
        auto only = metricReaders();
        QVERIFY(all.size() >= 5);  // the metric detector and the metric-reading event detectors
        for (std::size_t i = 0; i < all.size(); ++i) {
            const Run a = run(*all[i], false);
            const Run b = run(*only[i], true);
            QVERIFY2(a.outputs == b.outputs, all[i]->name());
            QCOMPARE(b.refusals, a.refusals);
            QCOMPARE(b.evictions, a.evictions);
            if (b.skipped > 0) ++narrowed;
        }
        // Not vacuous: the event detectors watch a few series each and skip the rest,
        // and some of them did find something on this recording.
        QVERIFY(narrowed >= 4);
    }

    // The answers the engine keeps: each detector's own series, and the metric
    // detector reads every series.
    void eachDetectorNamesItsOwnSeries() {
        auto stages = metricReaders();
        auto find = [&](std::string_view name) -> Stage& {
            for (auto& s : stages)
                if (name == s->name()) return *s;
            qFatal("no stage %s", std::string(name).c_str());
        };
        QVERIFY(find("detect.metric").readsSeries("anything.at_all"));
        QVERIFY(find("event.level_shift").readsSeries("rpc.latency_ms"));
        QVERIFY(!find("event.level_shift").readsSeries("gas.price_gwei"));
        QVERIFY(find("event.forecast").readsSeries("worker.queue_depth"));
        QVERIFY(find("event.forecast").readsSeries("worker.queue_capacity"));  // a watch's limit
        QVERIFY(!find("event.forecast").readsSeries("rpc.latency_ms"));
    }
};

QTEST_APPLESS_MAIN(TestReadsSeries)
#include "tst_readsseries.moc"
