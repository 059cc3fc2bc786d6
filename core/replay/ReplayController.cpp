#include "replay/ReplayController.h"

#include "record/ThreadName.h"
#include "replay/WorkerPriority.h"

#include "engine/Pipeline.h"
#include "replay/LogEnd.h"

#include <malloc.h>

#include <algorithm>
#include <filesystem>

namespace vigil {

namespace {
constexpr std::size_t kPacedBatch = 4096;  // at most per submit when paced (usually far fewer are due)
constexpr std::size_t kStepBatch = 256;    // stepping stops within this many records of the anomaly
constexpr std::size_t kSpentKept = 4;      // spent batches waiting for the replay thread to free them
constexpr TimestampMs kUnknown = ReplayProgress::kUnknown;
}  // namespace

struct ReplayController::Checkpoint {
    TimestampMs ts = kUnknown;  // record time of the last record submitted before it
    std::int64_t records = 0;
    LogFileReader::Position position;
    ReorderWindow reorder;
    std::vector<Record> ready;  // released by the window, not yet submitted
    bool atEnd = false;
    ReplayOutputs outputs;
    std::shared_ptr<const Engine::State> engine;
    std::size_t bytes = 0;  // heap it took
};

ReplayController::ReplayController(Install install, ReplayControllerOptions opts)
    : opts_(opts), install_(std::move(install)), reorder_(opts.reorderWindowMs) {
    checkpointEvery_ = std::max<TimestampMs>(opts_.checkpointEveryMs, 1);
    outputs_.maxIncidents = opts_.maxIncidents;
    outputs_.maxActions = opts_.maxActions;
    // The engine hands spent batches back: their records were allocated on the replay
    // thread, and freed there they cost the engine nothing (and the reader's allocator
    // reuses them at once). A few at most wait; beyond that the engine frees them.
    opts_.engine.spentBatches = [this](std::vector<Record>&& spent) {
        std::lock_guard lk(spentMu_);
        if (spent_.size() < kSpentKept) spent_.push_back(std::move(spent));
    };
    engine_ = std::make_unique<Engine>(clock_, opts_.engine);
    if (install_)
        install_(*engine_);
    else
        installDefaultStages(*engine_);
    engine_->addSink([this](const std::vector<Record>&, const std::vector<Record>& out) {
        if (out.empty()) return;
        std::lock_guard lk(mu_);
        outputs_.add(out);
    });
}

ReplayController::~ReplayController() {
    {
        std::lock_guard lk(mu_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    engine_->stop();
}

bool ReplayController::open(const std::string& path, std::string& error) {
    if (!path_.empty()) {
        error = path + ": a replay opens one recording (make a new one)";
        return false;
    }
    if (!reader_.open(path)) {
        error = reader_.error();
        return false;
    }
    path_ = path;
    std::error_code ec;
    fileBytes_ = std::int64_t(std::filesystem::file_size(path, ec));
    if (ec) fileBytes_ = 0;
    // The start is the first checkpoint: a fresh engine, the file's first byte.
    const std::size_t heap0 = heapInUse();
    auto start = std::make_shared<Checkpoint>();
    start->position = reader_.position();
    start->reorder = reorder_;
    start->engine = engine_->saveState();
    start->bytes = std::max(heapInUse(), heap0) - heap0;
    if (start->engine) {
        checkpointBytes_ = start->bytes;
        checkpoints_.push_back(std::move(start));
    }
    if (opts_.workerNice > 0) {
        // A new thread takes its creator's nice value: started from a thread lowered
        // already, the engine thread runs lowered from its first batch on.
        std::thread([this] {
            lowerThisThreadPriority(opts_.workerNice);
            engine_->start();
        }).join();
    } else {
        engine_->start();
    }
    busy_ = true;  // until the thread has found the start
    thread_ = std::thread([this] {
        nameThisThread("vigil-replay");
        run();
    });
    return true;
}

void ReplayController::play() {
    std::lock_guard lk(mu_);
    playing_ = true;
    ++commandSeq_;
    wake_.notify_all();
}

void ReplayController::pause() {
    std::lock_guard lk(mu_);
    playing_ = false;
    stepping_.reset();
    ++commandSeq_;
    wake_.notify_all();
}

void ReplayController::setSpeed(double multiple) {
    std::lock_guard lk(mu_);
    speed_ = multiple <= 0 ? 0.0 : std::clamp(multiple, 1.0, 1000.0);
    ++commandSeq_;
    wake_.notify_all();
}

void ReplayController::stepTo(ReplayStep what) {
    std::lock_guard lk(mu_);
    stepping_ = what;
    ++commandSeq_;
    wake_.notify_all();
}

void ReplayController::seek(TimestampMs recordTime) {
    std::lock_guard lk(mu_);
    seekTo_ = recordTime;
    ++commandSeq_;
    wake_.notify_all();
}

ReplayProgress ReplayController::progress() const {
    std::lock_guard lk(mu_);
    ReplayProgress p = progress_;
    p.speed = speed_;
    p.playing = (playing_ || stepping_) && !p.finished;
    p.anomalies = outputs_.anomalies;
    p.incidents = outputs_.incidentsOpened;
    p.actions = outputs_.actionsPlanned;
    p.incidentsDropped = outputs_.incidentsDropped;
    p.actionsDropped = outputs_.actionsDropped;
    p.error = error_;
    return p;
}

ReplayOutputs ReplayController::outputs() const {
    std::lock_guard lk(mu_);
    return outputs_;
}

void ReplayController::waitIdle() {
    std::unique_lock lk(mu_);
    idle_.wait(lk, [&] {
        const bool work = stop_ || seekTo_ || ((playing_ || stepping_) && !progress_.finished);
        return !busy_ && !work;
    });
}

std::vector<std::string> ReplayController::problems() const {
    std::lock_guard lk(mu_);
    return problems_;
}

void ReplayController::run() {
    lowerThisThreadPriority(opts_.workerNice);
    fill(1);
    TimestampMs last = kUnknown;
    const bool haveEnd = opts_.findEnd && lastTimestampOf(path_, last);
    {
        std::lock_guard lk(mu_);
        if (readyAt_ < ready_.size()) progress_.first = firstTs_ = timestampOf(ready_[readyAt_]);
        if (haveEnd) progress_.last = last;
    }
    // With the way known, start at the spacing that thinning would reach at the end:
    // a long log then takes about maxCheckpoints checkpoints instead of ≈ 16 more for
    // every doubling on the way (each a copy of the engine; ≈ 10 % of a 1 GB replay).
    if (haveEnd && firstTs_ != kUnknown && last > firstTs_) {
        // Unsigned: exact as last > first, where the signed difference of times far apart
        // (a log's int64 extremes) would overflow.
        const std::uint64_t span = std::uint64_t(last) - std::uint64_t(firstTs_);
        const auto slots = std::uint64_t(std::max<std::size_t>(opts_.maxCheckpoints, 2) - 1);
        while (std::uint64_t(checkpointEvery_) < span / slots &&
               checkpointEvery_ < std::numeric_limits<TimestampMs>::max() / 4)
            checkpointEvery_ *= 2;
    }
    std::uint64_t seenSeq = 0;
    for (;;) {
        std::unique_lock lk(mu_);
        auto work = [&] { return stop_ || seekTo_ || ((playing_ || stepping_) && !progress_.finished); };
        if (!work()) {
            noteProblems();
            busy_ = false;
            idle_.notify_all();
            wake_.wait(lk, work);
        }
        busy_ = true;
        if (stop_) return;
        if (commandSeq_ != seenSeq) {  // a new speed, play or seek: pace from here
            seenSeq = commandSeq_;
            anchored_ = false;
            rateFraction0_ = -1;
        }
        if (seekTo_) {
            const TimestampMs t = *seekTo_;
            seekTo_.reset();
            lk.unlock();
            doSeek(t);
            continue;
        }
        const auto stepping = stepping_;
        const double speed = speed_;
        lk.unlock();

        if (stepping) {
            auto count = [&] {
                std::lock_guard g(mu_);
                return *stepping == ReplayStep::Anomaly ? outputs_.anomalies : outputs_.incidentsOpened;
            };
            const std::int64_t before = count();
            for (;;) {  // until one is emitted, the end, or another command
                const bool sent = submitBatch(kStepBatch, std::numeric_limits<TimestampMs>::max());
                engine_->drain();
                if (!sent || count() != before) break;
                std::lock_guard g(mu_);
                if (commandSeq_ != seenSeq || stop_) break;
            }
            if (exhausted()) {
                finish();
            } else {
                std::lock_guard g(mu_);
                if (commandSeq_ == seenSeq) {
                    stepping_.reset();
                    playing_ = false;
                }
            }
            continue;
        }
        if (speed <= 0) {
            if (!submitBatch(opts_.batchRecords, std::numeric_limits<TimestampMs>::max()) && exhausted()) finish();
            continue;
        }
        // Paced: submit what is due on the virtual clock, then sleep until the next.
        fill(1);
        if (exhausted()) {
            finish();
            continue;
        }
        const auto wallNow = std::chrono::steady_clock::now();
        if (!anchored_) {
            ts0_ = timestampOf(ready_[readyAt_]);
            wall0_ = wallNow;
            anchored_ = true;
        }
        const double elapsedMs = std::chrono::duration<double, std::milli>(wallNow - wall0_).count();
        const auto due = static_cast<TimestampMs>(double(ts0_) + elapsedMs * speed);
        if (submitBatch(kPacedBatch, due)) continue;
        fill(1);
        if (readyAt_ >= ready_.size()) continue;
        const TimestampMs next = timestampOf(ready_[readyAt_]);
        const auto wakeAt = wall0_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                         std::chrono::duration<double, std::milli>(double(next - ts0_) / speed));
        lk.lock();
        wake_.wait_until(lk, std::min(wakeAt, wallNow + std::chrono::milliseconds(100)),
                         [&] { return stop_ || commandSeq_ != seenSeq; });
    }
}

bool ReplayController::exhausted() const { return atEnd_ && readyAt_ >= ready_.size(); }

void ReplayController::fill(std::size_t want) {
    while (ready_.size() - readyAt_ < want && !atEnd_) {
        if (readyAt_ > 0) {
            ready_.erase(ready_.begin(), ready_.begin() + std::ptrdiff_t(readyAt_));
            readyAt_ = 0;
        }
        readBuf_.clear();
        lineBuf_.clear();
        // About as many as are missing (a window's worth is held back meanwhile), so
        // the ready records are about one batch and go to the engine whole.
        const std::size_t missing = want - (ready_.size() - readyAt_);
        const bool more = reader_.readBatch(readBuf_, std::clamp<std::size_t>(missing, 256, 4096), lineBuf_);
        series_.internAll(readBuf_);  // here, so that the engine thread's stages need not hash names
        reorder_.pushAll(readBuf_, lineBuf_, ready_);
        if (!more) {
            reorder_.flush(ready_);
            atEnd_ = true;
        }
    }
}

void ReplayController::reclaimSpent() {
    std::vector<std::vector<Record>> spent;
    {
        std::lock_guard lk(spentMu_);
        if (spent_.empty()) return;
        spent.swap(spent_);
    }
    for (auto& b : spent) {
        b.clear();
        if (b.capacity() > spare_.capacity()) spare_.swap(b);
    }
}

std::vector<Record> ReplayController::takeSpare(std::size_t capacity) {
    std::vector<Record> v;
    // Only a buffer about the size wanted: a larger one would hold memory for nothing.
    if (spare_.capacity() >= capacity && spare_.capacity() <= 2 * capacity) v.swap(spare_);
    v.reserve(capacity);
    return v;
}

bool ReplayController::submitBatch(std::size_t maxRecords, TimestampMs upTo) {
    reclaimSpent();
    fill(maxRecords);
    // Beyond the furthest checkpoint a batch stops at the next one's time, so
    // checkpoints are checkpointEvery_ apart however large the batches.
    const bool ahead = !checkpoints_.empty() && now_ >= checkpoints_.back()->ts;
    TimestampMs due = std::numeric_limits<TimestampMs>::max();
    auto plus = [](TimestampMs t, TimestampMs d) {  // saturating: times may be near the int64 ends
        return t > std::numeric_limits<TimestampMs>::max() - d ? std::numeric_limits<TimestampMs>::max() : t + d;
    };
    if (ahead) {
        const TimestampMs from = checkpoints_.size() == 1 ? firstTs_ : checkpoints_.back()->ts;
        if (from != kUnknown) due = plus(from, checkpointEvery_);
        // A gap in record time longer than the spacing right after a checkpoint: nothing
        // lies before `due` to send or keep, so the next checkpoint is a spacing after the
        // next record (without this the replay spun here, sending nothing, for ever).
        if (readyAt_ < ready_.size() && records_ == checkpoints_.back()->records && timestampOf(ready_[readyAt_]) > due)
            due = plus(timestampOf(ready_[readyAt_]), checkpointEvery_);
    }
    const TimestampMs limit = std::min(upTo, due);
    std::size_t n = 0;
    while (n < maxRecords && readyAt_ + n < ready_.size() && timestampOf(ready_[readyAt_ + n]) <= limit) ++n;
    std::vector<Record> batch;
    if (readyAt_ == 0 && n > 0 && n * 2 >= ready_.size()) {
        // Most of the ready buffer goes: it becomes the batch, and the few records
        // after it move to a new buffer, instead of every record moving to the batch.
        // A batch's worth and a little: what fill() usually adds without regrowing, and
        // as this buffer becomes the next batch, the queue's batches stay about as large
        // as before (a larger reserve raised c10h's peak RSS by 7 MB).
        std::vector<Record> rest = takeSpare(maxRecords + 512);
        rest.insert(rest.end(), std::make_move_iterator(ready_.begin() + std::ptrdiff_t(n)),
                    std::make_move_iterator(ready_.end()));
        ready_.resize(n);
        batch.swap(ready_);
        ready_.swap(rest);
    } else {
        batch.reserve(n);
        for (std::size_t i = 0; i < n; ++i) batch.push_back(std::move(ready_[readyAt_++]));
    }
    const bool sent = !batch.empty();
    if (sent) {
        now_ = std::max(now_, timestampOf(batch.back()));
        records_ += std::int64_t(batch.size());
        engine_->submit(std::move(batch));
        updateProgress();
    }
    // Everything up to the due time is in: keep a checkpoint there.
    const bool reached = readyAt_ < ready_.size() ? timestampOf(ready_[readyAt_]) > due : atEnd_;
    if (ahead && reached && records_ > checkpoints_.back()->records && upTo >= due) {
        keepCheckpoint();
        return true;
    }
    return sent;
}

std::size_t ReplayController::heapInUse() const {
    if (opts_.heapInUse) return opts_.heapInUse();
    const struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;  // in use in the arenas, and mapped on their own
}

void ReplayController::keepCheckpoint() {
    // Once the engine has caught up it only copies while this thread waits: the
    // heap's growth is the checkpoint's size.
    engine_->drain();
    const std::size_t heap0 = heapInUse();
    auto cp = std::make_shared<Checkpoint>();
    cp->engine = engine_->saveState();  // waits for the engine to catch up
    if (!cp->engine) return;
    cp->ts = now_;
    cp->records = records_;
    cp->position = reader_.position();
    cp->reorder = reorder_;
    cp->ready.assign(ready_.begin() + std::ptrdiff_t(readyAt_), ready_.end());
    cp->atEnd = atEnd_;
    {
        std::lock_guard lk(mu_);
        cp->outputs = outputs_;
    }
    cp->bytes = std::max(heapInUse(), heap0) - heap0;
    checkpointBytes_ += cp->bytes;
    checkpoints_.push_back(std::move(cp));
    thinCheckpoints();
    std::lock_guard lk(mu_);
    progress_.checkpoints = std::int64_t(checkpoints_.size());
    progress_.checkpointBytes = std::int64_t(checkpointBytes_);
}

void ReplayController::thinCheckpoints() {
    auto over = [&] {
        return checkpoints_.size() > std::max<std::size_t>(opts_.maxCheckpoints, 2) ||
               (checkpointBytes_ > opts_.checkpointBytes && checkpoints_.size() > 2);
    };
    while (over()) {
        // Keep the start, every other one and the newest; the rest of the way at
        // twice the spacing.
        std::vector<std::shared_ptr<const Checkpoint>> kept;
        checkpointBytes_ = 0;
        for (std::size_t i = 0; i < checkpoints_.size(); ++i)
            if (i == 0 || i % 2 == 0 || i + 1 == checkpoints_.size()) {
                checkpointBytes_ += checkpoints_[i]->bytes;
                kept.push_back(checkpoints_[i]);
            }
        checkpoints_ = std::move(kept);
        // Saturating: on a log whose times span most of int64 the spacing is already
        // huge, and doubling it overflowed (fuzz_replay, UBSan).
        constexpr TimestampMs kMax = std::numeric_limits<TimestampMs>::max();
        checkpointEvery_ = checkpointEvery_ > kMax / 2 ? kMax : checkpointEvery_ * 2;
    }
}

void ReplayController::doSeek(TimestampMs target) {
    engine_->drain();
    // The newest checkpoint at or before the target.
    std::shared_ptr<const Checkpoint> cp;
    for (const auto& c : checkpoints_)
        if (c->ts <= target) cp = c;
    // Forward with no checkpoint between here and the target: just run on.
    const bool runOn = target >= now_ && (!cp || cp->ts <= now_) && now_ != kUnknown;
    if (!runOn && cp) {
        engine_->restoreState(*cp->engine);
        reader_.seek(cp->position);
        reorder_ = cp->reorder;
        ready_ = cp->ready;
        readyAt_ = 0;
        atEnd_ = cp->atEnd;
        now_ = cp->ts;
        records_ = cp->records;
        std::lock_guard lk(mu_);
        outputs_ = cp->outputs;
        progress_.finished = false;
    }
    while (submitBatch(opts_.batchRecords, target)) {
    }
    engine_->drain();
    std::lock_guard lk(mu_);
    ++progress_.seeks;
    progress_.finished = false;
    if (exhausted()) {
        progress_.finished = true;
        playing_ = false;
        stepping_.reset();
    }
    updateProgressLocked();
}

void ReplayController::finish() {
    engine_->drain();
    std::lock_guard lk(mu_);
    progress_.finished = true;
    playing_ = false;
    stepping_.reset();
    error_ = reader_.error();
    updateProgressLocked();
}

void ReplayController::updateProgress() {
    std::lock_guard lk(mu_);
    updateProgressLocked();
}

void ReplayController::updateProgressLocked() {
    auto& p = progress_;
    p.now = now_;
    p.records = records_;
    const auto& st = reader_.stats();
    p.malformed = st.malformed;
    p.reordered = reorder_.reordered();
    p.late = reorder_.late();
    if (p.first != kUnknown && p.last != kUnknown && p.last > p.first && now_ != kUnknown)
        // Differences of doubles: exact for real times, no signed overflow for a log's int64 extremes.
        p.fraction = std::clamp((double(now_) - double(p.first)) / (double(p.last) - double(p.first)), 0.0, 1.0);
    else if (fileBytes_ > 0)
        p.fraction = std::clamp(double(reader_.compressedOffset()) / double(fileBytes_), 0.0, 1.0);
    if (exhausted()) p.fraction = 1.0;
    // Time left: paced, the record time still to go at this speed; as fast as
    // possible, the pace of the last run so far.
    const auto wall = std::chrono::steady_clock::now();
    if (speed_ > 0 && p.last != kUnknown && now_ != kUnknown) {
        p.secondsLeft = std::max(0.0, (double(p.last) - double(now_)) / speed_ / 1000.0);
    } else if (rateFraction0_ < 0) {
        rateWall0_ = wall;
        rateFraction0_ = p.fraction;
        p.secondsLeft = -1;
    } else if (p.fraction > rateFraction0_) {
        const double s = std::chrono::duration<double>(wall - rateWall0_).count();
        p.secondsLeft = s * (1.0 - p.fraction) / (p.fraction - rateFraction0_);
    }
    p.playing = (playing_ || stepping_) && !p.finished;
}

void ReplayController::noteProblems() {
    problems_.clear();
    for (const auto& e : reader_.stats().errors)
        problems_.push_back(path_ + ":" + std::to_string(e.line) + ": " + e.reason);
    if (reader_.stats().malformed > std::int64_t(reader_.stats().errors.size()))
        problems_.push_back(path_ + ": " + std::to_string(reader_.stats().malformed) + " malformed lines in all");
    for (const auto& e : reorder_.reports())
        problems_.push_back(path_ + ":" + (e.line ? std::to_string(e.line) : std::string("?")) + ": " + e.reason);
    if (reorder_.late() > std::int64_t(reorder_.reports().size()))
        problems_.push_back(path_ + ": " + std::to_string(reorder_.late()) + " records out of order in all");
    if (!error_.empty()) problems_.push_back(error_);
}

}  // namespace vigil
