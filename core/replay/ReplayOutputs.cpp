#include "replay/ReplayOutputs.h"

#include "record/LatestIncidents.h"
#include "record/NdjsonCodec.h"

#include <algorithm>

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
            if (keepLatestIncident(incidents, *i, maxIncidents, incidentsDropped)) ++incidentsOpened;
        } else if (auto* a = std::get_if<Action>(&r)) {
            ++actionsPlanned;
            actions.push_back(*a);
            while (actions.size() > std::max<std::size_t>(maxActions, 1)) {
                outcomes.erase(actions.front().id);
                actions.pop_front();
                ++actionsDropped;
            }
        } else if (auto* o = std::get_if<Outcome>(&r)) {
            // Only for a kept action (outcomes follow their actions closely: search from the newest).
            for (auto it = actions.rbegin(); it != actions.rend(); ++it)
                if (it->id == o->action_id) {
                    outcomes[o->action_id] = *o;
                    break;
                }
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
    if (incidentsDropped || actionsDropped)
        s += "{\"dropped\":{\"incidents\":" + std::to_string(incidentsDropped) +
             ",\"actions\":" + std::to_string(actionsDropped) + "}}\n";
    return s;
}

}  // namespace vigil
