#include "replay/ReplayOutputs.h"

#include "record/NdjsonCodec.h"

namespace vigil {

void ReplayOutputs::add(const std::vector<Record>& out) {
    std::string line;
    for (const Record& r : out) {
        line.clear();
        appendNdjson(line, r);
        for (const unsigned char c : line) digest = (digest ^ c) * 1099511628211ull;
        ++outputs;
        if (std::holds_alternative<Anomaly>(r)) {
            ++anomalies;
        } else if (auto* i = std::get_if<Incident>(&r)) {
            incidents[i->id] = *i;
        } else if (auto* a = std::get_if<Action>(&r)) {
            actions.push_back(*a);
        } else if (auto* o = std::get_if<Outcome>(&r)) {
            outcomes[o->action_id] = *o;
        }
    }
}

std::string ReplayOutputs::serialize() const {
    std::string s;
    for (const auto& [id, inc] : incidents) appendNdjson(s, inc);
    for (const Action& a : actions) {
        appendNdjson(s, a);
        if (auto it = outcomes.find(a.id); it != outcomes.end()) appendNdjson(s, it->second);
    }
    return s;
}

}  // namespace vigil
