// ReplayController (core/replay) on recordings built from the fuzz bytes: the engine
// fuzzer's record sequences (FuzzRecords.h: times that repeat, go back, jump or sit at
// the int64 extremes, odd values and strings) written as NDJSON, with malformed lines
// among them, replayed with fuzz-chosen batch sizes, checkpoint spacing and reorder
// window. Checks: no crash, hang or sanitizer report; a replay that seeks back and
// forth (from checkpoints) and then plays to the end gives the straight run's outputs
// and counts, byte for byte (docs/replay.md, "Determinism").
#include "FuzzRecords.h"
#include "FuzzSupport.h"
#include "record/NdjsonCodec.h"
#include "replay/ReplayController.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <limits>

using namespace vigil;

namespace {

struct Result {
    std::string outputs;
    std::int64_t records = 0, malformed = 0, late = 0;
    bool operator==(const Result&) const = default;
};

Result finish(ReplayController& r) {
    r.play();
    r.waitIdle();
    const ReplayProgress p = r.progress();
    FUZZ_CHECK(p.finished);
    return {r.outputs().serialize(), p.records, p.malformed, p.late};
}

// A time between first and last (fraction 0..1), without overflow at the int64 ends.
TimestampMs between(TimestampMs first, TimestampMs last, double fraction) {
    const long double t =
        static_cast<long double>(first) + fraction * (static_cast<long double>(last) - static_cast<long double>(first));
    return static_cast<TimestampMs>(std::clamp<long double>(t, first, last));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    ReplayControllerOptions opts;
    opts.batchRecords = in.ConsumeIntegralInRange<std::size_t>(1, 64);
    opts.checkpointEveryMs = in.ConsumeIntegralInRange<TimestampMs>(1, 120'000);
    opts.maxCheckpoints = in.ConsumeIntegralInRange<std::size_t>(1, 8);
    opts.reorderWindowMs = in.ConsumeIntegralInRange<TimestampMs>(0, 5'000);
    opts.findEnd = in.ConsumeBool();
    opts.heapInUse = [] { return std::size_t(0); };  // checkpoints bounded by count here
    std::vector<double> seeks(in.ConsumeIntegralInRange<std::size_t>(0, 4));
    for (double& s : seeks) s = in.ConsumeProbability<double>();

    fuzz::RecordSource source(in);
    std::string text;
    for (int lines = 0; in.remaining_bytes() > 0 && lines < 400; ++lines) {
        if (in.ConsumeProbability<float>() < 0.05f) {  // a line that is not a record (or an odd one)
            text += in.ConsumeRandomLengthString(120);
            text += '\n';
        } else {
            appendNdjson(text, source.next());
        }
    }
    static fuzz::ScratchFile file(".ndjson");
    file.write(text);

    std::string error;
    ReplayController straight({}, opts);
    FUZZ_CHECK(straight.open(file.path(), error));
    const Result expected = finish(straight);
    const ReplayProgress whole = straight.progress();

    ReplayController seeking({}, opts);
    FUZZ_CHECK(seeking.open(file.path(), error));
    if (whole.first != ReplayProgress::kUnknown && whole.last != ReplayProgress::kUnknown &&
        whole.last >= whole.first) {
        for (double s : seeks) {
            seeking.seek(between(whole.first, whole.last, s));
            seeking.waitIdle();
        }
    }
    FUZZ_CHECK(finish(seeking) == expected);
    return 0;
}
