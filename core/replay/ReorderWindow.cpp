#include "replay/ReorderWindow.h"

#include "record/UtcTime.h"

#include <algorithm>

namespace vigil {

ReorderWindow::ReorderWindow(const ReorderWindow& o)
    : windowMs_(o.windowMs_),
      newest_(o.newest_),
      released_(o.released_),
      reordered_(o.reordered_),
      late_(o.late_),
      reports_(o.reports_) {
    held_.reserve(o.held());
    for (std::size_t i = o.head_; i < o.held_.size(); ++i) held_.emplace_back(o.held_[i].ts, Record(o.held_[i].r));
}

ReorderWindow& ReorderWindow::operator=(const ReorderWindow& o) {
    if (this != &o) *this = ReorderWindow(o);
    return *this;
}

void ReorderWindow::push(Record&& r, std::int64_t line, std::vector<Record>& ready) {
    const TimestampMs ts = timestampOf(r);
    if (ts < released_) {
        // Records up to released_ are already in the engine: this one cannot be put
        // back in order any more. Said, counted, and replayed as it comes.
        ++late_;
        // How far back, in unsigned arithmetic: exact for released_ > ts, where the
        // signed difference overflows for times far apart (int64 extremes in a log).
        const std::uint64_t behind = std::uint64_t(released_) - std::uint64_t(ts);
        if (reports_.size() < DecodeStats::kMaxKeptErrors)
            reports_.push_back({line, "timestamp " + isoTime(ts) + " is " + std::to_string(behind) +
                                          " ms before records already replayed, beyond the " +
                                          std::to_string(windowMs_) + " ms reorder window; replayed out of order"});
        ready.push_back(std::move(r));
        return;
    }
    if (held_.size() == head_ || ts >= held_.back().ts) {
        held_.emplace_back(ts, std::move(r));  // the usual case: in order
    } else {
        ++reordered_;
        auto at = std::upper_bound(held_.begin() + std::ptrdiff_t(head_), held_.end(), ts,
                                   [](TimestampMs t, const Held& h) { return t < h.ts; });
        held_.insert(at, Held(ts, std::move(r)));
    }
    if (ts > newest_) newest_ = ts;
    if (TimestampMs upTo; dueUpTo(upTo)) release(upTo, ready);
}

bool ReorderWindow::dueUpTo(TimestampMs& upTo) const {
    if (newest_ <= std::numeric_limits<TimestampMs>::min() + windowMs_) return false;  // newest_ - windowMs_ would overflow
    upTo = newest_ - windowMs_;
    return true;
}

void ReorderWindow::pushAll(std::span<Record> in, std::span<const std::int64_t> lines, std::vector<Record>& ready) {
    if (in.empty()) return;
    // In order after what is held (or was released): none is late or put back, so
    // what push() by push() would release is everything held, then in `in`, up to
    // the newest time less the window, in that order.
    TimestampMs prev = held() > 0 ? held_.back().ts : released_;
    bool inOrder = true;
    times_.clear();
    for (const Record& r : in) {
        const TimestampMs ts = timestampOf(r);
        if (ts < prev) {
            inOrder = false;
            break;
        }
        times_.push_back(ts);
        prev = ts;
    }
    if (!inOrder) {
        for (std::size_t i = 0; i < in.size(); ++i) push(std::move(in[i]), i < lines.size() ? lines[i] : 0, ready);
        return;
    }
    newest_ = std::max(newest_, prev);
    std::size_t i = 0;
    if (TimestampMs upTo; dueUpTo(upTo)) {
        release(upTo, ready);
        if (held() == 0) {
            for (; i < in.size() && times_[i] <= upTo; ++i) {
                released_ = times_[i];
                ready.push_back(std::move(in[i]));
            }
        }
    }
    for (; i < in.size(); ++i) held_.emplace_back(times_[i], std::move(in[i]));
}

void ReorderWindow::flush(std::vector<Record>& ready) { release(std::numeric_limits<TimestampMs>::max(), ready); }

void ReorderWindow::release(TimestampMs upTo, std::vector<Record>& ready) {
    while (head_ < held_.size() && held_[head_].ts <= upTo) {
        released_ = held_[head_].ts;
        ready.push_back(std::move(held_[head_].r));
        ++head_;
    }
    if (head_ == held_.size()) {
        held_.clear();
        head_ = 0;
    } else if (head_ >= 1024 && head_ * 2 >= held_.size()) {
        // Most of it released: the held rest (the window's worth) moves to the front.
        held_.erase(held_.begin(), held_.begin() + std::ptrdiff_t(head_));
        head_ = 0;
    }
}

}  // namespace vigil
