#include "engine/SnapshotBuilder.h"

#include "record/LatestIncidents.h"

namespace vigil {

SnapshotBuilder::SnapshotBuilder(SnapshotOptions opts)
    : opts_(opts), series_(opts.seriesCapacity, opts.seriesLimit), fleet_(AgentHealthRules{}, opts.agentLimit) {}

void SnapshotBuilder::consumeInput(const Record& in) {
    // A capacity of 0 keeps no chart points at all: headless runs have no charts.
    if (const auto* m = std::get_if<MetricSample>(&in)) {
        if (opts_.seriesCapacity > 0) series_.add(*m);
    } else if (const auto* t = std::get_if<TaskEvent>(&in)) fleet_.add(*t);
}

void SnapshotBuilder::consumeOutputs(const std::vector<Record>& outputs) {
    for (const Record& out : outputs) {
        if (const auto* a = std::get_if<Anomaly>(&out)) {
            if (a->silenced) ++silenced_;
            anomalies_.push_back(*a);
            if (anomalies_.size() > opts_.recentAnomalies) anomalies_.pop_front();
        } else if (const auto* inc = std::get_if<Incident>(&out)) {
            keepLatestIncident(incidents_, *inc, opts_.incidentLimit, incidentsForgotten_);
        }
    }
}

void SnapshotBuilder::fill(Snapshot& s) const {
    if (const auto n = series_.evicted()) s.counters.evictions.emplace_back("series window", std::int64_t(n));
    if (const auto n = fleet_.evicted()) s.counters.evictions.emplace_back("fleet", std::int64_t(n));
    if (incidentsForgotten_) s.counters.evictions.emplace_back("incidents", incidentsForgotten_);
    s.series = series_.tails();
    s.agents = fleet_.agents(s.engineTime, s.series);
    s.recentAnomalies.assign(anomalies_.begin(), anomalies_.end());
    s.silencedAnomalies = silenced_;
    s.incidents.clear();
    s.incidents.reserve(incidents_.size());
    for (const auto& [_, inc] : incidents_) s.incidents.push_back(inc);
}

}  // namespace vigil
