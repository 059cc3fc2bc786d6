#include "eval/ReportFromStore.h"

#include "remedy/IncidentSignature.h"

#include <algorithm>
#include <filesystem>

namespace vigil {
namespace {

// The fault kind and where it is, from the first specific anomaly on the
// incident's likely cause or targets (as RunRecorder does during a replay).
void settleKind(RunIncident& ri, const std::vector<Anomaly>& anomalies) {
    const Incident& inc = ri.incident;
    ri.where = inc.cause.empty() && !inc.targets.empty() ? inc.targets.front() : inc.cause;
    for (const Anomaly& a : anomalies) {
        const bool mine =
            a.target == inc.cause || std::find(inc.targets.begin(), inc.targets.end(), a.target) != inc.targets.end();
        if (!mine) continue;
        if (auto sig = remedy::signatureOf(a)) {
            ri.kind = sig->kind;
            ri.where = sig->target;
            return;
        }
    }
}

}  // namespace

store::Result<IncidentReport> reportFromStore(const store::StoreReader& reader, const std::string& incidentId) {
    auto incidents = reader.incidents();
    if (!incidents) return store::Status::failure(incidents.error());
    auto actions = reader.actions();
    if (!actions) return store::Status::failure(actions.error());
    auto approvals = reader.approvals();
    if (!approvals) return store::Status::failure(approvals.error());
    auto outcomes = reader.outcomes();
    if (!outcomes) return store::Status::failure(outcomes.error());

    IncidentReport rep;
    rep.source = std::filesystem::path(reader.path()).filename().string();
    rep.title = incidentId.empty() ? "Incidents in " + rep.source : "Incident " + incidentId + " in " + rep.source;
    std::vector<Incident> chosen;
    for (const Incident& i : *incidents)
        if (incidentId.empty() || i.id == incidentId) chosen.push_back(i);
    if (!incidentId.empty() && chosen.empty())
        return store::Status::failure(reader.path() + ": no incident '" + incidentId + "'");
    std::sort(chosen.begin(), chosen.end(), [](const Incident& x, const Incident& y) { return x.id < y.id; });

    for (const Incident& inc : chosen) {
        RunIncident ri;
        ri.incident = inc;
        ri.end = inc.ts;  // resolved at, or its latest update
        ri.states = {{inc.opened, IncidentState::Open}};
        if (inc.state != IncidentState::Open) ri.states.emplace_back(inc.ts, inc.state);
        auto anomalies = reader.anomalies(inc.opened, ri.end + 1);
        if (!anomalies) return store::Status::failure(anomalies.error());
        settleKind(ri, *anomalies);
        ReportIncident section = reportIncident(std::move(ri), *anomalies, *actions, *approvals, *outcomes);
        // Counted as the report lists them: the anomalies on this incident's targets.
        rep.anomalies += std::int64_t(section.anomalies.size()) + section.anomaliesNotListed;
        for (const Anomaly& a : section.anomalies) ++rep.anomaliesByDetector[a.detector];
        for (ReportChart& c : section.charts) {
            auto points = reader.metrics(c.series, c.target, c.from, c.to + 1);
            if (!points) return store::Status::failure(points.error());
            for (const auto& p : *points) c.points.emplace_back(p.ts, p.value);
            thinPoints(c.points);
        }
        keepDrawableCharts(section);
        rep.incidents.push_back(std::move(section));
    }
    return rep;
}

}  // namespace vigil
