#include "engine/Engine.h"

#include <algorithm>

namespace vigil {

Engine::Engine(const Clock& clock, EngineOptions opts)
    : clock_(clock), opts_(opts), queue_(opts.queueCapacity), snapshots_(opts.snapshot) {}

Engine::~Engine() { stop(); }

void Engine::addStage(std::unique_ptr<Stage> stage) { stages_.push_back(std::move(stage)); }
void Engine::addSink(Sink sink) { sinks_.push_back(std::move(sink)); }

void Engine::start() {
    if (running_.exchange(true)) return;
    thread_ = std::thread([this] { run(); });
}

bool Engine::submit(std::vector<Record> batch) {
    if (batch.empty()) return true;
    return queue_.push(Item{std::move(batch), nullptr, false});
}

void Engine::drain() {
    if (!running_) return;
    std::promise<void> done;
    auto f = done.get_future();
    if (queue_.push(Item{{}, &done, false})) f.wait();
}

void Engine::stop() {
    if (!running_.exchange(false)) return;
    queue_.close();  // run() drains what is left, then returns
    if (thread_.joinable()) thread_.join();
}

void Engine::requestSnapshot() {
    if (snapshotWanted_.exchange(true)) return;
    // Wake an idle engine; if the queue is full a batch is coming anyway.
    Item marker{{}, nullptr, true};
    queue_.tryPush(marker);
}

std::shared_ptr<const Snapshot> Engine::latestSnapshot() const {
    std::lock_guard lk(snapMutex_);
    return snapshot_;
}

std::shared_ptr<const Snapshot> Engine::snapshotNow() {
    if (running_) {
        std::promise<void> done;
        auto f = done.get_future();
        if (queue_.push(Item{{}, &done, true})) f.wait();
    } else {
        publish();
    }
    return latestSnapshot();
}

void Engine::run() {
    while (auto item = queue_.pop()) {
        if (!item->batch.empty()) processBatch(item->batch);
        // A drain marker that asks for a snapshot gets one made after everything
        // before it, even if a requestSnapshot() was served a few batches earlier.
        const bool forced = item->snapshot && item->done;
        if (snapshotWanted_.exchange(false) || forced) publish();
        if (item->done) item->done->set_value();
    }
}

void Engine::runTicks(TimestampMs now) {
    // Outputs of an earlier stage's tick go through the later stages first.
    const std::size_t tickFirst = outputs_.size();
    for (auto& stage : stages_) {
        scratch_.clear();
        for (std::size_t i = tickFirst; i < outputs_.size(); ++i) stage->process(outputs_[i], scratch_);
        stage->tick(now, scratch_);
        for (auto& r : scratch_) outputs_.push_back(std::move(r));
    }
}

void Engine::advanceTime(TimestampMs t) {
    // Ticks fall on fixed boundaries of record time, so the outputs do not depend
    // on how the input happened to be cut into batches.
    if (t < nextTick_) return;
    const TimestampMs boundary = t - t % opts_.tickIntervalMs;
    runTicks(boundary);
    nextTick_ = boundary + opts_.tickIntervalMs;
}

void Engine::runStages(const Record& in) {
    // Each stage sees the input and whatever earlier stages emitted for it.
    const std::size_t first = outputs_.size();
    for (auto& stage : stages_) {
        scratch_.clear();
        if (!stage->process(in, scratch_)) ++counters_.rejected;
        for (std::size_t i = first; i < outputs_.size(); ++i) stage->process(outputs_[i], scratch_);
        for (auto& r : scratch_) outputs_.push_back(std::move(r));
    }
}

void Engine::processBatch(const std::vector<Record>& batch) {
    outputs_.clear();
    for (const Record& in : batch) {
        ++counters_.inputsPerKind[in.index()];
        const TimestampMs ts = timestampOf(in);
        if (ts > time_) {
            time_ = ts;
            advanceTime(ts);
        }
        runStages(in);
    }
    // Live mode: an injected system clock keeps ticks going through quiet input.
    // In replay the clock is virtual and never ahead of the records.
    const TimestampMs clockNow = clock_.now();
    if (clockNow > time_) {
        time_ = clockNow;
        advanceTime(clockNow);
    }

    for (const Record& out : outputs_) ++counters_.outputsPerKind[out.index()];
    ++counters_.batches;
    snapshots_.consume(batch, outputs_);
    for (auto& sink : sinks_) sink(batch, outputs_);
    processed_.fetch_add(static_cast<std::int64_t>(batch.size()), std::memory_order_relaxed);
}

void Engine::publish() {
    auto s = std::make_shared<Snapshot>();
    s->sequence = ++snapshotSeq_;
    s->engineTime = time_;
    s->counters = counters_;
    s->queueDepth = queue_.size();
    s->queueCapacity = queue_.capacity();
    snapshots_.fill(*s);
    std::lock_guard lk(snapMutex_);
    snapshot_ = std::move(s);
}

}  // namespace vigil
