// Puts a recording's records back in timestamp order within a bounded window of
// record time: agents flush their buffers a little late, so a log is rarely in
// perfect order. A record older than what has already been replayed (beyond the
// window) is passed on as it is, counted and reported with its line number; the
// engine's own rules decide what it does with it. Copyable (replay checkpoints).
#pragma once

#include "record/NdjsonCodec.h"

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace vigil {

class ReorderWindow {
public:
    explicit ReorderWindow(TimestampMs windowMs = 2000) : windowMs_(windowMs) {}
    // A copy holds only what is still held, not the released slots before it.
    ReorderWindow(const ReorderWindow& o);
    ReorderWindow& operator=(const ReorderWindow& o);
    ReorderWindow(ReorderWindow&&) = default;
    ReorderWindow& operator=(ReorderWindow&&) = default;

    // Takes one record (line: its line in the source, 0 when unknown) and appends to
    // `ready` every held record now more than the window older than the newest seen,
    // in time order (records with equal times keep their order).
    void push(Record&& r, std::int64_t line, std::vector<Record>& ready);
    // push() of each of `in` in turn (lines[i]: in[i]'s line), with the same result.
    // When they come in order (the usual case), the records released by them go
    // straight to `ready`, moved once instead of into the window and out again.
    void pushAll(std::span<Record> in, std::span<const std::int64_t> lines, std::vector<Record>& ready);
    // End of input: everything held, in time order.
    void flush(std::vector<Record>& ready);

    std::size_t held() const { return held_.size() - head_; }
    std::int64_t reordered() const { return reordered_; }  // put back in order within the window
    std::int64_t late() const { return late_; }            // beyond it: replayed out of order, reported
    // The first kMaxKeptErrors late records: line and reason.
    const std::vector<DecodeError>& reports() const { return reports_; }
    TimestampMs windowMs() const { return windowMs_; }

private:
    struct Held {
        Held(TimestampMs t, Record&& rec) : ts(t), r(std::move(rec)) {}
        TimestampMs ts;
        Record r;
    };
    void release(TimestampMs upTo, std::vector<Record>& ready);
    // The time up to which held records are due (the newest less the window), for
    // push() and pushAll() alike; false while there is none.
    bool dueUpTo(TimestampMs& upTo) const;

    TimestampMs windowMs_;
    // Held records from head_ on, sorted by time, arrival order among equal times.
    // A vector, not a deque: a record (256 bytes) filled a deque block of its own,
    // so every record took an allocation. Released slots before head_ are reused
    // once all are released, or cut off when they are most of the vector.
    std::vector<Held> held_;
    std::size_t head_ = 0;
    TimestampMs newest_ = std::numeric_limits<TimestampMs>::min();
    TimestampMs released_ = std::numeric_limits<TimestampMs>::min();  // time of the last record passed on in order
    std::int64_t reordered_ = 0, late_ = 0;
    std::vector<DecodeError> reports_;
    std::vector<TimestampMs> times_;  // pushAll's scratch: its records' times (not copied)
};

}  // namespace vigil
