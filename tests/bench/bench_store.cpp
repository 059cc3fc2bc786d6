// Store insert rate through StoreWriter (writer thread, batched transactions,
// prepared statements, WAL, synchronous=NORMAL) into a real file.
//   bench_store --benchmark_filter=Store
// items_per_second is rows/s, timed from the first append() to flush()
// returning, i.e. until the rows are committed. The database lives in
// $VIGIL_BENCH_DIR (default: the system temp folder), on disk, not :memory:.
#include "store/StoreWriter.h"

#include <benchmark/benchmark.h>

#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace vigil;
using namespace vigil::store;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBatch = 4096;  // what the engine's store sink hands over

fs::path benchDir() {
    const char* env = std::getenv("VIGIL_BENCH_DIR");
    fs::path dir = env && *env ? fs::path(env) : fs::temp_directory_path();
    dir /= "vigil-bench-store";
    fs::create_directories(dir);
    return dir;
}

std::string freshDb() {
    const fs::path p = benchDir() / "bench.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
    return p.string();
}

// `series` distinct (series, target) pairs, timestamps advancing 1 s per round.
std::vector<std::vector<Record>> metricBatches(std::int64_t rows, int series) {
    std::vector<std::string> names, targets;
    for (int s = 0; s < series; ++s) {
        names.push_back(s % 2 ? "rpc.latency_ms" : "worker.queue_depth");
        targets.push_back("target-" + std::to_string(s));
    }
    std::vector<std::vector<Record>> out;
    std::vector<Record> batch;
    for (std::int64_t i = 0; i < rows; ++i) {
        const int s = static_cast<int>(i % series);
        batch.push_back(MetricSample{1'700'000'000'000 + (i / series) * 1000, names[s], targets[s], 10.0 + (i % 97)});
        if (batch.size() == kBatch) out.push_back(std::exchange(batch, {}));
    }
    if (!batch.empty()) out.push_back(std::move(batch));
    return out;
}

// A fleet-like mix per 20 records: 14 metrics, 2 task, 1 tx, 2 log, 1 engine output.
std::vector<std::vector<Record>> mixedBatches(std::int64_t rows) {
    std::vector<std::vector<Record>> out;
    std::vector<Record> batch;
    for (std::int64_t i = 0; i < rows; ++i) {
        const TimestampMs ts = 1'700'000'000'000 + i;
        const std::string agent = "agent-" + std::to_string(i % 40);
        const std::string n = std::to_string(i);
        switch (i % 20) {
        case 14:
        case 15:
            batch.push_back(TaskEvent{ts, "task-" + n, agent, "airdrop_claim", TaskState::Succeeded, "rpc:eth-main-a",
                                      "", 120.5});
            break;
        case 16:
            batch.push_back(TxEvent{ts, "0x" + n, agent, "ethereum", "rpc:eth-main-a", i, TxState::Submitted, 0.5,
                                    30.0, 1.5, "xfer-" + n});
            break;
        case 17:
        case 18:
            batch.push_back(LogLine{ts, agent, LogLevel::Info, "claim " + n + " confirmed in block 19000000"});
            break;
        case 19:
            switch ((i / 20) % 5) {
            case 0:
                batch.push_back(Anomaly{ts, "anom-" + n, "metric.ensemble", "rpc.latency_ms", "rpc:eth-main-a", 0.9,
                                        900, 10, 80, "latency above band"});
                break;
            case 1:
                batch.push_back(Incident{ts, "inc-" + std::to_string(i % 50), IncidentState::Open, Severity::Warning,
                                         ts, {"rpc:eth-main-a", agent}, "rpc:eth-main-a", "outage", 3});
                break;
            case 2:
                batch.push_back(Action{ts, "act-" + n, "inc-1", "failover_rpc", agent, "{}", ActionStatus::Proposed,
                                       false});
                break;
            case 3:
                batch.push_back(Approval{ts, "appr-" + n, "act-1", "alice", "bob", ApprovalDecision::Approved,
                                         ts + 1000, ""});
                break;
            default:
                batch.push_back(Outcome{ts, "act-" + n, true, "done"});
            }
            break;
        default:
            batch.push_back(MetricSample{ts, "rpc.latency_ms", "target-" + std::to_string(i % 200), 42.0});
        }
        if (batch.size() == kBatch) out.push_back(std::exchange(batch, {}));
    }
    if (!batch.empty()) out.push_back(std::move(batch));
    return out;
}

// CPU seconds of the whole process (producer + writer thread). On a shared,
// loaded machine wall time mostly measures the neighbours; rows per CPU-second
// is what one uncontended core would sustain.
double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

void runWriter(benchmark::State& state, const std::vector<std::vector<Record>>& proto, std::int64_t rows) {
    double cpu = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto batches = proto;  // copied outside the timed region; append() takes them by move
        auto w = StoreWriter::open(freshDb());
        if (!w) {
            state.SkipWithError(w.error().c_str());
            return;
        }
        state.ResumeTiming();
        const double cpu0 = processCpuSeconds();
        for (auto& b : batches) (*w)->append(std::move(b));
        (*w)->flush();
        cpu += processCpuSeconds() - cpu0;
        state.PauseTiming();
        const auto st = (*w)->stats();
        (*w)->close();
        if (st.rowsFailed != 0 || st.recordsWritten() != rows) state.SkipWithError("rows were not all written");
        state.counters["transactions"] = static_cast<double>(st.transactions);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * rows);
    state.counters["rows_per_cpu_s"] = double(state.iterations() * rows) / cpu;
}

void BM_StoreInsertMetrics(benchmark::State& state) {
    const std::int64_t rows = state.range(0);
    runWriter(state, metricBatches(rows, static_cast<int>(state.range(1))), rows);
}

void BM_StoreInsertMixed(benchmark::State& state) {
    const std::int64_t rows = state.range(0);
    runWriter(state, mixedBatches(rows), rows);
}

}  // namespace

// {rows, distinct series}
BENCHMARK(BM_StoreInsertMetrics)
    ->Args({1 << 20, 200})
    ->Args({1 << 20, 5000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_StoreInsertMixed)->Arg(1 << 20)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

BENCHMARK_MAIN();
