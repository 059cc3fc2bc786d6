#include "record/PeriodicThread.h"

namespace vigil {

PeriodicThread::PeriodicThread(std::chrono::milliseconds period, Tick tick)
    : period_(period.count() > 0 ? period : std::chrono::milliseconds(1)), tick_(std::move(tick)) {}

PeriodicThread::~PeriodicThread() { stop(); }

void PeriodicThread::start() {
    if (running()) return;
    if (thread_.joinable()) thread_.join();  // its loop has ended by itself
    {
        std::lock_guard lk(mutex_);
        stopRequested_ = false;
    }
    running_.store(true, std::memory_order_release);
    thread_ = std::thread([this] { run(); });
}

void PeriodicThread::stop() {
    {
        std::lock_guard lk(mutex_);
        stopRequested_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    running_.store(false, std::memory_order_release);
}

bool PeriodicThread::stopRequested() const {
    std::lock_guard lk(mutex_);
    return stopRequested_;
}

void PeriodicThread::run() {
    using Clock = std::chrono::steady_clock;
    auto next = Clock::now();
    for (;;) {
        next += period_;
        {
            std::unique_lock lk(mutex_);
            if (wake_.wait_until(lk, next, [this] { return stopRequested_; })) break;
        }
        const bool more = tick_();
        ticks_.fetch_add(1, std::memory_order_relaxed);
        if (!more) break;
        if (Clock::now() > next + period_) next = Clock::now();  // overran: no burst of catch-up ticks
    }
    running_.store(false, std::memory_order_release);
}

}  // namespace vigil
