#include "eval/PredictionScoring.h"

#include <algorithm>

namespace vigil {

BreachRecorder::BreachRecorder(std::vector<forecast::ForecastWatch> watches, TimestampMs rearmMs)
    : watches_(std::move(watches)), rearmMs_(rearmMs) {}

void BreachRecorder::observe(const std::vector<Record>& batch) {
    for (const Record& r : batch)
        if (const auto* m = std::get_if<MetricSample>(&r)) observe(*m);
}

void BreachRecorder::observe(const MetricSample& m) {
    for (const auto& w : watches_) {
        if (!w.limitSeries.empty() && m.series == w.limitSeries) limits_[m.series + "|" + m.target] = m.value;
        if (m.series != w.series) continue;
        double limit = w.limit;
        if (!w.limitSeries.empty()) {
            const auto it = limits_.find(w.limitSeries + "|" + m.target);
            if (it == limits_.end()) continue;
            limit = it->second;
        }
        const bool past = w.rising ? m.value >= limit : m.value < limit;
        const std::string key = m.series + "|" + m.target;
        bool& was = breached_[key];
        if (past && !was) {
            const auto last = lastPast_.find(key);
            if (last == lastPast_.end() || m.ts - last->second > rearmMs_) breaches_[key].push_back(m.ts);
        }
        if (past) lastPast_[key] = m.ts;
        was = past;
    }
}

PredictionScore scorePredictions(const std::vector<Anomaly>& anomalies,
                                 const std::map<std::string, std::vector<TimestampMs>>& breaches, TimestampMs horizonMs) {
    PredictionScore s;
    // Episodes per key: a prediction joins the key's open episode unless that
    // episode's breach has come or its horizon has passed.
    std::map<std::string, std::size_t> open;  // key -> index into s.episodes
    auto firstBreachIn = [&](const std::string& key, TimestampMs from, TimestampMs to) -> std::optional<TimestampMs> {
        const auto it = breaches.find(key);
        if (it == breaches.end()) return std::nullopt;
        for (TimestampMs b : it->second)
            if (b >= from && b <= to) return b;
        return std::nullopt;
    };
    for (const Anomaly& a : anomalies) {
        if (a.detector != "forecast.breach") continue;
        const std::string key = a.series + "|" + a.target;
        auto it = open.find(key);
        if (it != open.end()) {
            PredictionEpisode& e = s.episodes[it->second];
            if (!firstBreachIn(key, e.first, a.ts) && a.ts - e.last <= horizonMs) {
                e.last = a.ts;
                ++e.predictions;
                continue;
            }
        }
        PredictionEpisode e;
        e.series = a.series;
        e.target = a.target;
        e.first = e.last = a.ts;
        e.predictions = 1;
        open[key] = s.episodes.size();
        s.episodes.push_back(e);
    }
    for (PredictionEpisode& e : s.episodes) {
        e.breach = firstBreachIn(e.series + "|" + e.target, e.first, e.last + horizonMs);
        if (e.breach) {
            ++s.cameTrue;
            s.leadsMs.push_back(e.leadMs());
        } else {
            ++s.falsePredictions;
        }
    }
    for (const auto& [key, times] : breaches)
        for (TimestampMs b : times) {
            ++s.breaches;
            const bool predicted = std::any_of(s.episodes.begin(), s.episodes.end(), [&, &key = key](const PredictionEpisode& e) {
                return e.breach && *e.breach == b && e.series + "|" + e.target == key;
            });
            s.breachesPredicted += predicted ? 1 : 0;
        }
    return s;
}

}  // namespace vigil
