// Time behind a small interface (like leveldb's Env): live code gets the system
// clock, replay and tests a virtual clock driven by record timestamps.
#pragma once

#include "record/Record.h"

#include <atomic>

namespace vigil {

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimestampMs now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimestampMs now() const override;
};

// Moves only when told to (replay and tests).
class VirtualClock final : public Clock {
public:
    explicit VirtualClock(TimestampMs start = 0) : now_(start) {}
    TimestampMs now() const override { return now_.load(std::memory_order_acquire); }
    void set(TimestampMs t) { now_.store(t, std::memory_order_release); }
    void advanceBy(TimestampMs d) { now_.fetch_add(d, std::memory_order_acq_rel); }

private:
    std::atomic<TimestampMs> now_;
};

}  // namespace vigil
