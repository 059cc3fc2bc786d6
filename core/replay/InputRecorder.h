// The console's own recordings (issue #12, File → Record): what the live engine
// takes, written as NDJSON (gzip when the name ends in ".gz") that `vigilctl
// replay` and File → Open recording read back. add() runs on the engine thread
// (a sink's inputs): it only encodes and queues; a writer thread of its own
// compresses and writes, so neither the engine nor the GUI waits on the disk.
// A write that fails (a full disk, a file that went away) stops the recording
// with the reason naming the file; the engine goes on. If the disk falls behind
// by more than maxQueuedBytes, what does not fit is dropped and counted, never
// silently.
//
// RecordingTap is the engine's permanent sink (sinks are added before start()):
// a recorder can be put in and taken out while the engine runs.
#pragma once

#include "engine/Engine.h"
#include "replay/LogFileWriter.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace vigil {

struct RecorderStats {
    std::int64_t taken = 0;    // records handed to add()
    std::int64_t written = 0;  // records whose lines reached the writer
    std::int64_t dropped = 0;  // after a failure, or when the disk fell behind
    std::string error;         // "PATH: reason"; empty while all is well
};

class InputRecorder {
public:
    // Creates (truncates) path; null with error "PATH: reason" when it cannot.
    static std::unique_ptr<InputRecorder> start(const std::string& path, std::string& error,
                                                std::size_t maxQueuedBytes = std::size_t(64) << 20);
    ~InputRecorder();  // finish()
    InputRecorder(const InputRecorder&) = delete;
    InputRecorder& operator=(const InputRecorder&) = delete;

    void add(const std::vector<Record>& records);  // any thread; never waits on the disk
    // Writes what is queued and closes the file (gzip trailer included); the
    // final stats. Idempotent.
    RecorderStats finish();
    RecorderStats stats() const;
    bool failed() const;
    const std::string& path() const { return path_; }

private:
    InputRecorder(std::string path, std::size_t maxQueued) : path_(std::move(path)), maxQueued_(maxQueued) {}
    void run();

    std::string path_;
    std::size_t maxQueued_;
    LogFileWriter out_;  // written on the recorder's thread only
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::string queued_;
    std::int64_t queuedRecords_ = 0;
    bool stopping_ = false, finished_ = false;
    RecorderStats stats_;
    std::thread thread_;
};

class RecordingTap {
public:
    Engine::Sink sink();                                 // add to the engine before start()
    void setRecorder(std::shared_ptr<InputRecorder> r);  // null: not recording
    std::shared_ptr<InputRecorder> recorder() const;

private:
    mutable std::mutex mutex_;
    std::shared_ptr<InputRecorder> recorder_;
};

}  // namespace vigil
