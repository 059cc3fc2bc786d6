// What every ingest connection shares: options, the sink, the counters, the
// one decoder of the server's thread, and the connection budget. Touched only
// on the server's io_context thread (the counters are atomics for readers).
#pragma once

#include "collect/IngestOptions.h"
#include "collect/IngestStats.h"
#include "collect/RecordSink.h"
#include "record/NdjsonCodec.h"

#include <string_view>

namespace vigil::collect {

struct IngestContext {
    IngestContext(IngestOptions o, RecordSink& s)
        : opts(std::move(o)), sink(s), decoder(DecodeLimits{.maxLineBytes = opts.limits.maxLineBytes}) {}

    IngestOptions opts;
    RecordSink& sink;
    IngestStats stats;
    NdjsonDecoder decoder;
    std::size_t open = 0;

    // Constant-time against each configured token (no timing oracle for guessing).
    bool tokenValid(std::string_view presented) const;
    // False (and counted) when max_connections are open already.
    bool admitConnection();
    void releaseConnection();
};

}  // namespace vigil::collect
