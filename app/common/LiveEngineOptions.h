// The engine's options for live input (the console, `vigilctl run`): a queue short
// enough that a record waits tens of milliseconds, not hundreds, when the engine is
// the slower side (sources then stop reading: TCP back-pressure, nothing buffered),
// and long enough to keep more than 1 M records/s. Measured with `vigilctl bench
// ingest --stages default --queue N` (docs/performance.md, "Live ingest"): 32 batches
// p99 21–40 ms at 1.23–1.49 M records/s; 64 (the engine's default, kept for tests)
// up to 54 ms. A replay holds 16 batches of 4 096 records (ReplayControllerOptions).
#pragma once

#include "engine/Engine.h"

namespace vigil::app {

inline EngineOptions liveEngineOptions() {
    EngineOptions o;
    o.queueCapacity = 32;  // batches (one read each)
    return o;
}

}  // namespace vigil::app
