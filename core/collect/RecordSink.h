// Where collectors hand their records: the one contract between core/collect and
// whoever consumes (the engine's bounded queue in the apps, a vector in tests).
//
// Contract (docs/telemetry.md, "Back-pressure"):
// - offer() is called on a collector's own io_context thread and never blocks.
// - It returns false when the consumer is full. The collector then keeps that
//   one batch, stops reading from its source (no further socket reads, no next
//   scrape) and offers the same batch again on a short timer. So a slow engine
//   slows the sources down; nothing is buffered without bound and nothing is lost.
// - A batch that was accepted belongs to the consumer (moved from).
#pragma once

#include "record/Record.h"

#include <vector>

namespace vigil::collect {

class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual bool offer(std::vector<Record>& batch) = 0;
};

}  // namespace vigil::collect
