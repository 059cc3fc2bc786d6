#include "replay/InputRecorder.h"

#include "record/NdjsonCodec.h"
#include "record/ThreadName.h"

namespace vigil {

std::unique_ptr<InputRecorder> InputRecorder::start(const std::string& path, std::string& error,
                                                    std::size_t maxQueuedBytes) {
    std::unique_ptr<InputRecorder> r(new InputRecorder(path, maxQueuedBytes));
    if (!r->out_.open(path, error)) return nullptr;
    r->thread_ = std::thread([p = r.get()] {
        nameThisThread("vigil-recorder");
        p->run();
    });
    return r;
}

InputRecorder::~InputRecorder() { finish(); }

void InputRecorder::add(const std::vector<Record>& records) {
    if (records.empty()) return;
    std::string lines;
    for (const Record& rec : records) appendNdjson(lines, rec);  // encoded here, outside the lock
    {
        std::lock_guard lk(mutex_);
        stats_.taken += std::int64_t(records.size());
        if (stopping_ || !stats_.error.empty() || queued_.size() + lines.size() > maxQueued_) {
            stats_.dropped += std::int64_t(records.size());
            return;
        }
        queued_ += lines;
        queuedRecords_ += std::int64_t(records.size());
    }
    wake_.notify_one();
}

void InputRecorder::run() {
    std::string bytes;
    for (;;) {
        std::int64_t n = 0;
        bool last = false;
        {
            std::unique_lock lk(mutex_);
            wake_.wait(lk, [this] { return stopping_ || !queued_.empty(); });
            bytes.clear();
            bytes.swap(queued_);
            n = queuedRecords_;
            queuedRecords_ = 0;
            last = stopping_;
        }
        std::string error;
        const bool ok = out_.write(bytes, error);
        {
            std::lock_guard lk(mutex_);
            if (ok) stats_.written += n;
            else {
                stats_.dropped += n;
                if (stats_.error.empty()) stats_.error = error;
            }
        }
        if (last || !ok) break;
    }
    std::string error;
    const bool closed = out_.close(error);
    std::lock_guard lk(mutex_);
    if (!closed && stats_.error.empty()) stats_.error = error;
    // Whatever was queued after a failure or at the end is dropped, counted.
    stats_.dropped += queuedRecords_;
    queued_.clear();
    queuedRecords_ = 0;
}

RecorderStats InputRecorder::finish() {
    {
        std::lock_guard lk(mutex_);
        if (finished_) return stats_;
        finished_ = true;
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lk(mutex_);
    return stats_;
}

RecorderStats InputRecorder::stats() const {
    std::lock_guard lk(mutex_);
    return stats_;
}

bool InputRecorder::failed() const {
    std::lock_guard lk(mutex_);
    return !stats_.error.empty();
}

Engine::Sink RecordingTap::sink() {
    return [this](const std::vector<Record>& in, const std::vector<Record>&) {
        std::shared_ptr<InputRecorder> r;
        {
            std::lock_guard lk(mutex_);
            r = recorder_;
        }
        if (r) r->add(in);
    };
}

void RecordingTap::setRecorder(std::shared_ptr<InputRecorder> r) {
    std::lock_guard lk(mutex_);
    recorder_ = std::move(r);
}

std::shared_ptr<InputRecorder> RecordingTap::recorder() const {
    std::lock_guard lk(mutex_);
    return recorder_;
}

}  // namespace vigil
