// The GUI event loop while the console replays a recording as fast as possible
// (issue #12: no stall over 50 ms). Opens LOG through the console's own replay
// path (ui/ReplaySession: ReplayController, EngineBridge, the replay MainWindow
// with its ReplayBar and EngineActivityFeed; the default stages and the planner
// under the shipped policy, as File → Open recording does), offscreen, raster,
// 1600 x 1000, speed "as fast as possible", and measures as bench_guistall does:
// how late a 1 ms precise QTimer on the GUI thread fires (wall) and the GUI
// thread's CPU between two ticks (its longest piece of work, whatever the load).
// Generate the log outside the repository, e.g.
//   build/app/vigilctl simulate --scenario cascade --duration 36000 --seed 7 --out /tmp/rp/c10h.ndjson
// Usage: bench_replaystall --log LOG [--seconds 120]
#include "StallMeasures.h"
#include "common/ReplayPipeline.h"
#include "ui/MainWindow.h"
#include "ui/ReplayBar.h"
#include "ui/ReplaySession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <numeric>
#include <vector>

using stall::loadAverage;
using stall::percentile;
using stall::threadCpuMs;

namespace {

const char* option(int argc, char** argv, const char* name, const char* fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
    return fallback;
}

double maxOf(const std::vector<double>& v) { return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()); }

// Names the longest event handled on the GUI thread (outermost delivery, its
// thread CPU time): which object and event held the loop.
class TimingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        if (depth_++ > 0) {
            const bool r = QApplication::notify(receiver, event);
            --depth_;
            return r;
        }
        const double before = threadCpuMs();
        const int type = int(event->type());  // the event may be gone afterwards
        std::string what = std::string(receiver->metaObject()->className()) + " " + receiver->objectName().toStdString();
        if (const auto* t = qobject_cast<const QTimer*>(receiver)) what += "every " + std::to_string(t->interval()) + " ms";
        if (const QObject* owner = receiver->parent())  // a timer says little; its owner says whose
            what += std::string(" in ") + owner->metaObject()->className() + " " + owner->objectName().toStdString();
        const bool r = QApplication::notify(receiver, event);
        --depth_;
        const double spent = threadCpuMs() - before;
        if (spent >= 0.5) sinceTick.push_back({what, spent});
        if (spent > worstMs) {
            worstMs = spent;
            worst = what + " (event type " + std::to_string(type) + ")";
        }
        return r;
    }
    double worstMs = 0;
    std::string worst;
    // The events of 0.5 ms or more since the last tick: what made up the longest gap.
    std::vector<std::pair<std::string, double>> sinceTick, worstGap;

private:
    int depth_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    const char* log = option(argc, argv, "--log", nullptr);
    const double seconds = std::atof(option(argc, argv, "--seconds", "120"));
    if (!log) {
        std::fprintf(stderr, "bench_replaystall: --log LOG is required (generate one with vigilctl simulate --out)\n");
        return 2;
    }

    QString error;
    auto* session = vigil::ui::ReplaySession::open(
        QString::fromLocal8Bit(log),
        [](std::string& why) {
            std::shared_ptr<vigil::app::ReplayPipeline> p(vigil::app::ReplayPipeline::create({}, why));
            return p ? vigil::ui::ReplayStages{p->installer(), p, {}} : vigil::ui::ReplayStages{};
        },
        error);
    if (!session) {
        std::fprintf(stderr, "bench_replaystall: %s\n", qPrintable(error));
        return 2;
    }
    int snapshots = 0;
    QObject::connect(session->bridge(), &vigil::ui::EngineBridge::snapshotReady, [&snapshots] { ++snapshots; });
    session->window()->resize(1600, 1000);
    session->window()->show();
    session->bar()->setSpeed(0);  // as fast as possible
    QApplication::processEvents();

    std::vector<double> lateMs, busyMs;
    double worstAt = 0, worstBusy = 0;  // when the longest piece of GUI work ended (s)
    // The latest ticks by wall lateness, with what ran in their gap: whether a stall
    // was the GUI's own work (CPU near the lateness) or waiting for a core.
    struct Gap {
        double lateMs, cpuMs, atS;
        std::vector<std::pair<std::string, double>> events;
    };
    std::vector<Gap> latest;
    constexpr std::size_t kLatestKept = 5;
    double cpuBefore = threadCpuMs();
    QElapsedTimer since, run;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    bool finished = false;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const double gap = double(since.nsecsElapsed()) / 1e6;
        since.restart();
        const double cpu = threadCpuMs();
        lateMs.push_back(std::max(0.0, gap - 1.0));
        busyMs.push_back(cpu - cpuBefore);
        if (cpu - cpuBefore > worstBusy) {
            worstBusy = cpu - cpuBefore;
            worstAt = double(run.elapsed()) / 1000;
            app.worstGap = app.sinceTick;
        }
        if (latest.size() < kLatestKept || lateMs.back() > latest.back().lateMs) {
            if (latest.size() == kLatestKept) latest.pop_back();
            latest.push_back({lateMs.back(), cpu - cpuBefore, double(run.elapsed()) / 1000, app.sinceTick});
            std::sort(latest.begin(), latest.end(), [](const Gap& a, const Gap& b) { return a.lateMs > b.lateMs; });
        }
        app.sinceTick.clear();
        cpuBefore = cpu;
        if (session->replay().progress().finished) finished = true;
        if (finished || run.elapsed() >= qint64(seconds * 1000)) app.quit();
    });
    const std::string loadBefore = loadAverage();
    run.start();
    since.start();
    tick.start();
    session->replay().play();
    app.exec();
    tick.stop();
    const double wall = double(run.elapsed()) / 1000;
    const vigil::ReplayProgress p = session->replay().progress();

    std::printf("replay of %s as fast as possible in the console (1600 x 1000, offscreen)\n", log);
    std::printf(
        "%s after %.1f s: %lld records (%.0f/s), %lld anomalies, %lld incidents, %lld actions; %d snapshots shown\n",
        finished ? "finished" : "stopped", wall, static_cast<long long>(p.records), double(p.records) / wall,
        static_cast<long long>(p.anomalies), static_cast<long long>(p.incidents), static_cast<long long>(p.actions),
        snapshots);
    std::printf("ticks: %zu  lateness p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", lateMs.size(), percentile(lateMs, 0.50),
                percentile(lateMs, 0.99), maxOf(lateMs));
    std::printf("GUI thread CPU between ticks: p50 %.2f ms  p99 %.2f ms  max %.2f ms at %.1f s  (total %.1f s)\n",
                percentile(busyMs, 0.50), percentile(busyMs, 0.99), maxOf(busyMs), worstAt,
                std::accumulate(busyMs.begin(), busyMs.end(), 0.0) / 1000);
    std::printf("longest event: %.2f ms CPU in %s\n", app.worstMs, app.worst.c_str());
    std::printf("the longest gap's events of 0.5 ms or more:");
    for (const auto& [what, ms] : app.worstGap) std::printf("  %s %.1f ms;", what.c_str(), ms);  // NOLINT
    std::printf("\n");
    for (const Gap& g : latest) {
        std::printf("late tick at %.2f s: %.2f ms late, GUI CPU %.2f ms:", g.atS, g.lateMs, g.cpuMs);
        for (const auto& [what, ms] : g.events) std::printf("  %s %.1f ms;", what.c_str(), ms);  // NOLINT
        std::printf("\n");
    }
    std::printf("load average before: %s  after: %s\n", loadBefore.c_str(), loadAverage().c_str());
    std::fflush(stdout);
    delete session->window();  // the session follows its window
    QApplication::processEvents();
    return 0;
}
