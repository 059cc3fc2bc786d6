#include "learn/IncidentSeries.h"

#include <algorithm>
#include <set>

namespace vigil::learn {

std::map<std::string, SeriesScores> seriesOfIncidents(const std::vector<Incident>& incidents,
                                                      const std::vector<Anomaly>& anomalies, TimestampMs leadMs) {
    struct Span {
        TimestampMs from = 0, to = 0;
        std::set<std::string> targets;
    };
    std::map<std::string, Span> spans;
    for (const Incident& i : incidents) {
        auto [it, fresh] = spans.try_emplace(i.id);
        Span& s = it->second;
        if (fresh) s.from = i.opened - leadMs, s.to = i.ts;
        s.from = std::min(s.from, i.opened - leadMs);
        s.to = std::max(s.to, i.ts);
        s.targets.insert(i.targets.begin(), i.targets.end());
        if (!i.cause.empty()) s.targets.insert(i.cause);
    }
    std::map<std::string, SeriesScores> out;
    for (const auto& [id, s] : spans) {
        SeriesScores& scores = out[id];
        for (const Anomaly& a : anomalies) {
            if (a.series.empty() || a.ts < s.from || a.ts > s.to || !s.targets.count(a.target)) continue;
            double& best = scores[{a.series, a.target}];
            best = std::max(best, a.score);
        }
    }
    return out;
}

}  // namespace vigil::learn
