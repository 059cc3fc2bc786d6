// Which series spoke in an incident, and how loudly: for each incident, the
// highest anomaly score per (series, target) among the anomalies on its targets
// while it was active. Feedback on an incident becomes evidence about these
// series (Adaptation).
#pragma once

#include "record/Record.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace vigil::learn {

using SeriesKey = std::pair<std::string, std::string>;  // (series, target)
using SeriesScores = std::map<SeriesKey, double>;       // -> highest score

// incidents: every update or the latest state of each; anomalies in any order.
// An anomaly counts for an incident when its target is one of the incident's
// targets (or its cause) and it lies in [opened - leadMs, last update] (an open
// incident: up to its last update too). Anomalies without a series are skipped.
std::map<std::string, SeriesScores> seriesOfIncidents(const std::vector<Incident>& incidents,
                                                      const std::vector<Anomaly>& anomalies,
                                                      TimestampMs leadMs = 120'000);

}  // namespace vigil::learn
