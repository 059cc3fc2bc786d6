#include "sim/DemoFeed.h"

#include <algorithm>

namespace vigil {

DemoFeed::DemoFeed(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start, Submit submit)
    : DemoFeed(spec, seed, start, std::move(submit), Options{}) {}

DemoFeed::DemoFeed(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start, Submit submit, Options options)
    : sim_(spec, seed, start), submit_(std::move(submit)), options_(options) {
    if (!(options_.speed > 0.0)) options_.speed = 1.0;
    if (options_.step.count() <= 0) options_.step = std::chrono::milliseconds(100);
}

DemoFeed::~DemoFeed() { stop(); }

void DemoFeed::start() {
    if (running_.exchange(true)) return;
    {
        std::lock_guard lk(stopMutex_);
        stopRequested_ = false;
    }
    thread_ = std::thread([this] { run(); });
}

void DemoFeed::stop() {
    {
        std::lock_guard lk(stopMutex_);
        stopRequested_ = true;
    }
    stopCv_.notify_all();
    if (thread_.joinable()) thread_.join();
    running_ = false;
}

bool DemoFeed::stopRequested() {
    std::lock_guard lk(stopMutex_);
    return stopRequested_;
}

void DemoFeed::run() {
    using Clock = std::chrono::steady_clock;
    const auto step = options_.step;
    // Simulated time owed beyond this is forgotten: at a speed the engine cannot
    // follow, the feed then runs as fast as backpressure lets it instead of
    // piling up a debt it would never pay.
    const double maxOwedMs = std::max(10'000.0, 10.0 * double(step.count()) * options_.speed);
    auto last = Clock::now();
    double owedMs = 0.0;  // simulated time due but not generated yet
    auto next = last;
    bool submitted = true;
    for (;;) {
        next += step;
        {
            std::unique_lock lk(stopMutex_);
            if (stopCv_.wait_until(lk, next, [this] { return stopRequested_; })) break;
        }
        const auto now = Clock::now();
        owedMs = std::min(maxOwedMs, owedMs + std::chrono::duration<double, std::milli>(now - last).count() * options_.speed);
        last = now;
        // Pay what is owed in slices of at most kMaxSliceMs of simulated time,
        // each submitted (and so held back by a full engine queue) before the
        // next is made, with a stop check in between: memory stays bounded and
        // a stop is served within one slice, at any speed.
        while (owedMs >= 1.0 && !stopRequested()) {
            const auto advanceBy = static_cast<TimestampMs>(std::min(owedMs, double(kMaxSliceMs)));
            std::vector<Record> batch;
            {
                std::lock_guard lk(simMutex_);
                sim_.advance(sim_.now() + advanceBy, batch);
            }
            owedMs -= static_cast<double>(advanceBy);
            if (batch.empty()) continue;
            const auto n = static_cast<std::int64_t>(batch.size());
            if (!(submitted = submit_(std::move(batch)))) break;
            records_.fetch_add(n, std::memory_order_relaxed);
            batches_.fetch_add(1, std::memory_order_relaxed);
        }
        if (!submitted) break;
        if (Clock::now() > next + step) next = Clock::now();  // behind: do not spin to catch up the schedule
    }
    running_.store(false, std::memory_order_release);
}

bool DemoFeed::failover(const std::string& agentOrEndpoint, const std::string& toEndpoint) {
    return withSimulator([&](FleetSimulator& s) { return s.failover(agentOrEndpoint, toEndpoint); });
}
bool DemoFeed::scaleWorkers(const std::string& pool, int delta) {
    return withSimulator([&](FleetSimulator& s) { return s.scaleWorkers(pool, delta); });
}
bool DemoFeed::replaceTx(const std::string& agent, std::int64_t nonce, double feeBumpFactor) {
    return withSimulator([&](FleetSimulator& s) { return s.replaceTx(agent, nonce, feeBumpFactor); });
}
bool DemoFeed::rollbackWorkflow(const std::string& agent) {
    return withSimulator([&](FleetSimulator& s) { return s.rollbackWorkflow(agent); });
}
std::vector<FaultLabel> DemoFeed::labels() const {
    std::lock_guard lk(simMutex_);
    return sim_.labels();
}
TimestampMs DemoFeed::simTime() const {
    std::lock_guard lk(simMutex_);
    return sim_.now();
}

}  // namespace vigil
