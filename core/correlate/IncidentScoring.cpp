#include "correlate/IncidentScoring.h"

#include <algorithm>
#include <set>

namespace vigil {

std::optional<TimestampMs> median(std::vector<TimestampMs> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

ScenarioResult scoreRun(const std::string& scenario, const std::vector<FaultWindow>& faults, const RunOutput& run,
                        const Topology* topology, TimestampMs graceMs) {
    ScenarioResult res;
    res.scenario = scenario;
    res.anomalies = static_cast<std::int64_t>(run.anomalies.size());
    res.incidentRecords = static_cast<std::int64_t>(run.incidentUpdates.size());
    std::set<std::string> ids;
    for (const auto& i : run.incidentUpdates) ids.insert(i.id);
    res.incidents = static_cast<std::int64_t>(ids.size());
    res.reduction = res.anomalies > 0 ? 1.0 - static_cast<double>(res.incidents) / res.anomalies : 0.0;

    auto relates = [&](const std::string& t, const std::string& fault) {
        return t == fault || (topology && topology->linked(t, fault));
    };
    std::vector<TimestampMs> ttd;
    int covered = 0;
    for (const FaultWindow& f : faults) {
        FaultResult fr;
        fr.fault = f;
        for (const Incident& inc : run.incidentUpdates) {
            if (inc.state == IncidentState::Resolved || inc.ts < f.start || inc.ts > f.end + graceMs) continue;
            bool rel = relates(inc.cause, f.target);
            for (const auto& t : inc.targets) rel = rel || relates(t, f.target);
            if (!rel) continue;
            fr.covered = true;
            fr.incident = inc.id;
            fr.detectMs = inc.ts - f.start;
            break;
        }
        if (fr.covered) {
            ++covered;
            ttd.push_back(fr.detectMs);
        }
        res.faults.push_back(std::move(fr));
    }
    res.coverage = faults.empty() ? 1.0 : static_cast<double>(covered) / static_cast<double>(faults.size());
    res.medianDetectMs = median(std::move(ttd));
    return res;
}

}  // namespace vigil
