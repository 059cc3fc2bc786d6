// Replays a recording (.ndjson / .ndjson.gz) through the same engine as the live
// console, on a virtual clock: 1x..1000x or as fast as possible, pause, step to
// the next anomaly or incident, and seek anywhere. Its own thread reads, puts
// records back in order (ReorderWindow), paces and submits them; the engine
// thread runs the stages; the caller (the GUI thread) only posts commands and
// reads progress, and never waits on either thread.
//
// Seeking: every checkpointEveryMs of record time the replay keeps a checkpoint:
// the reader's position, the reorder window, what the replay produced so far and
// a copy of the engine's state (Engine::saveState, Stage::clone). A seek goes back
// to the newest checkpoint at or before the target and runs from there as fast as
// possible; a seek forward just runs on. At most maxCheckpoints are kept, and
// together they take at most checkpointBytes of heap (each checkpoint's size is the
// heap it took); beyond either, every other one is dropped and the spacing
// doubles, so memory stays flat however long the recording (a copy of the engine
// grows with what its stages learn, up to their caps: ≈ 5-8 MB on the cascade).
// Determinism: records reach the engine in the same order whatever the speed,
// pauses and seeks, so the outputs are byte-identical (tst_replaycontroller).
//
// Actions are planned but never carried out: the caller's install function gives
// the planner a recording actuator (app/common/ReplayPipeline.h); nothing is sent
// to a node, a webhook or a command.
#pragma once

#include "engine/Engine.h"
#include "record/SeriesInterner.h"
#include "replay/LogFileReader.h"
#include "replay/ReorderWindow.h"
#include "replay/ReplayOutputs.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace vigil {

struct ReplayControllerOptions {
    TimestampMs reorderWindowMs = 2000;
    TimestampMs checkpointEveryMs = 60'000;  // of record time; doubles when maxCheckpoints are reached
    std::size_t maxCheckpoints = 32;
    std::size_t checkpointBytes = std::size_t(96) << 20;  // all checkpoints together
    // The heap in use, to size a checkpoint (before and after taking it); empty:
    // the allocator's own count (glibc mallinfo2). Tests give their own.
    std::function<std::size_t()> heapInUse;
    // What outputs() keeps (and every checkpoint copies); the rest is counted.
    std::size_t maxIncidents = 2'000, maxActions = 20'000;
    // As fast as possible; paced and stepping replays use smaller batches. 1 024 records
    // (≈ 256 KB) rather than 4 096: the engine meets a batch while more of it is still in
    // cache. On a 2-core VM a few per cent less CPU at most (within its noise) and ≈ 20 MB
    // less peak RSS (docs/performance.md).
    std::size_t batchRecords = 1024;
    bool findEnd = true;              // read the last timestamp first (timeline, time left)
    // Nice increment for the replay's reader and engine threads (replay/WorkerPriority.h):
    // the console gives 10 so its GUI thread wins the cores; 0 leaves them as they are.
    int workerNice = 0;
    // The engine's queue holds batchRecords-sized batches: 32 (8 MB of records) keep the
    // engine busy however the reader's pace varies. The live default of 64 batches of
    // 4 096 let a replay run 64 MB ahead whenever the engine paused for a checkpoint
    // (peak RSS on a 1 GB log 129-159 MB; 16 MB ahead: 118-126 MB; 8 MB: 100-101 MB,
    // docs/performance.md).
    EngineOptions engine = [] {
        EngineOptions e;
        e.queueCapacity = 32;
        return e;
    }();
};

enum class ReplayStep { Anomaly, Incident };

// A copy of where the replay is, for the GUI and the CLI.
struct ReplayProgress {
    static constexpr TimestampMs kUnknown = std::numeric_limits<TimestampMs>::min();
    TimestampMs first = kUnknown, last = kUnknown, now = kUnknown;  // record time
    double fraction = 0;      // of the recording replayed, 0..1
    double secondsLeft = -1;  // wall seconds, -1 until it can be told
    double speed = 0;         // 0: as fast as possible
    bool playing = false, finished = false;
    std::int64_t records = 0, malformed = 0, reordered = 0, late = 0;
    std::int64_t anomalies = 0, incidents = 0, actions = 0;  // all emitted so far
    std::int64_t incidentsDropped = 0, actionsDropped = 0;  // of those, not kept in outputs()
    std::int64_t checkpoints = 0, seeks = 0;
    std::int64_t checkpointBytes = 0;  // heap the checkpoints take together
    std::string error;  // the reader's (truncated gzip, read error); the replay still ends cleanly
};

