// Shared by the GUI stall benchmarks (bench_guistall, bench_replaystall): the
// machine's load average, the calling thread's CPU time and a percentile.
#pragma once

#include <QFile>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

namespace stall {

inline std::string loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return "?";
    return f.readLine().trimmed().toStdString();
}

inline double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    const auto k = std::size_t(p * double(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(k), v.end());
    return v[k];
}

}  // namespace stall
