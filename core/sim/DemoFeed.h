// Live pacing source for the demo fleet: a thread advances a FleetSimulator in
// step with the wall clock (times a speed factor) every ~100 ms and hands each
// batch to a submit function, normally Engine::submit. A submit that blocks
// slows the feed (backpressure); afterwards the feed catches up in bounded
// steps, never dropping records; a debt larger than ten steps' worth is
// forgotten, so at a speed the consumer cannot follow the feed simply runs as
// fast as it is taken. Wall-clock time is used only here, in the source: the
// records themselves carry simulated timestamps.
//
// Remediation and queries from other threads go through this class (or
// withSimulator()), which serialises them with the feed thread.
#pragma once

#include "record/PeriodicThread.h"
#include "sim/FleetSimulator.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>

namespace vigil {

class DemoFeed {
public:
    // Returns false to stop the feed (e.g. the engine was stopped).
    using Submit = std::function<bool(std::vector<Record>)>;

    struct Options {
        double speed = 1.0;                          // simulated seconds per wall second
        std::chrono::milliseconds step{100};         // wall time between batches
    };
    // One submitted batch covers at most this much simulated time, whatever the
    // speed: a batch stays small (about 200 records of the demo fleet).
    static constexpr TimestampMs kMaxSliceMs = 10'000;
    // Speeds the apps accept: below, the fleet hardly moves; above, the engine
    // is the limit anyway (backpressure) and the factor only means "flat out".
    static constexpr double kMinSpeed = 0.01, kMaxSpeed = 1e6;

    DemoFeed(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start, Submit submit);
    DemoFeed(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start, Submit submit, Options options);
    ~DemoFeed();  // stop()
    DemoFeed(const DemoFeed&) = delete;
    DemoFeed& operator=(const DemoFeed&) = delete;

    void start();
    // Stops after the batch in flight. The submit function must return (Engine's
    // does once the engine stops), or stop() waits for it. Idempotent.
    void stop();
    bool running() const { return pacer_.running(); }

    // Runs f(FleetSimulator&) under the feed's lock.
    template <class F>
    auto withSimulator(F&& f) {
        std::lock_guard lk(simMutex_);
        return f(sim_);
    }
    bool failover(const std::string& agentOrEndpoint, const std::string& toEndpoint);
    bool scaleWorkers(const std::string& pool, int delta);
    bool replaceTx(const std::string& agent, std::int64_t nonce, double feeBumpFactor);
    bool rollbackWorkflow(const std::string& agent);
    std::vector<FaultLabel> labels() const;
    TimestampMs simTime() const;

    std::int64_t recordsSubmitted() const { return records_.load(std::memory_order_relaxed); }
    std::int64_t batchesSubmitted() const { return batches_.load(std::memory_order_relaxed); }

private:
    bool tick();  // on the pacer's thread: generates and submits what the wall clock owes

    mutable std::mutex simMutex_;
    FleetSimulator sim_;
    Submit submit_;
    Options options_;
    double maxOwedMs_ = 0.0;
    std::chrono::steady_clock::time_point last_;  // wall time paid up to (pacer thread only, once started)
    double owedMs_ = 0.0;                         // simulated time due but not generated yet
    std::atomic<std::int64_t> records_{0}, batches_{0};
    PeriodicThread pacer_;  // last: stopped before the members its ticks use go
};

}  // namespace vigil
