#include "record/LatestIncidents.h"

#include <tuple>

namespace vigil {

bool keepLatestIncident(std::map<std::string, Incident>& kept, const Incident& inc, std::size_t cap,
                        std::int64_t& dropped) {
    if (auto it = kept.find(inc.id); it != kept.end()) {
        it->second = inc;
        return false;
    }
    if (cap == 0) cap = 1;
    // A new incident on a full map (rare: one scan per new incident, not per update).
    while (kept.size() >= cap) {
        auto victim = kept.begin();
        auto order = [](const Incident& i) {
            return std::make_tuple(i.state != IncidentState::Resolved, i.opened, std::string_view(i.id));
        };
        for (auto it = kept.begin(); it != kept.end(); ++it)
            if (order(it->second) < order(victim->second)) victim = it;
        kept.erase(victim);
        ++dropped;
    }
    kept.emplace(inc.id, inc);
    return true;
}

}  // namespace vigil
