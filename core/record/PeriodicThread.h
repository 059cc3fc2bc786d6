// A callback run every period on a thread of its own, for the pollers that bring
// other processes' writes into a running engine (silence/SilencePoller,
// app/common/LearnedModelFollower) and the demo feed's pacing (sim/DemoFeed).
// The schedule is fixed-rate (ticks at start + k * period); a tick that overruns
// moves it to now rather than firing a burst to catch up. stop() wakes a waiting
// thread at once, lets a tick in flight finish (a long tick polls
// stopRequested() to finish early) and joins. Wall-clock time is used only for
// the wait: engine code never sees it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace vigil {

class PeriodicThread {
public:
    // Returns false to end the thread (e.g. its consumer has stopped).
    using Tick = std::function<bool()>;

    PeriodicThread(std::chrono::milliseconds period, Tick tick);
    ~PeriodicThread();  // stop()
    PeriodicThread(const PeriodicThread&) = delete;
    PeriodicThread& operator=(const PeriodicThread&) = delete;

    // The first tick comes one period after start(). No-op while running; after
    // stop(), or after the tick ended the thread, starts it anew.
    void start();
    // Idempotent; from any thread but the tick's own.
    void stop();

    bool stopRequested() const;
    // Between start() and the loop's end (stop(), or a tick returning false).
    bool running() const { return running_.load(std::memory_order_acquire); }
    std::int64_t ticks() const { return ticks_.load(std::memory_order_relaxed); }

private:
    void run();

    std::chrono::milliseconds period_;
    Tick tick_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopRequested_ = false;
    std::atomic<bool> running_{false};
    std::atomic<std::int64_t> ticks_{0};
};

}  // namespace vigil
