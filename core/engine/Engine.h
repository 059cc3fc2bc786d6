// The engine: one thread owns all stage state. Producers hand it record batches
// through a bounded queue (submit() blocks when full: backpressure, never loss);
// it runs the stages in order, ticks them on record time, and hands inputs and
// outputs to the sinks (the snapshot builder first, then store, recorder, ...).
// When a snapshot was requested it publishes one that the builder filled.
#pragma once

#include "engine/BoundedQueue.h"
#include "engine/SeriesReaders.h"
#include "engine/Snapshot.h"
#include "engine/SnapshotBuilder.h"
#include "engine/TimeGate.h"
#include "record/Clock.h"
#include "record/Stage.h"

#include <array>
#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace vigil {

struct EngineOptions {
    std::size_t queueCapacity = 64;      // batches
    TimestampMs tickIntervalMs = 1000;   // stages' tick() runs on these boundaries of record time
    // A record more than this far ahead of engine time is refused (counted, with a
    // reason) and does not move engine time; see TimeGate.h and docs/reliability.md.
    TimestampMs maxAheadMs = 15 * 60'000;
    // ... unless this many consecutive records agree on the later time: then the
    // stream itself moved on (a recording resumed after a pause) and engine time follows.
    std::size_t resyncAfterRecords = 32;
    std::size_t keptRejectReasons = 5;   // the first reasons, for the CLI and the UI
    SnapshotOptions snapshot;            // what the snapshot builder keeps
    // Optional: gets each input batch on the engine thread once every stage and sink is
    // done with it, for the producer to free (or reuse) on its own thread. Its records
    // were allocated there: freeing them here cost the engine thread ≈ 5 % of a replay
    // (docs/performance.md). Unset, the engine frees them.
    std::function<void(std::vector<Record>&& spent)> spentBatches;
};

class Engine {
public:
    // Called on the engine thread after each batch, with the batch and everything
    // the stages emitted for it. Sinks must not block for long (the store sink
    // only enqueues).
    using Sink = std::function<void(const std::vector<Record>& inputs, const std::vector<Record>& outputs)>;

    explicit Engine(const Clock& clock, EngineOptions opts = {});
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    void addStage(std::unique_ptr<Stage> stage);  // before start()
    void addSink(Sink sink);                      // before start()

    void start();
    // Blocks while the queue is full. False only after stop().
    bool submit(std::vector<Record> batch);
    // Never blocks: false when the queue is full (or stopped), and then `batch` is
    // left as it was, for the caller to offer again later (collectors, RecordSink.h).
    // On true the batch was moved from.
    bool trySubmit(std::vector<Record>& batch);
    // Waits until every batch submitted before this call has gone through.
    void drain();
    // Drains, then stops the thread. Idempotent.
    void stop();

    // Asks the engine to publish a snapshot after its next batch (or at once if
    // idle); latestSnapshot() returns the newest published one (maybe null).
    void requestSnapshot();
    std::shared_ptr<const Snapshot> latestSnapshot() const;
    // Drains and returns a fresh snapshot (CLI, tests).
    std::shared_ptr<const Snapshot> snapshotNow();

    // Replay checkpoints (core/replay): a copy of everything the engine thread owns
    // (time, time gate, counters, snapshot builder, every stage via Stage::clone()).
    // Both run on the engine thread after what was submitted before (they wait for
    // it), or directly when the engine is not running. saveState() gives null when
    // a stage cannot be copied. restoreState() leaves the saved state reusable;
    // typed stage handles (PipelineStages) do not point at the restored stages.
    struct State;
    std::shared_ptr<const State> saveState();
    void restoreState(const State& state);

    std::size_t queueDepth() const { return queue_.size(); }
    std::size_t queueCapacity() const { return queue_.capacity(); }
    std::size_t producerWaits() const { return queue_.producerWaits(); }
    // trySubmit() calls that found the queue full (the collectors' back-pressure).
    std::int64_t submitRefusals() const { return refusals_.load(std::memory_order_relaxed); }
    std::int64_t recordsProcessed() const { return processed_.load(std::memory_order_relaxed); }

private:
    struct Item {
        std::vector<Record> batch;
        std::promise<void>* done = nullptr;  // a drain marker when set
        bool snapshot = false;
        std::function<void()>* call = nullptr;  // run on the engine thread (with `done`)
    };
    void onEngineThread(std::function<void()> fn);
    void run();
    void processBatch(const std::vector<Record>& batch);
    void advanceTime(TimestampMs t);
    void noteRejected(std::string why);
    void runTicks(TimestampMs now);
    void publish();
    // Runs every stage on one input; true when a stage refused it (reason noted once).
    bool runStages(const Record& in, TimestampMs ts);
    // A stage refused the input: notes why, for the first refusal of a record only.
    void noteRefusal(const Stage& stage, const Record& in, TimestampMs ts, bool refusedBefore);

    const Clock& clock_;
    EngineOptions opts_;
    BoundedQueue<Item> queue_;
    // Each stage with the kinds it reads (Stage::reads(), asked once).
    struct Wired {
        std::unique_ptr<Stage> stage;
        std::uint32_t kinds = kAllKinds;
        bool marks = false;  // Stage::marksOutputs(): earlier outputs go to markOutput()
        bool takes(const Record& r) const { return (kinds >> r.index()) & 1u; }
    };
    // Hands the stage the outputs from `first` on that it reads.
    void feedOutputs(const Wired& wired, std::size_t first);
    std::vector<Wired> stages_;
    // For each record kind, the positions in stages_ of the stages that read it: an
    // input that makes no output (nearly all) visits only those, in order. Nine inputs
    // in ten are metric samples, which about half the stages do not read.
    std::array<std::vector<std::uint16_t>, kRecordKindCount> readers_;
    // Of the metric readers, those that read a sample's series (Stage::readsSeries).
    SeriesReaders seriesReaders_;
    SeriesReaders::Ask askReadsSeries_;
    std::vector<Sink> sinks_;
    std::thread thread_;
    std::atomic<bool> running_{false};
    std::atomic<bool> snapshotWanted_{false};
    std::atomic<std::int64_t> processed_{0};
    std::atomic<std::int64_t> refusals_{0};

    // Engine-thread state.
    TimestampMs time_ = 0;
    bool timeSet_ = false;  // by a record or the clock
    TimestampMs nextTick_ = 0;
    TimeGate gate_;
    std::string why_;  // scratch for the gate's reason
    EngineCounters counters_;
    SnapshotBuilder snapshots_;
    std::vector<Record> outputs_, scratch_;
    std::uint64_t snapshotSeq_ = 0;

    mutable std::mutex snapMutex_;
    std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace vigil
