// The console's recording of its live input (File → Record): a simulated
// cascade fed second by second into an engine with the recording tap, the
// recording stopped and replayed headless: every recorded line decodes, the
// count is what the engine took, and the replay opens exactly the incidents the
// "live" engine opened. A recording into a file that cannot be created, or onto
// a full disk (/dev/full), stops with the reason naming the file while the
// engine goes on.
#include "ReplayTestSupport.h"

#include "engine/Pipeline.h"
#include "replay/InputRecorder.h"
#include "replay/LogFileReader.h"
#include "replay/ReplayController.h"

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace vigil;

namespace {
// The cascade in one-second batches, as a live source hands them over.
std::vector<std::vector<Record>> cascadeBatches(std::int64_t seconds) {
    ScenarioSpec spec{"cascade", seconds, false};
    FleetSimulator sim(spec, 7);
    std::vector<std::vector<Record>> out;
    for (std::int64_t s = 1; s <= seconds; ++s) {
        std::vector<Record> b;
        sim.advance(sim.start() + s * 1000, b);
        if (!b.empty()) out.push_back(std::move(b));
    }
    return out;
}
}  // namespace

class TestInputRecorder : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void recordingReplaysToTheSameIncidents() {
        const std::string path = dir_.filePath(QStringLiteral("live.ndjson.gz")).toStdString();
        VirtualClock clock;  // engine time follows the records, as in a replay
        Engine engine(clock);
        installDefaultStages(engine);
        RecordingTap tap;
        engine.addSink(tap.sink());
        std::set<std::string> liveIncidents;
        std::mutex mu;
        engine.addSink([&](const std::vector<Record>&, const std::vector<Record>& out) {
            std::lock_guard lk(mu);
            for (const Record& r : out)
                if (const auto* i = std::get_if<Incident>(&r)) liveIncidents.insert(i->id);
        });
        std::string error;
        std::shared_ptr<InputRecorder> rec = InputRecorder::start(path, error);
        QVERIFY2(rec, error.c_str());
        tap.setRecorder(rec);
        engine.start();
        for (auto& b : cascadeBatches(900)) QVERIFY(engine.submit(std::move(b)));
        engine.stop();
        tap.setRecorder(nullptr);
        const RecorderStats st = rec->finish();
        QVERIFY2(st.error.empty(), st.error.c_str());
        QCOMPARE(st.dropped, std::int64_t(0));
        QCOMPARE(st.taken, engine.recordsProcessed());
        QCOMPARE(st.written, st.taken);
        QVERIFY(!liveIncidents.empty());

        LogFileReader reader;
        QVERIFY(reader.open(path));
        std::vector<Record> all, batch;
        for (bool more = true; more;) {
            more = reader.readBatch(batch, 4096);
            all.insert(all.end(), batch.begin(), batch.end());
            batch.clear();
        }
        QVERIFY2(reader.error().empty(), reader.error().c_str());
        QCOMPARE(reader.stats().malformed, std::int64_t(0));
        QCOMPARE(std::int64_t(all.size()), st.taken);

        ReplayController replay;  // default stages, as the engine above
        QVERIFY(replay.open(path, error));
        replay.play();
        replay.waitIdle();
        std::set<std::string> replayed;
        for (const auto& [id, inc] : replay.outputs().incidents) replayed.insert(id);
        QVERIFY(replayed == liveIncidents);
    }

    void anUncreatableFileIsRefusedNamingIt() {
        const std::string path = dir_.filePath(QStringLiteral("no/such/dir/x.ndjson.gz")).toStdString();
        std::string error;
        QVERIFY(!InputRecorder::start(path, error));
        QVERIFY2(error.rfind(path + ": cannot create", 0) == 0, error.c_str());
    }

    void aFullDiskStopsTheRecordingNamingTheFile() {
        if (!QFile::exists(QStringLiteral("/dev/full"))) QFAIL("/dev/full is needed to simulate a full disk");
        std::string error;
        auto rec = InputRecorder::start("/dev/full", error, 1 << 20);
        QVERIFY2(rec, error.c_str());
        const auto batches = cascadeBatches(120);
        for (const auto& b : batches) rec->add(b);
        QTRY_VERIFY_WITH_TIMEOUT(rec->failed(), 10000);
        for (const auto& b : batches) rec->add(b);  // after the failure: dropped, counted
        const RecorderStats st = rec->finish();
        QVERIFY2(st.error.rfind("/dev/full: write failed: ", 0) == 0, st.error.c_str());
        QVERIFY(st.dropped > 0);
        QCOMPARE(st.written + st.dropped, st.taken);
    }
};

QTEST_GUILESS_MAIN(TestInputRecorder)
#include "tst_inputrecorder.moc"
