#include "learn/ActionResults.h"

#include "remedy/SimFleetActuator.h"  // jsonField

#include <map>

namespace vigil::learn {

namespace {
bool ran(const Action& a) {
    return a.kind != "escalate" &&
           (a.status == ActionStatus::Executing || a.status == ActionStatus::Succeeded || a.status == ActionStatus::Failed);
}
}  // namespace

std::vector<ActionResult> assessActions(const std::vector<Action>& actions, const std::vector<Outcome>& outcomes,
                                        const std::vector<Incident>& incidents, TimestampMs helpWindowMs) {
    std::vector<ActionResult> out;
    std::map<std::string, std::size_t> byId;
    for (const Action& a : actions) {
        if (!ran(a)) continue;
        const auto [it, fresh] = byId.emplace(a.id, out.size());
        if (!fresh) {
            if (a.status == ActionStatus::Failed) out[it->second].outcomeOk = false;
            continue;
        }
        ActionResult r;
        r.actionId = a.id;
        r.incidentId = a.incident_id;
        r.kind = a.kind;
        r.target = a.target;
        r.rule = remedy::jsonField(a.params, "rule");
        r.ts = a.ts;
        if (a.status == ActionStatus::Failed) r.outcomeOk = false;
        out.push_back(std::move(r));
    }
    std::map<std::string, TimestampMs> outcomeAt;
    for (const Outcome& o : outcomes) {
        const auto it = byId.find(o.action_id);
        if (it == byId.end()) continue;
        ActionResult& r = out[it->second];
        if (!r.outcomeOk || *r.outcomeOk) r.outcomeOk = o.success;
        outcomeAt.emplace(o.action_id, o.ts);
    }
    // The first update at or after the action that ends its incident.
    std::map<std::string, std::vector<const Incident*>> updates;
    for (const Incident& i : incidents)
        if (i.state != IncidentState::Open) updates[i.id].push_back(&i);
    for (ActionResult& r : out) {
        const auto u = updates.find(r.incidentId);
        if (u == updates.end()) continue;
        for (const Incident* i : u->second) {
            if (i->ts < r.ts) continue;
            r.endedMs = i->ts - r.ts;
            break;
        }
        const auto at = outcomeAt.find(r.actionId);
        const TimestampMs from = at != outcomeAt.end() ? at->second : r.ts;
        r.helped = r.endedMs >= 0 && r.outcomeOk.value_or(true) && r.ts + r.endedMs <= from + helpWindowMs;
    }
    // Credit goes to the last action before the end: a notification followed by
    // a failover that ended the incident did not help by itself.
    std::map<std::string, std::vector<ActionResult*>> byIncident;
    for (ActionResult& r : out) byIncident[r.incidentId].push_back(&r);
    for (auto& [id, rs] : byIncident)
        for (ActionResult* r : rs)
            for (const ActionResult* later : rs)
                if (r->helped && later != r && later->ts >= r->ts && later->ts <= r->ts + r->endedMs &&
                    later->kind != r->kind)
                    r->helped = false;
    return out;
}

}  // namespace vigil::learn
