// A series that is healthy but noisy, for showing learning (issue #12): a batch
// host's network latency (net.latency_ms on host:batch-1, every 5 s, ~2 ms)
// that jumps to 3-4x for 15-20 s every 12-20 minutes (a backup job). Nothing is
// wrong, no label is written, yet the level-shift detector sees a shift: each
// burst is a false alarm an operator would mark as such. Deterministic from
// the seed; its own stream, so the fleet's records do not change.
#pragma once

#include "record/Record.h"
#include "sim/SimRandom.h"

#include <vector>

namespace vigil {

class NoisyHealthySeries {
public:
    static constexpr const char* kSeries = "net.latency_ms";
    static constexpr const char* kTarget = "host:batch-1";

    NoisyHealthySeries(std::uint64_t seed, TimestampMs start);
    // Appends the samples in (last call's `until`, until].
    void advance(TimestampMs until, std::vector<Record>& out);

private:
    sim::Rng rng_;
    TimestampMs next_;          // next sample
    TimestampMs burstStart_, burstEnd_;
    double burstFactor_ = 1.0;
    void planBurst(TimestampMs after);
};

}  // namespace vigil
