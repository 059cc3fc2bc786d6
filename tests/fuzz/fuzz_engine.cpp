// The engine with the default pipeline (core/engine/Pipeline.h) fed record sequences
// that a structured decoder builds from the fuzz bytes: names from small pools so
// records meet each other (same agent/chain/nonce, same series and target),
// duplicates of earlier records, timestamps that repeat, go back, jump far ahead or
// sit at the int64 extremes, NaN/inf/huge values and odd or long strings. Checks: no
// crash or sanitizer report, every record is processed, the engine stops, and the
// same sequence cut into other batches gives the same outputs (determinism).
#include "FuzzRecords.h"
#include "FuzzSupport.h"
#include "engine/Engine.h"
#include "engine/Pipeline.h"
#include "record/NdjsonCodec.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>

using namespace vigil;

using fuzz::RecordSource;

namespace {

// Runs the records through a fresh engine in batches of the given size and returns
// every output in order, as NDJSON text (NaN compares unequal to itself, its text does not).
std::string replay(const std::vector<Record>& records, std::size_t batchSize) {
    VirtualClock clock;  // engine time follows the records, as in `vigilctl replay`
    Engine engine(clock);
    installDefaultStages(engine);
    std::string outputs;
    engine.addSink([&](const std::vector<Record>&, const std::vector<Record>& out) {
        for (const Record& r : out) appendNdjson(outputs, r);
    });
    engine.start();
    for (std::size_t i = 0; i < records.size(); i += batchSize) {
        const std::size_t end = std::min(records.size(), i + batchSize);
        FUZZ_CHECK(engine.submit(std::vector<Record>(records.begin() + i, records.begin() + end)));
    }
    const auto snap = engine.snapshotNow();
    FUZZ_CHECK(snap != nullptr);
    FUZZ_CHECK(engine.recordsProcessed() == std::int64_t(records.size()));
    engine.stop();
    return outputs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const std::size_t batchSize = in.ConsumeIntegralInRange<std::size_t>(1, 64);
    RecordSource source(in);
    std::vector<Record> records;
    while (in.remaining_bytes() > 0 && records.size() < 500) records.push_back(source.next());

    const std::string outputs = replay(records, batchSize);
    if (batchSize != 1) FUZZ_CHECK(replay(records, 1) == outputs);
    return 0;
}
