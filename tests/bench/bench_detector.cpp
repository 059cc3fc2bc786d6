// Points per second of the full metric detector on the NAB data (../shared/data/nab):
// every file, a fresh detector per file, CSV parsing excluded.
#include "TestPaths.h"  // VIGIL_SHARED_DATA (generated)
#include "detect/nab/NabRun.h"

#include <benchmark/benchmark.h>

namespace {

std::vector<vigil::nab::NabTable> loadCorpus() {
    std::vector<vigil::nab::NabTable> tables;
    for (const auto& f : vigil::nab::findDataFiles(std::string(VIGIL_SHARED_DATA) + "/nab/data")) {
        vigil::nab::NabTable t;
        std::vector<vigil::nab::CsvProblem> problems;
        std::string fatal;
        if (vigil::nab::readNabCsv(f.path, false, t, problems, fatal)) tables.push_back(std::move(t));
    }
    return tables;
}

void BM_DetectorOnNab(benchmark::State& state) {
    static const auto tables = loadCorpus();
    if (tables.empty()) {
        state.SkipWithError("NAB data not found under VIGIL_SHARED_DATA/nab/data");
        return;
    }
    std::int64_t points = 0;
    for (auto _ : state) {
        for (const auto& t : tables) {
            auto scores = vigil::nab::scoreTable(t);
            benchmark::DoNotOptimize(scores.data());
            points += static_cast<std::int64_t>(t.size());
        }
    }
    state.counters["points/s"] = benchmark::Counter(static_cast<double>(points), benchmark::Counter::kIsRate);
    state.counters["files"] = static_cast<double>(tables.size());
}
BENCHMARK(BM_DetectorOnNab)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
