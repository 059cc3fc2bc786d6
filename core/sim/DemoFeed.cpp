#include "sim/DemoFeed.h"

#include <algorithm>

namespace vigil {

DemoFeed::DemoFeed(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start, Submit submit)
    : DemoFeed(spec, seed, start, std::move(submit), Options{}) {}

namespace {
DemoFeed::Options checked(DemoFeed::Options o) {
    if (!(o.speed > 0.0)) o.speed = 1.0;
    if (o.step.count() <= 0) o.step = std::chrono::milliseconds(100);
    return o;
}
}  // namespace

DemoFeed::DemoFeed(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start, Submit submit, Options options)
    : sim_(spec, seed, start), submit_(std::move(submit)), options_(checked(options)),
      // Simulated time owed beyond this is forgotten: at a speed the engine cannot
      // follow, the feed then runs as fast as backpressure lets it instead of
      // piling up a debt it would never pay.
      maxOwedMs_(std::max(10'000.0, 10.0 * double(options_.step.count()) * options_.speed)),
      pacer_(options_.step, [this] { return tick(); }) {}

DemoFeed::~DemoFeed() { stop(); }

void DemoFeed::start() {
    if (running()) return;
    last_ = std::chrono::steady_clock::now();
    owedMs_ = 0.0;
    pacer_.start();
}

void DemoFeed::stop() { pacer_.stop(); }

bool DemoFeed::tick() {
    const auto now = std::chrono::steady_clock::now();
    owedMs_ = std::min(maxOwedMs_, owedMs_ + std::chrono::duration<double, std::milli>(now - last_).count() * options_.speed);
    last_ = now;
    // Pay what is owed in slices of at most kMaxSliceMs of simulated time, each
    // submitted (and so held back by a full engine queue) before the next is
    // made, with a stop check in between: memory stays bounded and a stop is
    // served within one slice, at any speed.
    while (owedMs_ >= 1.0 && !pacer_.stopRequested()) {
        const auto advanceBy = static_cast<TimestampMs>(std::min(owedMs_, double(kMaxSliceMs)));
        std::vector<Record> batch;
        {
            std::lock_guard lk(simMutex_);
            sim_.advance(sim_.now() + advanceBy, batch);
        }
        owedMs_ -= static_cast<double>(advanceBy);
        if (batch.empty()) continue;
        const auto n = static_cast<std::int64_t>(batch.size());
        if (!submit_(std::move(batch))) return false;  // the consumer has stopped: so does the feed
        records_.fetch_add(n, std::memory_order_relaxed);
        batches_.fetch_add(1, std::memory_order_relaxed);
    }
    return true;
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
