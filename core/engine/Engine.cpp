#include "engine/Engine.h"

#include "record/ThreadName.h"

#include <algorithm>

namespace vigil {

Engine::Engine(const Clock& clock, EngineOptions opts)
    : clock_(clock),
      opts_(opts),
      queue_(opts.queueCapacity),
      gate_(opts.maxAheadMs, opts.resyncAfterRecords),
      snapshots_(opts.snapshot) {
    opts_.tickIntervalMs = std::max<TimestampMs>(opts_.tickIntervalMs, 1);
    askReadsSeries_ = [this](std::uint16_t i, std::string_view series) {
        return stages_[i].stage->readsSeries(series);
    };
}

Engine::~Engine() { stop(); }

void Engine::addStage(std::unique_ptr<Stage> stage) {
    const std::uint32_t kinds = stage->reads();
    const bool marks = stage->marksOutputs();
    for (int k = 0; k < kRecordKindCount; ++k)
        if ((kinds >> k) & 1u) readers_[k].push_back(static_cast<std::uint16_t>(stages_.size()));
    stages_.push_back({std::move(stage), kinds, marks});
    seriesReaders_.setAll(readers_[std::size_t(RecordKind::Metric)]);
}
void Engine::addSink(Sink sink) { sinks_.push_back(std::move(sink)); }

void Engine::start() {
    if (running_.exchange(true)) return;
    thread_ = std::thread([this] {
        nameThisThread("vigil-engine");
        run();
    });
}

bool Engine::submit(std::vector<Record> batch) {
    if (batch.empty()) return true;
    return queue_.push(Item{std::move(batch), nullptr, false});
}

bool Engine::trySubmit(std::vector<Record>& batch) {
    if (batch.empty()) return true;
    Item item{std::move(batch), nullptr, false};
    if (queue_.tryPush(item)) return true;
    batch = std::move(item.batch);  // tryPush leaves a refused item untouched
    refusals_.fetch_add(1, std::memory_order_relaxed);
    return false;
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

struct Engine::State {
    TimestampMs time = 0;
    bool timeSet = false;
    TimestampMs nextTick = 0;
    TimeGate gate{0, 0};
    EngineCounters counters;
    SnapshotBuilder snapshots;
    std::vector<std::unique_ptr<Stage>> stages;
    std::int64_t processed = 0;
};

void Engine::onEngineThread(std::function<void()> fn) {
    if (!running_) {
        fn();
        return;
    }
    std::promise<void> done;
    auto f = done.get_future();
    if (queue_.push(Item{{}, &done, false, &fn})) f.wait();
}

std::shared_ptr<const Engine::State> Engine::saveState() {
    std::shared_ptr<State> s;
    onEngineThread([&] {
        auto copy = std::make_shared<State>(State{time_, timeSet_, nextTick_, gate_, counters_, snapshots_, {},
                                                 processed_.load(std::memory_order_relaxed)});
        for (const auto& wired : stages_) {
            auto c = wired.stage->clone();
            if (!c) return;  // this stage cannot be copied: no checkpoint
            copy->stages.push_back(std::move(c));
        }
        s = std::move(copy);
    });
    return s;
}

void Engine::restoreState(const State& st) {
    onEngineThread([&] {
        time_ = st.time;
        timeSet_ = st.timeSet;
        nextTick_ = st.nextTick;
        gate_ = st.gate;
        counters_ = st.counters;
        snapshots_ = st.snapshots;
        stages_.clear();
        for (auto& r : readers_) r.clear();
        for (const auto& stage : st.stages) addStage(stage->clone());
        processed_.store(st.processed, std::memory_order_relaxed);
    });
}

void Engine::run() {
    while (auto item = queue_.pop()) {
        if (!item->batch.empty()) {
            processBatch(item->batch);
            if (opts_.spentBatches) opts_.spentBatches(std::move(item->batch));
        }
        if (item->call) (*item->call)();
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
    for (const auto& wired : stages_) {
        Stage* const stage = wired.stage.get();
        scratch_.clear();
        feedOutputs(wired, tickFirst);
        stage->tick(now, scratch_);
        for (auto& r : scratch_) outputs_.push_back(std::move(r));
    }
}

void Engine::advanceTime(TimestampMs t) {
    // Ticks fall on fixed boundaries of record time, so the outputs do not depend
    // on how the input happened to be cut into batches.
    if (t < nextTick_ || t < 0) return;
    const TimestampMs boundary = t - t % opts_.tickIntervalMs;
    runTicks(boundary);
    nextTick_ = boundary + opts_.tickIntervalMs;
}

void Engine::noteRejected(std::string why) {
    if (counters_.rejectReasons.size() < opts_.keptRejectReasons && !why.empty())
        counters_.rejectReasons.push_back(std::move(why));
}

// Out of line and cold: the loop over the stages stays small without it.
[[gnu::noinline, gnu::cold]] void Engine::noteRefusal(const Stage& stage, const Record& in, TimestampMs ts,
                                                      bool refusedBefore) {
    if (refusedBefore || counters_.rejectReasons.size() >= opts_.keptRejectReasons) return;
    std::string why = stage.lastRejectReason();
    noteRejected(std::string(stage.name()) + ": " +
                 (why.empty() ? std::string(kindName(kindOf(in))) + " record at " + isoTime(ts) + " refused" : why));
}

bool Engine::runStages(const Record& in, TimestampMs ts) {
    // Each stage sees the input and whatever earlier stages emitted for it. Until a
    // stage emits something, the stages that do not read the input's kind have
    // nothing to do: only its readers are visited (for a metric sample, those that
    // read its series).
    const std::size_t first = outputs_.size();
    bool refused = false;
    std::size_t next = stages_.size();  // where the full walk starts, once there are outputs
    // Usually empty: clear() on a vector of variants is a loop even then.
    if (!scratch_.empty()) scratch_.clear();
    const auto* metric = std::get_if<MetricSample>(&in);
    for (const std::uint16_t i : metric ? seriesReaders_.of(*metric, askReadsSeries_) : readers_[in.index()]) {
        Stage& stage = *stages_[i].stage;
        if (!stage.process(in, scratch_)) {
            noteRefusal(stage, in, ts, refused);
            refused = true;
        }
        if (!scratch_.empty()) {  // rare: most inputs make no output
            for (auto& r : scratch_) outputs_.push_back(std::move(r));
            next = i + std::size_t{1};
            break;
        }
    }
    // From the first stage that emitted on, every later stage is handed the outputs
    // before it (feedOutputs), whatever it reads of the input.
    for (std::size_t i = next; i < stages_.size(); ++i) {
        const Wired& wired = stages_[i];
        scratch_.clear();
        if (wired.takes(in) && !wired.stage->process(in, scratch_)) {
            noteRefusal(*wired.stage, in, ts, refused);
            refused = true;
        }
        feedOutputs(wired, first);
        for (auto& r : scratch_) outputs_.push_back(std::move(r));
    }
    return refused;
}

void Engine::feedOutputs(const Wired& wired, std::size_t first) {
    Stage* const stage = wired.stage.get();
    for (std::size_t i = first; i < outputs_.size(); ++i) {
        if (!wired.takes(outputs_[i])) continue;
        if (wired.marks) stage->markOutput(outputs_[i]);
        else stage->process(outputs_[i], scratch_);
    }
}

void Engine::processBatch(const std::vector<Record>& batch) {
    outputs_.clear();
    // Live mode: the system clock bounds how far ahead a record may be, even before
    // the first record. In replay the virtual clock stays behind the records.
    const TimestampMs clockAtStart = clock_.now();
    for (const Record& in : batch) {
        ++counters_.inputsPerKind[in.index()];
        const TimestampMs ts = timestampOf(in);
        const TimestampMs ref = std::max(time_, clockAtStart);
        if (!gate_.admit(ts, ref, timeSet_ || clockAtStart > 0, kindOf(in), why_)) {
            ++counters_.rejected;
            ++counters_.rejectedTime;
            noteRejected(std::move(why_));
            continue;
        }
        counters_.timeResyncs = static_cast<std::int64_t>(gate_.resyncs());
        timeSet_ = true;
        if (ts > time_) {
            time_ = ts;
            advanceTime(ts);
        }
        snapshots_.consumeInput(in);
        if (runStages(in, ts)) ++counters_.rejected;  // once per input, however many stages refused it
    }
    // Live mode: an injected system clock keeps ticks going through quiet input.
    // In replay the clock is virtual and never ahead of the records.
    const TimestampMs clockNow = clock_.now();
    if (clockNow > time_ && clockNow < kLatestTimestampMs) {
        time_ = clockNow;
        timeSet_ = true;
        advanceTime(clockNow);
    }

    for (const Record& out : outputs_) ++counters_.outputsPerKind[out.index()];
    ++counters_.batches;
    snapshots_.consumeOutputs(outputs_);
    for (auto& sink : sinks_) sink(batch, outputs_);
    processed_.fetch_add(static_cast<std::int64_t>(batch.size()), std::memory_order_relaxed);
}

void Engine::publish() {
    auto s = std::make_shared<Snapshot>();
    s->sequence = ++snapshotSeq_;
    s->engineTime = time_;
    s->counters = counters_;
    for (const Wired& wired : stages_)
        if (const auto n = wired.stage->evictions())
            s->counters.evictions.emplace_back(wired.stage->name(), std::int64_t(n));
    s->queueDepth = queue_.size();
    s->queueCapacity = queue_.capacity();
    snapshots_.fill(*s);
    std::lock_guard lk(snapMutex_);
    snapshot_ = std::move(s);
}

}  // namespace vigil
