#include "engine/SnapshotBuilder.h"

namespace vigil {

SnapshotBuilder::SnapshotBuilder(SnapshotOptions opts) : opts_(opts), series_(opts.seriesCapacity) {}

void SnapshotBuilder::consume(const std::vector<Record>& inputs, const std::vector<Record>& outputs) {
    for (const Record& in : inputs) {
        if (const auto* m = std::get_if<MetricSample>(&in)) series_.add(*m);
        else if (const auto* t = std::get_if<TaskEvent>(&in)) fleet_.add(*t);
    }
    for (const Record& out : outputs) {
        if (const auto* a = std::get_if<Anomaly>(&out)) {
            anomalies_.push_back(*a);
            if (anomalies_.size() > opts_.recentAnomalies) anomalies_.pop_front();
        } else if (const auto* inc = std::get_if<Incident>(&out)) {
            incidents_[inc->id] = *inc;
        }
    }
}

void SnapshotBuilder::fill(Snapshot& s) const {
    s.series = series_.tails();
    s.agents = fleet_.agents(s.engineTime, s.series);
    s.recentAnomalies.assign(anomalies_.begin(), anomalies_.end());
    s.incidents.clear();
    s.incidents.reserve(incidents_.size());
    for (const auto& [_, inc] : incidents_) s.incidents.push_back(inc);
}

}  // namespace vigil
