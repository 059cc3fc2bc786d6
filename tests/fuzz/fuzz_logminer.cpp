// Log tokenizer and template miner (core/detect/logs) on fuzzer-chosen messages and
// small limits, so eviction, merging and alias forgetting all run. Checks: every
// token is a valid view with the right hash and flags; the matched template is live;
// the cluster bound holds; and two miners fed the same messages give the same ids
// (ids are promised deterministic).
#include "FuzzSupport.h"
#include "detect/logs/LogTemplateMiner.h"
#include "detect/logs/LogTokenizer.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>

using namespace vigil::logs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    LogMinerConfig cfg;
    cfg.similarity = in.PickValueInArray({0.0, 0.4, 0.5, 0.8, 1.0});
    cfg.routeTokens = in.ConsumeIntegralInRange<std::size_t>(0, 4);
    cfg.maxChildren = in.ConsumeIntegralInRange<std::size_t>(0, 8);
    cfg.maxClusters = in.ConsumeIntegralInRange<std::size_t>(0, 16);
    cfg.maxTokens = in.ConsumeIntegralInRange<std::size_t>(0, 12);
    cfg.maxAliases = in.ConsumeIntegralInRange<std::size_t>(0, 8);
    LogTemplateMiner miner(cfg), twin(cfg);
    LogTokenizer tok;

    while (in.remaining_bytes() > 0) {
        const std::string msg = in.ConsumeRandomLengthString(512);

        const std::size_t maxTokens = in.ConsumeIntegralInRange<std::size_t>(0, 300);
        tok.tokenize(msg, maxTokens);
        FUZZ_CHECK(tok.tokens().size() <= std::max<std::size_t>(maxTokens, 1));
        for (const MaskedToken& t : tok.tokens()) {
            const std::string_view text = tok.text(t);
            FUZZ_CHECK(text.size() == t.length && !text.empty());
            FUZZ_CHECK(t.hash == fnv1a(text));
            // A parameter reads "<*>"; a literal "<*>" in the message is text, not a parameter.
            if (t.variable) FUZZ_CHECK(text == kWildcard);
        }

        const LogMatch m = miner.add(msg);
        const LogMatch t = twin.add(msg);
        FUZZ_CHECK(m.id == t.id && m.created == t.created && m.generalised == t.generalised);
        FUZZ_CHECK(miner.matchCount(m.id) >= 1);  // the id it answered with is live
        FUZZ_CHECK(miner.templateText(m.id) == twin.templateText(t.id));
        FUZZ_CHECK(miner.size() <= miner.config().maxClusters);
    }
    return 0;
}
