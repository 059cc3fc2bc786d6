// main() of the widget benchmarks (bench_chart, bench_timeline): Google Benchmark
// inside a QApplication on the offscreen platform, so widgets paint with the
// raster engine (what a desktop without GL gets).
#pragma once

#include <QApplication>

#include <benchmark/benchmark.h>

namespace vigil::bench {

inline int runOffscreenBenchmarks(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

}  // namespace vigil::bench
