#include "replay/ReorderWindow.h"

#include "engine/TimeGate.h"

#include <algorithm>

namespace vigil {

void ReorderWindow::push(Record r, std::int64_t line, std::vector<Record>& ready) {
    const TimestampMs ts = timestampOf(r);
    if (ts < released_) {
        // Records up to released_ are already in the engine: this one cannot be put
        // back in order any more. Said, counted, and replayed as it comes.
        ++late_;
        if (reports_.size() < DecodeStats::kMaxKeptErrors)
            reports_.push_back({line, "timestamp " + isoTime(ts) + " is " + std::to_string(released_ - ts) +
                                          " ms before records already replayed, beyond the " +
                                          std::to_string(windowMs_) + " ms reorder window; replayed out of order"});
        ready.push_back(std::move(r));
        return;
    }
    if (held_.empty() || ts >= held_.back().ts) {
        held_.push_back({ts, std::move(r)});  // the usual case: in order
    } else {
        ++reordered_;
        auto at = std::upper_bound(held_.begin(), held_.end(), ts, [](TimestampMs t, const Held& h) { return t < h.ts; });
        held_.insert(at, {ts, std::move(r)});
    }
    if (ts > newest_) newest_ = ts;
    if (newest_ > std::numeric_limits<TimestampMs>::min() + windowMs_) release(newest_ - windowMs_, ready);
}

void ReorderWindow::flush(std::vector<Record>& ready) { release(std::numeric_limits<TimestampMs>::max(), ready); }

void ReorderWindow::release(TimestampMs upTo, std::vector<Record>& ready) {
    while (!held_.empty() && held_.front().ts <= upTo) {
        released_ = held_.front().ts;
        ready.push_back(std::move(held_.front().r));
        held_.pop_front();
    }
}

}  // namespace vigil
