// vigilctl bench ingest [--senders 8] [--records N] [--rate R] [--stages default|none]
// Loopback ingest benchmark (docs/performance.md): N records over raw TCP from
// concurrent senders through the real ingest server into an engine. Prints
// records/s, the latency from a record's arrival (decoded, first offered to the
// engine) to the engine having processed it (p50/p99/max), the time before that
// from its send (kernel socket buffers), the back-pressure seen and the peak RSS. Without --rate the senders go flat out (throughput; latency is then
// the queueing of a saturated pipeline); with --rate they are paced (latency).
#include "vigilctl/Commands.h"

#include "common/LiveEngineOptions.h"
#include "common/EngineRecordSink.h"
#include "collect/IngestServer.h"
#include "engine/Pipeline.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>

#include <QCommandLineParser>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

namespace vigilctl {
namespace {

namespace asio = boost::asio;
using SteadyClock = std::chrono::steady_clock;
const std::string kToken = "bench-ingest-token-0123456789";
constexpr int kChunk = 1000;  // records per write
constexpr std::int64_t kValueBase = 1'000'000'000'000'000;

// One sender's lines with fixed-width ts (13 digits) and value (16 digits: 1e15 + ns
// since the bench started, the send time; JSON allows no leading zeros), patched in
// place for each chunk.
struct LineTemplate {
    std::string line;
    std::size_t tsAt = 0, valueAt = 0;
    explicit LineTemplate(int sender) {
        line = "{\"v\":1,\"kind\":\"metric\",\"ts\":";
        tsAt = line.size();
        line += "0000000000000,\"series\":\"bench.latency_ns\",\"target\":\"sender:" + std::to_string(sender) + "\",\"value\":";
        valueAt = line.size();
        line += "0000000000000000}\n";
    }
};

void putDigits(char* at, std::int64_t v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) at[i] = char('0' + v % 10);
}

struct Options {
    int senders = 8;
    std::int64_t records = 4'000'000;
    double rate = 0;  // records/s over all senders; 0: flat out
    bool stages = false;
    std::size_t queue = vigil::app::liveEngineOptions().queueCapacity;  // engine queue, in batches: what live input gets
};

std::optional<int> parseBench(const QStringList& args, Options& o) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("vigilctl bench ingest: loopback ingest throughput and latency."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("ingest"), QStringLiteral("The only benchmark."));
    p.addOption({QStringLiteral("senders"), QStringLiteral("Concurrent TCP senders (default 8)"), QStringLiteral("N"), QStringLiteral("8")});
    p.addOption({QStringLiteral("records"), QStringLiteral("Records in all (default 4000000)"), QStringLiteral("N"), QStringLiteral("4000000")});
    p.addOption({QStringLiteral("rate"), QStringLiteral("Paced records/s over all senders (default: flat out)"), QStringLiteral("R")});
    p.addOption({QStringLiteral("stages"), QStringLiteral("Engine stages: default or none (default none)"), QStringLiteral("SET"), QStringLiteral("none")});
    p.addOption({QStringLiteral("queue"), QStringLiteral("Engine queue capacity in batches (default: the live console's, 32)"), QStringLiteral("N")});
    if (auto rc = parseArguments(p, args, "bench")) return rc;
    if (p.positionalArguments() != QStringList{QStringLiteral("ingest")}) return usageError(QStringLiteral("bench: expected 'bench ingest'"));
    bool ok = false;
    o.senders = p.value(QStringLiteral("senders")).toInt(&ok);
    if (!ok || o.senders < 1 || o.senders > 256) return usageError(QStringLiteral("bench: --senders must be 1..256"));
    o.records = p.value(QStringLiteral("records")).toLongLong(&ok);
    if (!ok || o.records < o.senders * kChunk || o.records > 1'000'000'000)
        return usageError(QStringLiteral("bench: --records must be %1..1000000000").arg(o.senders * kChunk));
    if (p.isSet(QStringLiteral("rate"))) {
        o.rate = p.value(QStringLiteral("rate")).toDouble(&ok);
        if (!ok || !(o.rate >= 1000 && o.rate <= 1e9)) return usageError(QStringLiteral("bench: --rate must be 1000..1e9 records/s"));
    }
    const QString stages = p.value(QStringLiteral("stages"));
    if (stages != QLatin1String("none") && stages != QLatin1String("default"))
        return usageError(QStringLiteral("bench: --stages must be default or none"));
    o.stages = stages == QLatin1String("default");
    if (p.isSet(QStringLiteral("queue"))) {
        const int q = p.value(QStringLiteral("queue")).toInt(&ok);
        if (!ok || q < 1 || q > 4096) return usageError(QStringLiteral("bench: --queue must be 1..4096 batches"));
        o.queue = std::size_t(q);
    }
    return std::nullopt;
}

// Stamps each record's arrival on its first offer: value (1e15 + send ns) becomes
// -(1e15 + arrival ns), and send->arrival is kept. A refused batch comes back
// already stamped (negative) and keeps its first arrival. Runs on the server's thread.
class ArrivalStamp final : public vigil::collect::RecordSink {
public:
    ArrivalStamp(vigil::collect::RecordSink& next, SteadyClock::time_point t0, std::size_t expected) : next_(next), t0_(t0) {
        sendToArrivalMs.reserve(expected);
    }
    bool offer(std::vector<vigil::Record>& batch) override {
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(SteadyClock::now() - t0_).count();
        for (auto& r : batch)
            if (auto* m = std::get_if<vigil::MetricSample>(&r); m && m->value > 0) {
                sendToArrivalMs.push_back(float(double(ns - (std::int64_t(m->value) - kValueBase)) / 1e6));
                m->value = -double(kValueBase + ns);
            }
        return next_.offer(batch);
    }
    std::vector<float> sendToArrivalMs;

private:
    vigil::collect::RecordSink& next_;
    SteadyClock::time_point t0_;
};

double percentile(std::vector<float>& v, double q) {
    if (v.empty()) return 0;
    const auto k = std::size_t(q * double(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(k), v.end());
    return double(v[k]);
}

}  // namespace

int cmdBench(const QStringList& args) {
    Options o;
    if (auto rc = parseBench(args, o)) return *rc;
    const std::int64_t perSender = o.records / o.senders / kChunk * kChunk;
    const std::int64_t total = perSender * o.senders;

    vigil::VirtualClock clock;  // engine time from the records
    vigil::EngineOptions eo;
    eo.queueCapacity = o.queue;
    vigil::Engine engine(clock, eo);
    if (o.stages) vigil::installDefaultStages(engine);
    const auto t0 = SteadyClock::now();
    std::vector<float> latencyMs;
    latencyMs.reserve(std::size_t(total));
    engine.addSink([&](const std::vector<vigil::Record>& in, const std::vector<vigil::Record>&) {
        const double nowNs = double(std::chrono::duration_cast<std::chrono::nanoseconds>(SteadyClock::now() - t0).count());
        for (const auto& r : in)
            if (const auto* m = std::get_if<vigil::MetricSample>(&r)) latencyMs.push_back(float((nowNs - (-m->value - double(kValueBase))) / 1e6));
    });
    engine.start();
    vigil::app::EngineRecordSink engineSink(engine);
    ArrivalStamp sink(engineSink, t0, std::size_t(total));
    vigil::collect::IngestOptions io;
    io.tcpPort = 0;
    io.tokens = {kToken};
    vigil::collect::IngestServer server(io, sink);
    if (auto why = server.start(); !why.empty()) {
        std::fprintf(stderr, "vigilctl: bench: %s\n", why.c_str());
        return kFailed;
    }

    std::atomic<int> failures{0};
    const auto start = SteadyClock::now();
    std::vector<std::thread> senders;
    for (int s = 0; s < o.senders; ++s)
        senders.emplace_back([&, s] {
            try {
                asio::io_context ctx;
                asio::ip::tcp::socket sock(ctx);
                sock.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(server.tcpPort())});
                asio::write(sock, asio::buffer(kToken + "\n"));
                std::string ok;
                asio::read_until(sock, asio::dynamic_buffer(ok), '\n');
                const LineTemplate tpl(s);
                std::string chunk;
                for (int i = 0; i < kChunk; ++i) chunk += tpl.line;
                const double perSenderRate = o.rate / o.senders;
                for (std::int64_t sent = 0; sent < perSender; sent += kChunk) {
                    if (o.rate > 0) {  // paced: chunk k leaves at k * kChunk / rate
                        const auto due = start + std::chrono::duration<double>(double(sent) / perSenderRate);
                        std::this_thread::sleep_until(std::chrono::time_point_cast<SteadyClock::duration>(due));
                    }
                    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(SteadyClock::now() - t0).count();
                    // The send time is the same for the whole chunk: format it once.
                    char value[16];
                    putDigits(value, kValueBase + ns, 16);
                    for (int i = 0; i < kChunk; ++i) {
                        char* line = chunk.data() + std::size_t(i) * tpl.line.size();
                        putDigits(line + tpl.tsAt, 1767225600000 + sent + i, 13);
                        std::memcpy(line + tpl.valueAt, value, sizeof value);
                    }
                    asio::write(sock, asio::buffer(chunk));
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "vigilctl: bench: sender %d: %s\n", s, e.what());
                ++failures;
            }
        });
    for (auto& t : senders) t.join();
    while (engine.recordsProcessed() < total && failures == 0 && server.stats().counts().malformed == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    engine.drain();
    const double seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    const auto counts = server.stats().counts();
    server.stop();
    engine.stop();
    if (failures || counts.malformed || std::int64_t(latencyMs.size()) != total) {
        std::fprintf(stderr, "vigilctl: bench: %lld of %lld records processed, %lld malformed\n",
                     static_cast<long long>(latencyMs.size()), static_cast<long long>(total), static_cast<long long>(counts.malformed));
        return kFailed;
    }
    const double p50 = percentile(latencyMs, 0.50), p99 = percentile(latencyMs, 0.99),
                 pmax = double(*std::max_element(latencyMs.begin(), latencyMs.end()));
    const double s50 = percentile(sink.sendToArrivalMs, 0.50), s99 = percentile(sink.sendToArrivalMs, 0.99);
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    // The machine may be shared: CPU time says what the work costs whatever the load.
    const double cpu = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    std::printf("bench ingest: %d senders, %lld records (%s stages, %s) in %.2f s: %.0f records/s (%.0f per CPU-second, "
                "senders included); arrival->processed p50 %.1f ms, p99 %.1f ms, max %.1f ms; send->arrival p50 %.1f ms, "
                "p99 %.1f ms; engine queue refusals %lld; peak RSS %.0f MB\n",
                o.senders, static_cast<long long>(total), o.stages ? "default" : "no",
                o.rate > 0 ? qPrintable(QStringLiteral("paced at %1/s").arg(o.rate, 0, 'f', 0)) : "flat out", seconds,
                double(total) / seconds, double(total) / cpu, p50, p99, pmax, s50, s99, static_cast<long long>(engine.submitRefusals()),
                double(ru.ru_maxrss) / 1024.0);
    return kOk;
}

}  // namespace vigilctl
