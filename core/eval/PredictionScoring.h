// How good the forecasting detector's predictions were on a run: the breaches
// that really happened are found in the input telemetry itself (BreachRecorder:
// a watched series crossing its limit, as the detector's watches define it), and
// each prediction episode is matched with them. Lead time = breach time - time of
// the episode's first prediction; an episode whose key did not breach within the
// forecast horizon after its last prediction did not come true.
#pragma once

#include "detect/forecast/ForecastBreachDetector.h"
#include "record/Record.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

class BreachRecorder {
public:
    // A series that crosses its limit again within `rearmMs` of last being past it
    // (a wallet hovering at its reserve as top-ups come in) continues the same breach.
    explicit BreachRecorder(std::vector<forecast::ForecastWatch> watches = forecast::ForecastConfig{}.watches,
                            TimestampMs rearmMs = 600'000);
    void observe(const std::vector<Record>& batch);
    void observe(const MetricSample& m);
    // "<series>|<target>" -> times the series went from the safe side to its limit.
    const std::map<std::string, std::vector<TimestampMs>>& breaches() const { return breaches_; }

private:
    std::vector<forecast::ForecastWatch> watches_;
    std::map<std::string, double> limits_;  // "<limit series>|<target>"
    TimestampMs rearmMs_;
    std::map<std::string, bool> breached_;  // "<series>|<target>": currently at or past the limit
    std::map<std::string, TimestampMs> lastPast_;  // "<series>|<target>": last sample past the limit
    std::map<std::string, std::vector<TimestampMs>> breaches_;
};

struct PredictionEpisode {
    std::string series, target;
    TimestampMs first = 0, last = 0;   // first and last prediction of the episode
    int predictions = 0;
    std::optional<TimestampMs> breach;  // the breach it announced, if it came
    TimestampMs leadMs() const { return breach ? *breach - first : 0; }
};

struct PredictionScore {
    std::vector<PredictionEpisode> episodes;
    int cameTrue = 0, falsePredictions = 0;    // episodes
    int breaches = 0, breachesPredicted = 0;   // breaches of watched series during the run
    std::vector<TimestampMs> leadsMs;          // of the episodes that came true
};

// `predictions`: anomalies of detector "forecast.breach" (others are ignored).
PredictionScore scorePredictions(const std::vector<Anomaly>& anomalies,
                                 const std::map<std::string, std::vector<TimestampMs>>& breaches, TimestampMs horizonMs);

}  // namespace vigil
