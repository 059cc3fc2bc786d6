// NDJSON parse and encode rates. Run: build/tests/bench/bench_codec
// With VIGIL_BENCH_LOG=FILE it also times reading that file (BM_ReadLog), e.g. a
// recording made by `vigilctl simulate`. BM_SimdjsonDom and BM_SimdjsonOnDemand are
// simdjson alone on the same lines, visiting every value: the floor under
// BM_DecodeInMemory, and which of the library's two APIs is the faster floor here.
// Figures and machine: docs/performance.md.
#include "record/NdjsonCodec.h"
#include "replay/LogFileReader.h"

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

using namespace vigil;

namespace {
// A mix shaped like the demo fleet's telemetry: mostly metrics, then tasks, logs, txs.
std::vector<Record> mixedRecords(int n) {
    std::vector<Record> v;
    v.reserve(n);
    for (int i = 0; i < n; ++i) {
        const TimestampMs ts = 1767225600000 + i * 10;
        const std::string agent = "agent-" + std::to_string(i % 12);
        switch (i % 10) {
        case 0: case 1: case 2: case 3: case 4: case 5:
            v.push_back(MetricSample{ts, "rpc.latency_ms", "rpc:eth-main-" + std::to_string(i % 2), 80.0 + (i % 97) * 0.731});
            break;
        case 6: case 7:
            v.push_back(TaskEvent{ts, "t-" + std::to_string(i), agent, "airdrop_claim", TaskState::Succeeded,
                                  "rpc:eth-main-a", "", 120.5 + i % 50});
            break;
        case 8:
            v.push_back(LogLine{ts, agent, LogLevel::Info, "claimed airdrop for wallet 0x" + std::to_string(1000000 + i) + " in 231 ms"});
            break;
        default:
            v.push_back(TxEvent{ts, "0x" + std::to_string(9000000 + i), agent, "ethereum", "rpc:eth-main-a", i,
                                TxState::Confirmed, 0.5, 31.2, 1.5, "idem-" + std::to_string(i)});
        }
    }
    return v;
}

const std::string& corpus() {
    static const std::string text = [] {
        std::string t;
        for (const auto& r : mixedRecords(200000)) appendNdjson(t, r);
        return t;
    }();
    return text;
}
}  // namespace

