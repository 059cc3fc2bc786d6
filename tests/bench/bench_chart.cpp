// Chart redraw with 8 series x 1 M points each (issue #10's goal: <= 16 ms a
// frame): the console's real LiveChart, 900 x 360 px, rendered into an image on
// the offscreen platform with the raster engine (no OpenGL: what a desktop
// without GL gets). A frame is what ChartPanel does when the window moves by a
// pixel: plot() (find the visible part, min/max-decimate it to the plot width
// through the lines' pyramids, fit the axes) and paint (Qt Charts' axes, grid and
// legend, the lines drawn by PlotLines).
#include "OffscreenBenchmarkMain.h"
#include "ui/ChartCatalog.h"
#include "ui/LiveChart.h"
#include "ui/MinMaxPyramid.h"
#include "ui/SeriesDecimator.h"

#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>

namespace {

constexpr vigil::TimestampMs T0 = 1'790'000'000'000;
constexpr vigil::TimestampMs kStepMs = 100;  // 1 M points: 27.8 h of 10 Hz samples

// One target's latency: a slow wave, noise and rare spikes (xorshift: the same
// series every run), so min/max decimation has real extremes to keep.
vigil::SeriesTail tail(int target, int points) {
    vigil::SeriesTail t{"rpc.latency_ms", "rpc:node-" + std::to_string(target), {}};
    t.points.reserve(std::size_t(points));
    std::uint64_t x = 88172645463325252ULL + std::uint64_t(target);
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (int k = 0; k < points; ++k) {
        const double noise = double(next() % 1000) / 100.0;
        const double spike = next() % 5000 == 0 ? 400.0 : 0.0;
        t.points.push_back({T0 + k * kStepMs, 80 + 20 * target + 30 * std::sin(k / 3000.0) + noise + spike});
    }
    return t;
}

struct Fixture {
    std::vector<vigil::SeriesTail> tails;
    std::vector<const vigil::SeriesTail*> ptrs;
    vigil::ui::LiveChart chart{vigil::ui::chartCatalog().front()};
    QImage frame{900, 360, QImage::Format_ARGB32_Premultiplied};
    vigil::TimestampMs last = T0;

    Fixture(int series, int points) {
        for (int s = 0; s < series; ++s) tails.push_back(tail(s, points));
        for (const auto& t : tails) ptrs.push_back(&t);
        last = T0 + (points - 1) * kStepMs;
        chart.resize(frame.size());
        chart.setAttribute(Qt::WA_DontShowOnScreen);
        chart.show();
        QApplication::processEvents();
    }
    void plot(vigil::TimestampMs from, vigil::TimestampMs to) { chart.plot(ptrs, from, to); }
    void paint() {
        QPainter p(&frame);
        chart.render(&p);
    }
};

// Every point in view (the window spans the whole history): the worst case.
void BM_ChartFrameAllInView(benchmark::State& state) {
    Fixture f(8, int(state.range(0)));
    f.plot(T0, f.last);  // first layout (plot width known from now on)
    vigil::TimestampMs shift = 0;
    const char* png = std::getenv("VIGIL_BENCH_CHART_PNG");  // to compare pictures across changes
    int frames = 0;
    for (auto _ : state) {
        shift = (shift + kStepMs) % (10 * kStepMs);  // the window moves as time goes on
        f.plot(T0 + shift, f.last + shift);
        f.paint();
        if (png && ++frames == 5) f.frame.save(QString::fromLocal8Bit(png));  // the same frame every run
    }
    state.counters["plotted"] = f.chart.plottedPoints();
    state.counters["points"] = double(8) * double(state.range(0));
}
BENCHMARK(BM_ChartFrameAllInView)->Arg(1'000'000)->Arg(10'000)->Arg(4096)->Unit(benchmark::kMillisecond);

// 8 x 1 M points of history, a window holding the last N of each line (zoomed
// in: 10 k and 100 k; 1 M is everything), moving by a point each frame while
// every line gains a point at its end and loses its oldest: the pyramid is kept
// up to date by appends and trims, as with the engine's tails.
void BM_ChartFrameInView(benchmark::State& state) {
    Fixture f(8, 1'000'000);
    const auto inView = vigil::TimestampMs(state.range(0));
    f.plot(f.last - (inView - 1) * kStepMs, f.last);
    std::uint64_t k = 1'000'000;
    for (auto _ : state) {
        for (auto& t : f.tails) {
            t.points.push_back({T0 + vigil::TimestampMs(k) * kStepMs, 80 + double(k % 97)});
            if (k % 64 == 0) t.points.erase(t.points.begin(), t.points.begin() + 64);  // trimmed in steps
        }
        f.last = T0 + vigil::TimestampMs(k++) * kStepMs;
        f.plot(f.last - (inView - 1) * kStepMs, f.last);
        f.paint();
    }
    state.counters["plotted"] = f.chart.plottedPoints();
}
BENCHMARK(BM_ChartFrameInView)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The console's default 10-minute window at the end of the history.
void BM_ChartFrameTenMinutes(benchmark::State& state) {
    Fixture f(8, int(state.range(0)));
    f.plot(f.last - 600'000, f.last);
    for (auto _ : state) {
        f.plot(f.last - 600'000, f.last);
        f.paint();
    }
    state.counters["plotted"] = f.chart.plottedPoints();
}
BENCHMARK(BM_ChartFrameTenMinutes)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The reduction alone (no Qt Charts): 8 lines x N points in view cut into 880
// pixel columns through their pyramids, as plot() does, against the one-pass
// decimator it replaced.
void BM_ReduceAllInView(benchmark::State& state) {
    std::vector<vigil::SeriesTail> tails;
    for (int s = 0; s < 8; ++s) tails.push_back(tail(s, int(state.range(0))));
    std::vector<vigil::ui::MinMaxPyramid> pyramids(8);
    for (int s = 0; s < 8; ++s) pyramids[std::size_t(s)].sync(tails[std::size_t(s)].points);
    const bool viaPyramid = state.range(1) != 0;
    std::vector<vigil::SeriesPoint> out;
    const vigil::TimestampMs last = T0 + (state.range(0) - 1) * kStepMs;
    vigil::TimestampMs shift = 0;
    for (auto _ : state) {
        shift = (shift + kStepMs) % (10 * kStepMs);
        for (int s = 0; s < 8; ++s) {
            const auto& pts = tails[std::size_t(s)].points;
            if (viaPyramid)
                pyramids[std::size_t(s)].reduce(pts, 0, pts.size(), T0 + shift, last + shift, 880, out);
            else
                vigil::ui::SeriesDecimator::reduce(pts, T0 + shift, last + shift, 880, out);
            benchmark::DoNotOptimize(out.data());
        }
    }
}
BENCHMARK(BM_ReduceAllInView)->Args({1'000'000, 1})->Args({1'000'000, 0})->Unit(benchmark::kMillisecond);

// Paint only (an expose with unchanged data: the lines come from PlotLines'
// cached picture).
void BM_ChartPaintOnly(benchmark::State& state) {
    Fixture f(8, int(state.range(0)));
    f.plot(T0, f.last);
    f.plot(T0, f.last);
    for (auto _ : state) f.paint();
    state.counters["plotted"] = f.chart.plottedPoints();
}
BENCHMARK(BM_ChartPaintOnly)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) { return vigil::bench::runOffscreenBenchmarks(argc, argv); }
