// Lines/s of the online log template miner on the Loghub 2k samples (all systems
// interleaved in file order). Goal: >= 1 M lines/s on one core.
//   Cold: a fresh miner per pass (template creation included).
//   Warm: a trained miner, the steady state of a long-running engine.
#include "TestPaths.h"  // VIGIL_SHARED_DATA (generated)
#include "detect/logs/LogTemplateMiner.h"
#include "detect/logs/LoghubSample.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <set>

namespace {
const std::vector<std::string>& corpus() {
    static const std::vector<std::string> lines = [] {
        namespace fs = std::filesystem;
        std::vector<std::string> all;
        const fs::path root = fs::path(VIGIL_SHARED_DATA) / "loghub";
        std::error_code ec;
        std::set<fs::path> systems;  // sorted: the same order every run
        for (const auto& e : fs::directory_iterator(root, ec))
            if (e.is_directory()) systems.insert(e.path());
        for (const fs::path& sys : systems) {
            vigil::logs::LoghubSample s;
            std::string err;
            const fs::path file = sys / (sys.filename().string() + "_2k.log_structured.csv");
            if (vigil::logs::loadLoghubSample(file.string(), s, err))
                all.insert(all.end(), s.content.begin(), s.content.end());
        }
        return all;
    }();
    return lines;
}

void BM_MinerCold(benchmark::State& state) {
    const auto& lines = corpus();
    if (lines.empty()) return state.SkipWithError("Loghub data missing under VIGIL_SHARED_DATA/loghub");
    for (auto _ : state) {
        vigil::logs::LogTemplateMiner m;
        for (const auto& l : lines) benchmark::DoNotOptimize(m.add(l).id);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
    state.SetBytesProcessed(state.iterations() * [&] {
        std::int64_t b = 0;
        for (const auto& l : lines) b += static_cast<std::int64_t>(l.size());
        return b;
    }());
}
BENCHMARK(BM_MinerCold)->Unit(benchmark::kMillisecond);

void BM_MinerWarm(benchmark::State& state) {
    const auto& lines = corpus();
    if (lines.empty()) return state.SkipWithError("Loghub data missing under VIGIL_SHARED_DATA/loghub");
    vigil::logs::LogTemplateMiner m;
    for (const auto& l : lines) m.add(l);
    for (auto _ : state)
        for (const auto& l : lines) benchmark::DoNotOptimize(m.add(l).id);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
}
BENCHMARK(BM_MinerWarm)->Unit(benchmark::kMillisecond);
}  // namespace

BENCHMARK_MAIN();
