// Recordings for the replay tests: the simulator's cascade written as NDJSON
// (plain or gzip), and hand-made bad lines.
#pragma once

#include "record/NdjsonCodec.h"
#include "sim/FleetSimulator.h"

#include <zlib.h>

#include <cstdio>
#include <string>
#include <vector>

namespace replaytest {

inline std::string cascadeText(std::int64_t seconds, std::uint64_t seed = 7) {
    vigil::ScenarioSpec spec{"cascade", seconds, false};
    vigil::FleetSimulator sim(spec, seed);
    std::vector<vigil::Record> recs;
    sim.advance(sim.start() + seconds * 1000, recs);
    std::string text;
    for (const auto& r : recs) vigil::appendNdjson(text, r);
    return text;
}

inline bool writeFile(const std::string& path, const std::string& bytes, bool gzip) {
    if (gzip) {
        gzFile gz = gzopen(path.c_str(), "wb1");
        if (!gz) return false;
        const bool ok = gzwrite(gz, bytes.data(), unsigned(bytes.size())) == int(bytes.size());
        return gzclose(gz) == Z_OK && ok;
    }
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

}  // namespace replaytest
