// Which record timestamps may move engine time. One record dated 2100 (or INT64_MAX)
// used to carry engine time with it, and every later valid record was then refused
// as out of order. The gate admits a record only when its time is plausible (1970 up
// to 2100) and at most `maxAheadMs` ahead of engine time; a run of records that all
// agree on a later time (a recording resumed after a pause) re-establishes engine time
// there. Refused records are counted with a reason; they never move engine time.
#pragma once

#include "record/Record.h"
#include "record/UtcTime.h"  // kLatestTimestampMs, isoTime

#include <cstdint>
#include <string>

namespace vigil {

// Timestamps outside [0, kLatestTimestampMs) are refused (record/UtcTime.h).
class TimeGate {
public:
    TimeGate(TimestampMs maxAheadMs, std::size_t resyncAfter)
        : maxAheadMs_(maxAheadMs < 0 ? 0 : maxAheadMs), resyncAfter_(resyncAfter ? resyncAfter : 1) {}

    // `now` is engine time, `established` false before any record or clock set it.
    // True when a record at `ts` may go through; otherwise `why` says why not.
    bool admit(TimestampMs ts, TimestampMs now, bool established, RecordKind kind, std::string& why);

    std::uint64_t resyncs() const { return resyncs_; }  // times a run of later records moved engine time

private:
    TimestampMs maxAheadMs_;
    std::size_t resyncAfter_;
    std::size_t run_ = 0;      // consecutive records refused for being ahead, agreeing on a time
    TimestampMs runFrom_ = 0;  // the first of them
    std::uint64_t resyncs_ = 0;
};

}  // namespace vigil
