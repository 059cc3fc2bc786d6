// The GUI event loop's worst stall while the engine takes 100 k records/s
// (issue #10's goal: <= 50 ms). Runs the console's real MainWindow and
// EngineBridge (offscreen platform, raster) over an engine with the default
// stages on its own thread; a feeder thread submits generated metric samples at
// --rate records/s (batches every 10 ms, stamped with the wall time); a 1 ms
// precise QTimer on the GUI thread records how late each tick came. Prints the
// lateness p50/p99/max, the records taken and refused, and the load average.
// Not a Google Benchmark: one long run. Usage:
//   bench_guistall [--seconds 20] [--rate 100000] [--targets 8]
#include "StallMeasures.h"
#include "engine/Engine.h"
#include "engine/Pipeline.h"
#include "record/Clock.h"
#include "ui/EngineBridge.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <numeric>
#include <thread>
#include <vector>

using stall::loadAverage;
using stall::percentile;
using stall::threadCpuMs;

namespace {

const char* const kSeries[] = {"rpc.latency_ms",     "rpc.error_rate", "gas.price_gwei",
                               "worker.queue_depth", "tx.pending",     "net.latency_ms"};

double arg(int argc, char** argv, const char* name, double fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return std::atof(argv[i + 1]);
    return fallback;
}

// Submits `rate` samples a second over `targets` targets of each charted series
// until stopped: every 10 ms a batch with the wall time as its timestamp. The
// values wander, with a rare burst, so detectors and the correlator have work.
class Feeder {
public:
    Feeder(vigil::Engine& engine, const vigil::Clock& clock, double rate, int targets)
        : engine_(engine), clock_(clock), perBatch_(std::max(1, int(rate / 100))), targets_(targets) {}
    void start() {
        thread_ = std::thread([this] { run(); });
    }
    void stop() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    std::int64_t submitted() const { return submitted_; }
    std::int64_t refused() const { return refused_; }

private:
    void run() {
        std::uint64_t x = 88172645463325252ULL;
        auto next = [&x] {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            return x;
        };
        auto due = std::chrono::steady_clock::now();
        std::int64_t k = 0;
        while (!stop_) {
            std::vector<vigil::Record> batch;
            batch.reserve(std::size_t(perBatch_));
            const vigil::TimestampMs now = clock_.now();
            for (int i = 0; i < perBatch_; ++i, ++k) {
                const int s = int(k % 6);
                const int t = int((k / 6) % targets_);
                const double base = 10.0 * (s + 1) + t;
                const double burst = (k / 600'000) % 7 == 3 && t == 1 ? 8.0 : 1.0;  // a fault now and then
                batch.emplace_back(vigil::MetricSample{now, kSeries[s], "node-" + std::to_string(t),
                                                       base * burst + double(next() % 100) / 50.0});
            }
            // trySubmit: a full queue is counted, never waited for (the feeder keeps its pace).
            if (engine_.trySubmit(batch)) submitted_ += perBatch_;
            else refused_ += perBatch_;
            due += std::chrono::milliseconds(10);
            std::this_thread::sleep_until(due);
        }
    }

    vigil::Engine& engine_;
    const vigil::Clock& clock_;
    int perBatch_, targets_;
    std::atomic<bool> stop_{false};
    std::atomic<std::int64_t> submitted_{0}, refused_{0};
    std::thread thread_;
};

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const double seconds = arg(argc, argv, "--seconds", 20);
    const double rate = arg(argc, argv, "--rate", 100'000);
    const int targets = int(arg(argc, argv, "--targets", 8));

    vigil::SystemClock clock;
    vigil::Engine engine(clock);
    vigil::installDefaultStages(engine);
    engine.start();
    vigil::ui::EngineBridge bridge(engine);
    vigil::ui::MainWindow window(&bridge);
    window.resize(1600, 1000);
    window.show();
    bridge.start();

    int snapshots = 0;
    QObject::connect(&bridge, &vigil::ui::EngineBridge::snapshotReady, [&snapshots] { ++snapshots; });

    Feeder feeder(engine, clock, rate, targets);
    feeder.start();

    // The event loop's heartbeat: how late each 1 ms tick fires. The first second
    // (window layout, first charts) is left out.
    std::vector<double> lateMs;
    // The GUI thread's own CPU time between two ticks: the longest piece of work
    // done without returning to the event loop, whatever the machine's load (the
    // wall lateness adds the time other processes held the cores).
    std::vector<double> busyMs;
    double cpuBefore = threadCpuMs();
    QElapsedTimer since;
    QElapsedTimer run;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const double gap = double(since.nsecsElapsed()) / 1e6;
        since.restart();
        const double cpu = threadCpuMs();
        if (run.elapsed() >= 1000) {
            lateMs.push_back(std::max(0.0, gap - 1.0));
            busyMs.push_back(cpu - cpuBefore);
        }
        cpuBefore = cpu;
        if (run.elapsed() >= qint64((seconds + 1) * 1000)) app.quit();
    });
    run.start();
    since.start();
    tick.start();
    const std::string loadBefore = loadAverage();
    app.exec();

    feeder.stop();
    bridge.stop();
    engine.stop();
    const double secs = seconds;
    std::printf("GUI event loop under %.0f records/s offered for %.0f s (%d targets x 6 series, default stages)\n",
                rate, secs, targets);
    std::printf("ticks: %zu  lateness p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", lateMs.size(), percentile(lateMs, 0.50),
                percentile(lateMs, 0.99), lateMs.empty() ? 0.0 : *std::max_element(lateMs.begin(), lateMs.end()));
    std::printf("GUI thread CPU between ticks: p50 %.2f ms  p99 %.2f ms  max %.2f ms  (total %.1f s)\n",
                percentile(busyMs, 0.50), percentile(busyMs, 0.99),
                busyMs.empty() ? 0.0 : *std::max_element(busyMs.begin(), busyMs.end()),
                std::accumulate(busyMs.begin(), busyMs.end(), 0.0) / 1000);
    std::printf("records taken: %lld (%.0f/s)  refused (queue full): %lld  snapshots shown: %d\n",
                static_cast<long long>(feeder.submitted()), double(feeder.submitted()) / (secs + 1),
                static_cast<long long>(feeder.refused()), snapshots);
    std::printf("load average before: %s  after: %s\n", loadBefore.c_str(), loadAverage().c_str());
    return 0;
}
