// Prometheus text-format parse rate (core/collect/PromTextParser) on a body shaped
// like a node exporter's: HELP/TYPE per family, labelled counters and gauges, a
// histogram. Run: build/tests/bench/bench_promtext. Figures: docs/performance.md.
#include "collect/PromTextParser.h"

#include <benchmark/benchmark.h>

#include <string>

using namespace vigil::collect;

namespace {

std::string exporterLikeBody() {
    std::string s;
    for (int f = 0; f < 40; ++f) {
        const std::string name = "node_family_" + std::to_string(f) + "_total";
        s += "# HELP " + name + " Seconds the CPUs spent in each mode.\n# TYPE " + name + " counter\n";
        for (int cpu = 0; cpu < 8; ++cpu)
            for (const char* mode : {"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"})
                s += name + "{cpu=\"" + std::to_string(cpu) + "\",mode=\"" + mode + "\"} " +
                     std::to_string(123456.78 + cpu * 13.1 + f) + "\n";
    }
    s += "# HELP http_request_duration_seconds A histogram.\n# TYPE http_request_duration_seconds histogram\n";
    for (const char* le : {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"})
        s += std::string("http_request_duration_seconds_bucket{handler=\"/metrics\",le=\"") + le + "\"} 42\n";
    s += "http_request_duration_seconds_sum{handler=\"/metrics\"} 1.5\nhttp_request_duration_seconds_count{handler=\"/metrics\"} 42\n";
    return s;
}

void BM_ParsePromText(benchmark::State& state) {
    const std::string body = exporterLikeBody();
    std::size_t samples = 0;
    for (auto _ : state) {
        const PromParseResult r = parsePromText(body);
        samples += r.samples.size();
        benchmark::DoNotOptimize(r.samples.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
    state.counters["samples/s"] = benchmark::Counter(static_cast<double>(samples), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParsePromText);

}  // namespace

BENCHMARK_MAIN();
