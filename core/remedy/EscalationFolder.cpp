#include "remedy/EscalationFolder.h"

#include "remedy/RemediationPlanner.h"

namespace vigil::remedy {

Action EscalationFolder::fold(const Escalation& e, const std::string& incidentId, const std::string& freshId, bool& repeat) {
    Seen& s = seen_[{e.target, e.rule}];
    repeat = s.count > 0 && e.ts - s.last <= kFoldMs;
    if (!repeat) s = Seen{freshId, e.ts, e.ts, 0};
    ++s.count;
    s.last = e.ts;

    Action esc;
    esc.ts = e.ts;
    esc.incident_id = incidentId;
    esc.kind = "escalate";
    esc.target = e.target;
    esc.id = s.id;
    std::map<std::string, std::string> params{{"rule", e.rule}, {"reason", e.reason}};
    if (s.count > 1) {
        params["count"] = std::to_string(s.count);
        params["first_ts"] = std::to_string(s.first);
    }
    esc.params = compactJson(params);
    esc.status = ActionStatus::Suppressed;
    esc.critical = true;
    while (seen_.size() > kMaxKept) seen_.erase(seen_.begin());
    return esc;
}

}  // namespace vigil::remedy
