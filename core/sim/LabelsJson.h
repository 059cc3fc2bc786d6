// The ground-truth labels file written beside a recording (LOG.labels.json):
// {"scenario":..,"seed":..,"start":..,"duration_s":..,"faults":[{"kind","start","end","target"}]}
// Times are milliseconds since the epoch, like record timestamps.
#pragma once

#include "sim/Scenario.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

struct LabelsFile {
    std::string scenario;
    std::uint64_t seed = 0;
    TimestampMs start = 0;
    std::int64_t durationS = 0;
    std::vector<FaultLabel> faults;
    bool operator==(const LabelsFile&) const = default;
};

std::string labelsToJson(const LabelsFile& labels);
// False with a reason naming the offending field when the text is not a labels file.
bool parseLabelsJson(std::string_view text, LabelsFile& out, std::string& error);

// "a.ndjson" / "a.ndjson.gz" → "a.labels.json"; any other name gets ".labels.json" appended.
std::string labelsPathFor(const std::string& logPath);

}  // namespace vigil
