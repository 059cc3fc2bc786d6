// Small pieces every event detector shares: target names, deterministic anomaly
// ids and records, the alarm re-fire latch and human-readable numbers/durations.
// (Their key table with a hard size cap is record/KeyedTable.h.)
#pragma once

#include "detect/ExplanationText.h"
#include "record/KeyedTable.h"
#include "record/Record.h"
#include "record/Target.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace vigil::events {

// Targets use "<kind>:<name>" (record/Target.h): bare and typed names alike.
inline std::string endpointTarget(std::string_view ep) { return typedTarget("rpc", ep); }
inline std::string chainTarget(std::string_view c) { return typedTarget("chain", c); }
inline std::string agentTarget(std::string_view a) { return typedTarget("agent", a); }
inline std::string workflowTarget(std::string_view w) { return typedTarget("workflow", w); }
inline std::string poolTarget(std::string_view w) { return typedTarget("pool", w); }

// "<detector>/<target>@<ts>#<seq>": unique per stage run, same on every replay.
std::string anomalyId(std::string_view detector, std::string_view target, TimestampMs ts,
                      std::uint64_t seq);

// An anomaly with its identity filled in (ts, detector, series, target, id); the
// caller adds the measurement and the explanation. `idKey` names it in the id when
// that differs from the target (level.shift: "<series>|<target>").
Anomaly makeAnomaly(std::string_view detector, std::string_view series, std::string_view target,
                    TimestampMs ts, std::uint64_t seq, std::string_view idKey = {});

// 0.8 when `stat` just reaches `threshold`, approaching 1 as it climbs past it;
// `extra` (>= 0) pushes it further towards 1.
double scoreAbove(double stat, double threshold, double extra = 0.0);

// While a condition lasts, a detector reports it once and then at most every
// `refireMs`; the detector decides when the condition is over (clear()).
class AlarmLatch {
public:
    // True (and remembers `ts`) if an anomaly should be emitted now.
    bool shouldFire(TimestampMs ts, TimestampMs refireMs) {
        if (active_ && ts - lastFire_ < refireMs) return false;
        active_ = true;
        lastFire_ = ts;
        return true;
    }
    void clear() { active_ = false; }
    bool active() const { return active_; }

private:
    bool active_ = false;
    TimestampMs lastFire_ = 0;
};

std::string formatDuration(TimestampMs ms);  // "4m12s", "850ms", "2h03m"
std::string formatNumber(double v, int precision = 3);  // trims trailing zeros
std::string formatPercent(double ratio);                // 0.1234 -> "12.3%"

// What a detector refused and why; the engine counts `false` returns, this keeps
// the reason so tests and the UI can show it.
struct RejectCounters {
    std::uint64_t accepted = 0;
    std::uint64_t nonFinite = 0;
    std::uint64_t outOfOrder = 0;
    std::uint64_t malformed = 0;
    std::string lastReason;
    std::uint64_t rejected() const { return nonFinite + outOfOrder + malformed; }
};

}  // namespace vigil::events
