#include "sim/LabelsJson.h"

#include "record/NdjsonCodec.h"

#include <simdjson.h>

namespace vigil {
namespace {

void quoted(std::string& out, std::string_view s) { appendJsonString(out, s); }

bool endsWith(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string labelsToJson(const LabelsFile& l) {
    std::string out = "{\n  \"scenario\": ";
    quoted(out, l.scenario);
    out += ",\n  \"seed\": " + std::to_string(l.seed);
    out += ",\n  \"start\": " + std::to_string(l.start);
    out += ",\n  \"duration_s\": " + std::to_string(l.durationS);
    out += ",\n  \"faults\": [";
    for (std::size_t i = 0; i < l.faults.size(); ++i) {
        const FaultLabel& f = l.faults[i];
        out += i ? ",\n    " : "\n    ";
        out += "{\"kind\": ";
        quoted(out, f.kind);
        out += ", \"start\": " + std::to_string(f.start) + ", \"end\": " + std::to_string(f.end) + ", \"target\": ";
        quoted(out, f.target);
        out += '}';
    }
    out += l.faults.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

bool parseLabelsJson(std::string_view text, LabelsFile& out, std::string& error) {
    simdjson::dom::parser parser;
    simdjson::padded_string padded(text);
    simdjson::dom::element root;
    if (auto e = parser.parse(padded).get(root)) {
        error = std::string("not JSON: ") + simdjson::error_message(e);
        return false;
    }
    LabelsFile l;
    std::string_view sv;
    std::uint64_t u = 0;
    std::int64_t i = 0;
    if (root["scenario"].get(sv)) return error = "field 'scenario' missing or not a string", false;
    l.scenario = std::string(sv);
    if (root["seed"].get(u)) return error = "field 'seed' missing or not an unsigned integer", false;
    l.seed = u;
    if (root["start"].get(i)) return error = "field 'start' missing or not an integer", false;
    l.start = i;
    if (root["duration_s"].get(i)) return error = "field 'duration_s' missing or not an integer", false;
    l.durationS = i;
    simdjson::dom::array faults;
    if (root["faults"].get(faults)) return error = "field 'faults' missing or not an array", false;
    std::size_t n = 0;
    for (simdjson::dom::element f : faults) {
        const std::string where = "faults[" + std::to_string(n++) + "].";
        FaultLabel label;
        if (f["kind"].get(sv)) return error = where + "kind missing or not a string", false;
        label.kind = std::string(sv);
        if (f["target"].get(sv)) return error = where + "target missing or not a string", false;
        label.target = std::string(sv);
        if (f["start"].get(i)) return error = where + "start missing or not an integer", false;
        label.start = i;
        if (f["end"].get(i)) return error = where + "end missing or not an integer", false;
        label.end = i;
        if (label.end < label.start) return error = where + "end before start", false;
        l.faults.push_back(std::move(label));
    }
    out = std::move(l);
    return true;
}

std::string labelsPathFor(const std::string& logPath) {
    for (std::string_view suffix : {".ndjson.gz", ".ndjson"})
        if (endsWith(logPath, suffix)) return logPath.substr(0, logPath.size() - suffix.size()) + ".labels.json";
    return logPath + ".labels.json";
}

}  // namespace vigil
