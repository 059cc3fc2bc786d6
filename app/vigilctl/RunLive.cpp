#include "vigilctl/RunLive.h"

#include "vigilctl/Commands.h"

#include "audit/AuditChain.h"
#include "audit/AuditSink.h"
#include "common/LiveEngineOptions.h"
#include "common/LearnedModelFollower.h"
#include "common/LiveSources.h"
#include "common/SilenceWiring.h"
#include "common/StoreSink.h"
#include "engine/Pipeline.h"
#include "store/EngineLock.h"
#include "store/StoreWriter.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace vigilctl {
namespace {
std::atomic<int> g_liveSignal{0};
void onLiveSignal(int sig) { g_liveSignal = sig; }

void printStatus(double elapsed, vigil::Engine& engine, const vigil::app::LiveSources& sources, double rate) {
    engine.requestSnapshot();
    std::int64_t anomalies = 0, incidents = 0;
    if (auto s = engine.latestSnapshot()) {
        anomalies = s->counters.outputsPerKind[int(vigil::RecordKind::Anomaly)];
        incidents = std::int64_t(s->incidents.size());
    }
    std::string ingest;
    if (const auto* in = sources.ingest()) {
        const auto c = in->stats().counts();
        ingest = " ingest: tcp=" + std::to_string(c.records[0]) + " http=" + std::to_string(c.records[1]) +
                 " otlp=" + std::to_string(c.records[2]) + " malformed=" + std::to_string(c.malformed) +
                 " refused=" + std::to_string(c.authFailures + c.bodyTooLarge + c.badRequests + c.idleDrops + c.connectionsRefused);
    }
    std::printf("t=%5.0fs records=%lld (%.0f/s) queue=%zu/%zu anomalies=%lld incidents=%lld%s\n", elapsed,
                static_cast<long long>(engine.recordsProcessed()), rate, engine.queueDepth(), engine.queueCapacity(),
                static_cast<long long>(anomalies), static_cast<long long>(incidents), ingest.c_str());
    std::fflush(stdout);
}
}  // namespace

int runLive(const std::string& configFile, double duration, const QString& db) {
    auto load = vigil::collect::loadCollectConfig(configFile);
    if (!load.errors.empty()) {
        for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", vigil::collect::formatConfigError(configFile, e).c_str());
        return kUsage;
    }
    auto lock = vigil::store::EngineLock::acquire(db.toStdString());  // one engine per database
    if (!lock) return usageError(QString::fromStdString(lock.error()));
    auto store = vigil::audit::openAuditedWriter(db.toStdString());
    if (!store) return usageError(QString::fromStdString(store.error()));

    vigil::SystemClock clock;  // live records carry wall-clock time
    vigil::Engine engine(clock, vigil::app::liveEngineOptions());
    vigil::app::StoreSilences silences(db.toStdString());  // vigilctl silence, from any process
    vigil::PipelineConfig pipeline;
    pipeline.silences = silences.wiring();
    vigil::app::LearnedModelFollower learned(db.toStdString(), nullptr);  // cuts only: nothing is healed here
    if (!learned.pollOnce()) std::fprintf(stderr, "vigil: learned model: %s\n", learned.lastError().c_str());
    learned.start();
    pipeline.correlate.learnedCuts = learned.board();
    vigil::installDefaultStages(engine, pipeline);
    vigil::app::addStoreSink(engine, *store.value());
    engine.addSink(vigil::audit::auditSink(*store.value()));
    engine.start();

    int rc = kOk;
    {
        vigil::app::LiveSources sources(std::move(load.config), engine, clock);
        if (auto why = sources.start(); !why.empty()) {
            std::fprintf(stderr, "vigilctl: run: %s: cannot start: %s (nothing was started)\n", configFile.c_str(), why.c_str());
            engine.stop();
            store.value()->close();
            return kFailed;
        }
        std::signal(SIGINT, onLiveSignal);
        std::signal(SIGTERM, onLiveSignal);
        std::printf("vigil: live sources from %s → %s\n", configFile.c_str(), qPrintable(db));
        for (const auto& line : sources.describe()) std::printf("vigil: %s\n", line.c_str());
        std::fflush(stdout);

        const auto t0 = std::chrono::steady_clock::now();
        auto lastPrint = t0;
        std::int64_t lastCount = 0;
        while (!g_liveSignal) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            const auto now = std::chrono::steady_clock::now();
            const double elapsed = std::chrono::duration<double>(now - t0).count();
            const bool done = duration > 0 && elapsed >= duration;
            if (now - lastPrint >= std::chrono::seconds(5) || done) {
                const std::int64_t n = engine.recordsProcessed();
                printStatus(elapsed, engine, sources, double(n - lastCount) / std::chrono::duration<double>(now - lastPrint).count());
                lastPrint = now;
                lastCount = n;
            }
            if (done) break;
        }
        sources.stop();  // sources first, then the engine drains what they handed over
        if (const auto* in = sources.ingest())
            for (const auto& e : in->stats().errors()) std::fprintf(stderr, "vigil: ingest: %s\n", e.c_str());
        const auto snap = engine.snapshotNow();
        const int sig = g_liveSignal;
        std::printf("stopped (%s): %lld records, anomalies=%lld, incidents=%zu\n",
                    sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : "duration reached",
                    static_cast<long long>(engine.recordsProcessed()),
                    static_cast<long long>(snap->counters.outputsPerKind[int(vigil::RecordKind::Anomaly)]), snap->incidents.size());
    }
    engine.stop();
    store.value()->close();
    const auto st = store.value()->stats();
    std::printf("stored %lld records in %s (%lld write failures)\n", static_cast<long long>(st.recordsWritten()),
                qPrintable(db), static_cast<long long>(st.rowsFailed));
    for (const auto& e : st.errors) std::fprintf(stderr, "vigil: %s\n", e.c_str());
    if (st.rowsFailed != 0) rc = kFailed;
    return rc;
}

}  // namespace vigilctl
