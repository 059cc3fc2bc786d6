// The replay's reorder window (core/replay/ReorderWindow) on record times built from
// the input: batches of times that go on, repeat, step back a little (put back in
// order) or far (late), jump ahead or sit at the int64 extremes, with any window,
// flushes between batches and copies (checkpoints) taken mid-way. Checks:
//  - pushAll (the replay's path, a decoded batch at a time) releases exactly what
//    push() one record at a time releases, in the same order, with the same
//    counts, reports and held records;
//  - every record comes out once; a copy flushes to what the original flushes to.
#include "FuzzSupport.h"
#include "replay/ReorderWindow.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <limits>

using namespace vigil;

namespace {
Record sample(TimestampMs ts, int n) { return MetricSample{ts, "s", "t", double(n)}; }
std::vector<std::pair<TimestampMs, double>> keys(const std::vector<Record>& rs) {
    std::vector<std::pair<TimestampMs, double>> out;
    for (const auto& r : rs) out.emplace_back(std::get<MetricSample>(r).ts, std::get<MetricSample>(r).value);
    return out;
}
void same(const ReorderWindow& a, const ReorderWindow& b) {
    FUZZ_CHECK(a.held() == b.held());
    FUZZ_CHECK(a.reordered() == b.reordered());
    FUZZ_CHECK(a.late() == b.late());
    FUZZ_CHECK(a.reports().size() == b.reports().size());
    for (std::size_t i = 0; i < a.reports().size(); ++i) {
        FUZZ_CHECK(a.reports()[i].line == b.reports()[i].line);
        FUZZ_CHECK(a.reports()[i].reason == b.reports()[i].reason);
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const TimestampMs window = in.ConsumeIntegralInRange<TimestampMs>(0, 5000);
    ReorderWindow one(window), all(window);
    std::vector<Record> outOne, outAll;
    TimestampMs t = in.ConsumeIntegral<TimestampMs>();
    int n = 0;
    while (in.remaining_bytes() > 0 && n < 4000) {
        const int size = in.ConsumeIntegralInRange<int>(0, 64);
        std::vector<Record> batch;
        std::vector<std::int64_t> lines;
        for (int k = 0; k < size && in.remaining_bytes() > 0; ++k) {
            switch (in.ConsumeIntegralInRange<int>(0, 5)) {
            case 0: break;  // the same time again
            case 1: t = t < std::numeric_limits<TimestampMs>::max() - 20 ? t + in.ConsumeIntegralInRange<int>(1, 20) : t; break;
            case 2: t = t > std::numeric_limits<TimestampMs>::min() + 600 ? t - in.ConsumeIntegralInRange<int>(1, 600) : t; break;
            case 3: t = in.ConsumeIntegral<TimestampMs>(); break;  // anywhere, the extremes too
            default: t = t < std::numeric_limits<TimestampMs>::max() - 1000 ? t + in.ConsumeIntegralInRange<int>(0, 1000) : t;
            }
            batch.push_back(sample(t, n));
            lines.push_back(++n);
        }
        for (std::size_t k = 0; k < batch.size(); ++k) one.push(Record(batch[k]), lines[k], outOne);
        all.pushAll(batch, lines, outAll);
        FUZZ_CHECK(keys(outOne) == keys(outAll));
        same(one, all);
        if (in.ConsumeBool()) {  // a checkpoint: the copy must end as the original ends
            ReorderWindow copy(all), original(all);
            std::vector<Record> a, b;
            copy.flush(a);
            original.flush(b);
            FUZZ_CHECK(keys(a) == keys(b));
            FUZZ_CHECK(a.size() == all.held());
        }
        if (in.ConsumeIntegralInRange<int>(0, 7) == 0) {  // the end of a file, then more
            one.flush(outOne);
            all.flush(outAll);
            FUZZ_CHECK(keys(outOne) == keys(outAll));
            FUZZ_CHECK(all.held() == 0);
        }
    }
    one.flush(outOne);
    all.flush(outAll);
    FUZZ_CHECK(keys(outOne) == keys(outAll));
    same(one, all);
    FUZZ_CHECK(int(outAll.size()) == n);
    return 0;
}
