// Headless replay end to end (read, parse, reorder, detect, correlate, plan)
// through ReplayController, as fast as possible: records/s, checkpoints and
// seek cost, peak RSS. Not a Google Benchmark (one long run is the point):
//   build/tests/bench/bench_replay LOG [SEEKS [CHECKPOINT_MB]]
// With VIGIL_BENCH_REPLAY_NO_STAGES=1 the engine has no stages: the replay's own cost.
// VIGIL_BENCH_BATCH=N and VIGIL_BENCH_QUEUE=N set the batch size (records) and the
// engine's queue (batches) instead of ReplayControllerOptions' defaults, and
// VIGIL_BENCH_MAX_CHECKPOINTS=N the checkpoints kept (fewer are taken on long logs).
// Figures go to docs/performance.md ("Replay in the console").
#include "common/ReplayPipeline.h"
#include "replay/ReplayController.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace {
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
long peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_replay LOG [SEEKS [CHECKPOINT_MB]]\n");
        return 2;
    }
    const int seeks = argc > 2 ? std::atoi(argv[2]) : 0;
    std::string error;
    auto pipeline = vigil::app::ReplayPipeline::create({}, error);
    if (!pipeline) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }
    // VIGIL_BENCH_REPLAY_NO_STAGES=1: an engine with no stages, to measure what the
    // replay itself costs (read, parse, reorder, batches, checkpoints of the rest).
    const bool stagesOff = std::getenv("VIGIL_BENCH_REPLAY_NO_STAGES") != nullptr;
    vigil::ReplayControllerOptions opts;
    // Headless, as vigilctl replay: no charts, so no chart points kept (or copied into checkpoints).
    opts.engine.snapshot.seriesCapacity = 0;
    if (argc > 3) opts.checkpointBytes = std::size_t(std::atof(argv[3]) * 1048576.0);
    if (const char* b = std::getenv("VIGIL_BENCH_BATCH")) opts.batchRecords = std::size_t(std::atoi(b));
    if (const char* q = std::getenv("VIGIL_BENCH_QUEUE")) opts.engine.queueCapacity = std::size_t(std::atoi(q));
    if (const char* c = std::getenv("VIGIL_BENCH_MAX_CHECKPOINTS")) opts.maxCheckpoints = std::size_t(std::atoi(c));
    vigil::ReplayController replay(stagesOff ? std::function<void(vigil::Engine&)>([](vigil::Engine&) {}) : pipeline->installer(), opts);
    if (!replay.open(argv[1], error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpuSeconds();
    replay.play();
    replay.waitIdle();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = cpuSeconds() - c0;
    const auto p = replay.progress();
    const auto out = replay.outputs();
    std::printf("replayed %s: %lld records in %.2f s wall (%.0f records/s), %.2f s CPU (%.0f records per CPU-s); "
                "malformed=%lld late=%lld anomalies=%lld incidents=%lld actions=%lld checkpoints=%lld (%.1f MB); "
                "outputs digest %016llx; peak RSS %ld MB\n",
                argv[1], (long long)p.records, wall, double(p.records) / wall, cpu, double(p.records) / cpu,
                (long long)p.malformed, (long long)p.late, (long long)p.anomalies, (long long)p.incidents,
                (long long)p.actions, (long long)p.checkpoints, double(p.checkpointBytes) / 1048576.0,
                (unsigned long long)out.digest, peakRssMb());
    // Seeks to spread-out times (a fixed sequence): each from the nearest checkpoint.
    if (seeks > 0 && p.last > p.first) {
        std::srand(1);
        double total = 0, worst = 0;
        for (int i = 0; i < seeks; ++i) {
            const auto target = p.first + vigil::TimestampMs(double(std::rand()) / RAND_MAX * double(p.last - p.first));
            const auto s0 = std::chrono::steady_clock::now();
            replay.seek(target);
            replay.waitIdle();
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
            total += s;
            worst = std::max(worst, s);
        }
        std::printf("%d seeks: mean %.3f s, worst %.3f s; peak RSS %ld MB\n", seeks, total / seeks, worst, peakRssMb());
    }
    return 0;
}
