// Prometheus text-format parser (core/collect/PromTextParser) on fuzzer-chosen
// scrape bodies with small limits. Checks: the limits hold; errors and samples
// come in line order within the text's line count; and every sample's series key
// parses back to one sample with the same name and labels (the escaping a
// scrape's series names rely on round-trips).
#include "FuzzSupport.h"
#include "collect/PromTextParser.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

using namespace vigil::collect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    PromParseLimits limits;
    limits.maxSamples = 64;
    limits.maxErrors = 8;
    limits.maxLineBytes = 4096;
    const PromParseResult r = parsePromText(text, limits);
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;

    FUZZ_CHECK(r.samples.size() <= limits.maxSamples);
    FUZZ_CHECK(r.errors.size() <= limits.maxErrors);
    FUZZ_CHECK(r.errorCount >= r.errors.size());
    FUZZ_CHECK(r.samplesDropped == 0 || r.samples.size() == limits.maxSamples);
    for (std::size_t i = 0; i < r.errors.size(); ++i) {
        FUZZ_CHECK(r.errors[i].line >= 1 && r.errors[i].line <= lines);
        FUZZ_CHECK(!r.errors[i].reason.empty());
        if (i) FUZZ_CHECK(r.errors[i].line > r.errors[i - 1].line);
    }
    for (std::size_t i = 0; i < r.samples.size(); ++i) {
        const PromSample& s = r.samples[i];
        FUZZ_CHECK(s.line >= 1 && s.line <= lines);
        if (i) FUZZ_CHECK(s.line > r.samples[i - 1].line);
        const std::string key = promSeriesKey(s);
        if (key.size() + 2 > limits.maxLineBytes) continue;
        const PromParseResult back = parsePromText(key + " 1");
        FUZZ_CHECK(back.errorCount == 0 && back.samples.size() == 1);
        FUZZ_CHECK(back.samples[0].name == s.name);
        auto sorted = [](auto labels) {
            std::sort(labels.begin(), labels.end());
            return labels;
        };
        FUZZ_CHECK(sorted(back.samples[0].labels) == sorted(s.labels));
        FUZZ_CHECK(promSeriesKey(back.samples[0]) == key);
    }
    return 0;
}
