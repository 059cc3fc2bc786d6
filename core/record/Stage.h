// The contract every pipeline stage meets: it consumes records and emits records.
// A stage never knows which stage comes after it; the engine wires them.
#pragma once

#include "record/Record.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// Record kinds as bits, for Stage::reads().
constexpr std::uint32_t kindBit(RecordKind k) { return 1u << static_cast<unsigned>(k); }
inline constexpr std::uint32_t kAllKinds = (1u << kRecordKindCount) - 1;

class Stage {
public:
    virtual ~Stage() = default;
    // Called on the engine thread, in record order. Appends zero or more output
    // records to `out`. Returns false when the input was refused (counted by the
    // engine, e.g. a NaN sample or a timestamp going backwards); never throws.
    virtual bool process(const Record& in, std::vector<Record>& out) = 0;
    // Called when engine time advances without input (quiet periods matter, e.g.
    // to resolve incidents). Default: nothing.
    virtual void tick(TimestampMs now, std::vector<Record>& out) {}
    virtual const char* name() const = 0;
    // The kinds of record the stage reads (kindBit()s). The engine hands it only
    // those, inputs and earlier stages' outputs alike: most stages read one or two
    // kinds, and nine records in ten are metric samples. A stage narrows it only when
    // it does nothing at all with the other kinds; one that moves a clock on any
    // record's time keeps the default, every kind. Asked once, when the stage is added.
    virtual std::uint32_t reads() const { return kAllKinds; }
    // Of the metric samples it reads, whether the stage does anything with those of
    // this series (on any target). Asked once per (series, target) pair the engine
    // meets with a hint, not per sample (engine/SeriesReaders.h): the answer must
    // depend on the series and the stage's construction alone. Samples without a
    // hint still come to every metric reader, so process() checks as before.
    virtual bool readsSeries(std::string_view series) const { return true; }
    // Why the last refused input was refused ("" when the stage keeps no reason);
    // the engine asks only for the first few refusals, to show them to the user.
    virtual std::string lastRejectReason() const { return {}; }
    // Per-key state forgotten so far to keep memory bounded (least recently used keys
    // when more distinct targets pass by than the stage keeps); reported, never silent.
    virtual std::uint64_t evictions() const { return 0; }
    // A copy of the stage with all its state, for replay checkpoints (seek without
    // re-running from the start). Null when the stage cannot be copied: replay then
    // seeks by re-running from the start (docs/replay.md).
    virtual std::unique_ptr<Stage> clone() const { return nullptr; }
    // A marking stage (true here) annotates instead of emitting: the engine hands it
    // each output of the stages before it, of the kinds it reads, through markOutput()
    // to change in place before any later stage or sink sees it (a flag, an id: never
    // a record's kind, time or identity), and inputs through process() as usual, to
    // observe. Unlike a decorator around every detector, it costs nothing per input of
    // a kind it does not read (docs/performance.md). Asked once, like reads().
    virtual bool marksOutputs() const { return false; }
    virtual void markOutput(Record& fresh) {}
};

}  // namespace vigil
