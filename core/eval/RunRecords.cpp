#include "eval/RunRecords.h"

#include "remedy/IncidentSignature.h"

#include <algorithm>
#include <set>

namespace vigil {

void RunRecorder::add(const std::vector<Record>& inputs, const std::vector<Record>& outputs) {
    for (const Record& r : inputs) {
        const TimestampMs ts = timestampOf(r);
        if (!started_) run_.first = run_.last = ts, started_ = true;
        run_.first = std::min(run_.first, ts);
        run_.last = std::max(run_.last, ts);
    }
    for (const Record& r : outputs) {
        if (const auto* a = std::get_if<Anomaly>(&r)) {
            ++run_.anomalyCount;
            ++run_.anomaliesByDetector[a->detector];
            if (run_.anomalies.size() < RunRecords::kMaxAnomalies) run_.anomalies.push_back(*a);
            if (auto sig = remedy::signatureOf(*a)) signatures_[a->target] = {sig->kind, sig->target};
        } else if (const auto* i = std::get_if<Incident>(&r)) {
            noteIncident(*i);
        } else if (const auto* act = std::get_if<Action>(&r)) {
            const auto [it, fresh] = actionIndex_.emplace(act->id, run_.actions.size());
            if (fresh) run_.actions.push_back(*act);
            else run_.actions[it->second] = *act;
        } else if (const auto* ap = std::get_if<Approval>(&r)) {
            run_.approvals.push_back(*ap);
        } else if (const auto* o = std::get_if<Outcome>(&r)) {
            run_.outcomes.push_back(*o);
        }
    }
}

// The kind is settled by the first update that finds a specific signature on
// the likely cause or, failing that, on any of the incident's targets.
void RunRecorder::noteIncident(const Incident& inc) {
    if (!incidents_.count(inc.id)) {
        order_.push_back(inc.id);
        if (incidents_.size() >= std::max<std::size_t>(maxIncidents_, 1)) dropOldest();
    }
    RunIncident& ri = incidents_[inc.id];
    if (ri.states.empty() || ri.states.back().second != inc.state) ri.states.emplace_back(inc.ts, inc.state);
    ri.incident = inc;
    if (!ri.kind.empty()) return;
    auto found = signatures_.find(inc.cause);
    for (std::size_t k = 0; found == signatures_.end() && k < inc.targets.size(); ++k)
        found = signatures_.find(inc.targets[k]);
    if (found != signatures_.end()) {
        ri.kind = found->second.kind;
        ri.where = found->second.target;
    } else {
        ri.where = inc.cause.empty() && !inc.targets.empty() ? inc.targets.front() : inc.cause;
    }
}

void RunRecorder::dropOldest() {
    auto victim = order_.begin();
    for (auto it = order_.begin(); it != order_.end(); ++it)
        if (auto f = incidents_.find(*it); f != incidents_.end() && f->second.incident.state == IncidentState::Resolved) {
            victim = it;
            break;
        }
    incidents_.erase(*victim);
    order_.erase(victim);
    ++run_.incidentsDropped;
    // Their actions go in batches, so dropping stays linear in what is kept.
    if (++droppedSinceCompact_ >= std::max<std::size_t>(maxIncidents_ / 4, 1)) compact();
}

void RunRecorder::compact() {
    droppedSinceCompact_ = 0;
    std::vector<Action> kept;
    std::map<std::string, std::size_t> index;
    std::set<std::string> dropped;
    for (Action& a : run_.actions) {
        if (a.incident_id.empty() || incidents_.count(a.incident_id)) {
            index.emplace(a.id, kept.size());
            kept.push_back(std::move(a));
        } else {
            dropped.insert(a.id);
        }
    }
    run_.actions = std::move(kept);
    actionIndex_ = std::move(index);
    auto gone = [&dropped](const std::string& actionId) { return dropped.count(actionId) > 0; };
    std::erase_if(run_.approvals, [&](const Approval& a) { return gone(a.action_id); });
    std::erase_if(run_.outcomes, [&](const Outcome& o) { return gone(o.action_id); });
}

RunRecords RunRecorder::take(std::string label) {
    if (droppedSinceCompact_ > 0) compact();
    RunRecords out = std::move(run_);
    out.label = std::move(label);
    for (auto& [id, ri] : incidents_) {
        ri.end = ri.incident.state == IncidentState::Resolved ? ri.incident.ts : std::max(out.last, ri.incident.ts);
        out.incidents.push_back(std::move(ri));
    }
    *this = RunRecorder{maxIncidents_};
    return out;
}

}  // namespace vigil
