// The prediction and root-cause part of `vigilctl evaluate`: per scenario, how
// far ahead forecast.breach predictions came and how many did not come true, and
// whether each incident named the labelled fault's target as its cause.
#pragma once

#include "eval/PredictionScoring.h"
#include "eval/RootCauseScoring.h"

#include <QJsonObject>

#include <map>
#include <string>
#include <vector>

namespace vigilctl {

struct ScenarioPredictions {
    int runs = 0, episodes = 0, cameTrue = 0, falsePredictions = 0, breaches = 0, breachesPredicted = 0;
    std::vector<vigil::TimestampMs> leadsMs;
    int judged = 0, right = 0, unmatched = 0;
};

struct PredictionTotals {
    std::map<std::string, ScenarioPredictions> byScenario;
    std::vector<std::string> order;  // scenarios in the order they ran
    void add(const std::string& scenario, const vigil::PredictionScore& p, const vigil::RootCauseScore& rc);
};

// Goals: root cause named right in >= 90 % of judged incidents (fault scenarios),
// worker-overload and wallet-drain predicted >= 2 min ahead (median lead), calm 0
// predictions. Prints the table and one line per applicable goal; true when met.
bool reportPredictionGoals(const PredictionTotals& t);

QJsonObject predictionJson(const vigil::PredictionScore& p, const vigil::RootCauseScore& rc);
QJsonObject predictionSummaryJson(const PredictionTotals& t);

}  // namespace vigilctl
