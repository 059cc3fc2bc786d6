#include "engine/TimeGate.h"

namespace vigil {

bool TimeGate::admit(TimestampMs ts, TimestampMs now, bool established, RecordKind kind, std::string& why) {
    if (ts < 0 || ts >= kLatestTimestampMs) {
        why = std::string(kindName(kind)) + " record with ts " + std::to_string(ts) +
              ": outside 1970-01-01..2100-01-01";
        return false;
    }
    if (!established || ts <= now || ts - now <= maxAheadMs_) {
        run_ = 0;
        return true;
    }
    // Ahead of engine time by more than the bound. Alone it is a bad clock; a run of
    // records agreeing among themselves is the stream itself having moved on.
    if (run_ > 0 && ts >= runFrom_ - maxAheadMs_ && ts - runFrom_ <= maxAheadMs_) {
        ++run_;
    } else {
        run_ = 1;
        runFrom_ = ts;
    }
    if (run_ >= resyncAfter_) {
        run_ = 0;
        ++resyncs_;
        return true;
    }
    why = std::string(kindName(kind)) + " record at " + isoTime(ts) + " is " + std::to_string((ts - now) / 1000) +
          " s ahead of engine time " + isoTime(now) + " (limit " + std::to_string(maxAheadMs_ / 1000) +
          " s)";
    return false;
}

}  // namespace vigil