class ReplayController {
public:
    // `install` adds the stages to the engine (default: installDefaultStages).
    using Install = std::function<void(Engine&)>;
    explicit ReplayController(Install install = {}, ReplayControllerOptions opts = {});
    ~ReplayController();
    ReplayController(const ReplayController&) = delete;
    ReplayController& operator=(const ReplayController&) = delete;

    // Opens the recording and starts the replay thread, paused at the start.
    // False with error ("PATH: reason") when the file cannot be opened.
    bool open(const std::string& path, std::string& error);
    const std::string& path() const { return path_; }
    Engine& engine() { return *engine_; }

    // Commands: they return at once; the replay thread carries them out in order.
    void play();
    void pause();
    void setSpeed(double multiple);  // 1..1000 (clamped), or 0 for as fast as possible
    void stepTo(ReplayStep what);    // as fast as possible to the next one emitted, then pause
    void seek(TimestampMs recordTime);

    ReplayProgress progress() const;
    // Blocks until the replay thread has nothing to do (paused or at the end, every
    // command carried out): the CLI and tests. Not for the GUI thread.
    void waitIdle();
    // What the replay produced so far (a consistent copy after waitIdle()).
    ReplayOutputs outputs() const;
    // Everything wrong with the recording, "PATH:LINE: reason", in line order per
    // kind (malformed lines first, then out-of-order ones), the first 1000 of each.
    std::vector<std::string> problems() const;

private:
    struct Checkpoint;
    void run();
    // Submits up to maxRecords of the next records with times up to upTo, and keeps
    // a checkpoint when one is due; false when there was nothing to do.
    bool submitBatch(std::size_t maxRecords, TimestampMs upTo);
    void fill(std::size_t want);  // reads until want records are ready (or the end)
    bool exhausted() const;
    void doSeek(TimestampMs target);
    void keepCheckpoint();
    void thinCheckpoints();
    std::size_t heapInUse() const;
    void finish();
    void updateProgress();
    void updateProgressLocked();
    void noteProblems();
    // Frees the batches the engine is done with, here on the thread that allocated
    // their records, and keeps one emptied buffer to reuse (spare_).
    void reclaimSpent();
    std::vector<Record> takeSpare(std::size_t capacity);

    ReplayControllerOptions opts_;
    Install install_;
    VirtualClock clock_;  // stays at 0: record time drives the engine
    std::unique_ptr<Engine> engine_;
    std::string path_;

    // Replay thread only.
    LogFileReader reader_;
    ReorderWindow reorder_;
    // Numbers the samples' (series, target) pairs for the stages (record/SeriesInterner.h);
    // kept across seeks, so the stages' shortcuts stay good after one.
    SeriesInterner series_;
    std::vector<Record> ready_;           // released by the window, not yet submitted
    std::size_t readyAt_ = 0;             // next of ready_ to submit
    std::vector<Record> readBuf_;
    std::vector<Record> spare_;  // an emptied spent batch, its capacity kept
    std::vector<std::int64_t> lineBuf_;
    bool atEnd_ = false;                  // reader finished, window flushed
    std::vector<std::shared_ptr<const Checkpoint>> checkpoints_;
    std::size_t checkpointBytes_ = 0;  // theirs together
    TimestampMs checkpointEvery_ = 0;
    std::chrono::steady_clock::time_point wall0_;
    TimestampMs ts0_ = 0;
    bool anchored_ = false;
    TimestampMs now_ = ReplayProgress::kUnknown;    // newest record time submitted
    TimestampMs firstTs_ = ReplayProgress::kUnknown;
    std::int64_t records_ = 0;
    std::int64_t fileBytes_ = 0;
    std::chrono::steady_clock::time_point rateWall0_;  // time left as fast as possible: since here
    double rateFraction0_ = -1;

    // Shared with the engine thread: batches it is done with (EngineOptions::spentBatches).
    std::mutex spentMu_;
    std::vector<std::vector<Record>> spent_;

    // Shared: commands and progress.
    mutable std::mutex mu_;
    std::condition_variable wake_, idle_;
    std::uint64_t commandSeq_ = 0;  // bumps on every command, so pacing waits end early
    bool stop_ = false, playing_ = false, busy_ = false;
    std::optional<ReplayStep> stepping_;
    std::optional<TimestampMs> seekTo_;
    double speed_ = 0;
    ReplayProgress progress_;
    std::string error_;
    std::vector<std::string> problems_;  // refreshed whenever the replay thread goes idle
    ReplayOutputs outputs_;  // the engine thread's sink adds, under mu_
    std::thread thread_;
};

}  // namespace vigil
