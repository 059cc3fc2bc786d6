// How silences reach a running engine from another process: `vigilctl silence`
// (or the console) writes the `silences` table; this poller, on its own thread
// and its own read-only connection, reads it every interval (1 s) and publishes
// the set to the engine's SilenceBoard. The engine never waits on it. An
// unreadable database is retried at the next interval, its reason kept.
#pragma once

#include "record/PeriodicThread.h"
#include "silence/SilenceBoard.h"

#include <chrono>
#include <mutex>
#include <string>

namespace vigil::silence {

class SilencePoller {
public:
    SilencePoller(std::string dbPath, std::shared_ptr<SilenceBoard> board,
                  std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
    ~SilencePoller();  // stops
    SilencePoller(const SilencePoller&) = delete;
    SilencePoller& operator=(const SilencePoller&) = delete;

    // Reads once now (on the caller's thread; before start(), so the engine
    // starts with the silences already set), then every interval on its thread.
    bool pollOnce();
    void start();
    void stop();

    std::string lastError() const;
    std::int64_t polls() const;

private:
    std::string dbPath_;
    std::shared_ptr<SilenceBoard> board_;
    mutable std::mutex mutex_;
    std::string lastError_;
    std::int64_t polls_ = 0;
    PeriodicThread thread_;  // last: stopped before the members its ticks use go
};

}  // namespace vigil::silence
