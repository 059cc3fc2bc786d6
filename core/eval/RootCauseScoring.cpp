#include "eval/RootCauseScoring.h"

#include <map>

namespace vigil {

RootCauseScore scoreRootCause(const std::vector<FaultWindow>& faults, const std::vector<Incident>& updates,
                              const Topology* topology, TimestampMs graceMs) {
    auto relates = [&](const std::string& t, const std::string& fault) {
        return t == fault || (topology && topology->linked(t, fault));
    };
    auto covers = [&](const Incident& inc, const FaultWindow& f) {
        if (inc.state == IncidentState::Resolved || inc.ts < f.start || inc.ts > f.end + graceMs) return false;
        if (relates(inc.cause, f.target)) return true;
        for (const auto& t : inc.targets)
            if (relates(t, f.target)) return true;
        return false;
    };

    struct Seen {
        std::size_t order = 0;
        std::string named;
        const FaultWindow* earliest = nullptr;
    };
    std::map<std::string, Seen> byId;
    for (const Incident& inc : updates) {
        auto [it, fresh] = byId.try_emplace(inc.id);
        if (fresh) it->second.order = byId.size() - 1;
        if (!inc.cause.empty()) it->second.named = inc.cause;
        for (const FaultWindow& f : faults)
            if (covers(inc, f) && (!it->second.earliest || f.start < it->second.earliest->start)) it->second.earliest = &f;
    }

    RootCauseScore s;
    s.incidents.resize(byId.size());
    for (const auto& [id, seen] : byId) {
        IncidentCauseResult& r = s.incidents[seen.order];
        r.incident = id;
        r.named = seen.named;
        if (!seen.earliest) {
            ++s.unmatched;
            continue;
        }
        r.expected = seen.earliest->target;
        r.right = r.named == r.expected;
        ++s.judged;
        s.right += r.right ? 1 : 0;
    }
    return s;
}

}  // namespace vigil
