#include "eval/RunRecords.h"

#include "remedy/IncidentSignature.h"

#include <algorithm>

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

RunRecords RunRecorder::take(std::string label) {
    RunRecords out = std::move(run_);
    out.label = std::move(label);
    for (auto& [id, ri] : incidents_) {
        ri.end = ri.incident.state == IncidentState::Resolved ? ri.incident.ts : std::max(out.last, ri.incident.ts);
        out.incidents.push_back(std::move(ri));
    }
    *this = RunRecorder{};
    return out;
}

}  // namespace vigil