static void BM_DecodeInMemory(benchmark::State& state) {
    const std::string& text = corpus();
    std::int64_t records = 0;
    for (auto _ : state) {
        DecodeStats st;
        auto recs = decodeAll(text, st);
        records += st.records;
        benchmark::DoNotOptimize(recs.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
    state.SetItemsProcessed(records);
}
BENCHMARK(BM_DecodeInMemory)->Unit(benchmark::kMillisecond);

// simdjson's DOM API as the decoder uses it (parse_many, 64 KB batches), every value
// of every line read as a string or a number; items are lines.
static void BM_SimdjsonDom(benchmark::State& state) {
    const simdjson::padded_string text(corpus());
    simdjson::dom::parser parser;
#ifdef SIMDJSON_THREADS_ENABLED
    parser.threaded = false;  // as the decoder: one thread
#endif
    std::int64_t lines = 0;
    for (auto _ : state) {
        simdjson::dom::document_stream stream;
        if (parser.parse_many(text, 64 << 10).get(stream)) return state.SkipWithError("parse_many failed");
        double sum = 0;
        std::size_t chars = 0;
        for (auto doc : stream) {
            simdjson::dom::object obj;
            if (doc.get_object().get(obj)) return state.SkipWithError("not an object");
            for (auto [key, val] : obj) {
                std::string_view sv;
                double d;
                if (!val.get_string().get(sv)) chars += sv.size() + key.size();
                else if (!val.get_double().get(d)) sum += d;
            }
            ++lines;
        }
        benchmark::DoNotOptimize(sum);
        benchmark::DoNotOptimize(chars);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
    state.SetItemsProcessed(lines);
}
BENCHMARK(BM_SimdjsonDom)->Unit(benchmark::kMillisecond);

// The same walk with the On-Demand API (iterate_many). Compiled for this build's
// target (no -march): Debian's library dispatches DOM at run time, On-Demand is
// what the headers build (their fallback kernel without -march; on these short lines
// as fast as the haswell kernel, docs/performance.md), so this is the On-Demand a
// Vigil build would get.
static void BM_SimdjsonOnDemand(benchmark::State& state) {
    const simdjson::padded_string text(corpus());
    simdjson::ondemand::parser parser;
#ifdef SIMDJSON_THREADS_ENABLED
    parser.threaded = false;
#endif
    std::int64_t lines = 0;
    for (auto _ : state) {
        simdjson::ondemand::document_stream stream;
        if (parser.iterate_many(text, 64 << 10).get(stream)) return state.SkipWithError("iterate_many failed");
        double sum = 0;
        std::size_t chars = 0;
        for (auto doc : stream) {
            simdjson::ondemand::object obj;
            if (doc.get_object().get(obj)) return state.SkipWithError("not an object");
            for (auto field : obj) {
                std::string_view key, sv;
                if (field.unescaped_key().get(key)) return state.SkipWithError("bad key");
                simdjson::ondemand::value val = field.value();
                simdjson::ondemand::json_type t;
                if (val.type().get(t)) return state.SkipWithError("bad value");
                double d;
                if (t == simdjson::ondemand::json_type::string && !val.get_string().get(sv)) chars += sv.size() + key.size();
                else if (t == simdjson::ondemand::json_type::number && !val.get_double().get(d)) sum += d;
            }
            ++lines;
        }
        benchmark::DoNotOptimize(sum);
        benchmark::DoNotOptimize(chars);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
    state.SetItemsProcessed(lines);
}
BENCHMARK(BM_SimdjsonOnDemand)->Unit(benchmark::kMillisecond);

// Reads a whole file the way `vigilctl replay` does (batches of 4096); returns records.
static std::int64_t readWhole(const char* path) {
    LogFileReader r;
    if (!r.open(path)) return 0;
    std::vector<Record> batch;
    batch.reserve(4096);
    std::int64_t records = 0;
    while (true) {
        batch.clear();
        const bool more = r.readBatch(batch, 4096);
        records += std::int64_t(batch.size());
        if (!more) break;
    }
    return records;
}

static void BM_ReadFile(benchmark::State& state) {
    char path[] = "/tmp/vigil-bench-XXXXXX";
    const int fd = mkstemp(path);
    close(fd);
    std::ofstream(path, std::ios::binary) << corpus();
    std::int64_t records = 0;
    for (auto _ : state) records += readWhole(path);
    std::remove(path);
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(corpus().size()));
    state.SetItemsProcessed(records);
}
BENCHMARK(BM_ReadFile)->Unit(benchmark::kMillisecond);

static void BM_ReadLog(benchmark::State& state, const char* path) {
    const std::int64_t size = std::ifstream(path, std::ios::binary | std::ios::ate).tellg();
    std::int64_t records = 0;
    for (auto _ : state) records += readWhole(path);
    state.SetBytesProcessed(std::int64_t(state.iterations()) * size);
    state.SetItemsProcessed(records);
}
static const bool kReadLogRegistered = [] {
    const char* path = std::getenv("VIGIL_BENCH_LOG");
    if (path) benchmark::RegisterBenchmark("BM_ReadLog", BM_ReadLog, path)->Unit(benchmark::kMillisecond);
    return path != nullptr;
}();

static void BM_Encode(benchmark::State& state) {
    const auto recs = mixedRecords(200000);
    std::string out;
    for (auto _ : state) {
        out.clear();
        for (const auto& r : recs) appendNdjson(out, r);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(out.size()));
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(recs.size()));
}
BENCHMARK(BM_Encode)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
