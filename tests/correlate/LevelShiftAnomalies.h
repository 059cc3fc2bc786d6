// For tests/correlate/tst_sensitivity and tst_learnedcuts: level-shift anomalies
// on one series and how many incidents one of them opens in a correlator.
#pragma once

#include "correlate/IncidentCorrelator.h"

#include <string>
#include <vector>

namespace vigil::correlatetest {

inline Anomaly shift(TimestampMs ts, const std::string& target, double score) {
    Anomaly a;
    a.ts = ts;
    a.id = "an-" + std::to_string(ts);
    a.detector = "level.shift";
    a.series = "net.latency_ms";
    a.target = target;
    a.score = score;
    return a;
}

// Incidents opened by this anomaly (earlier ones may resolve meanwhile).
inline int opened(IncidentCorrelator& c, const Anomaly& a) {
    const auto before = c.counters().opened;
    std::vector<Record> out;
    c.process(a, out);
    return static_cast<int>(c.counters().opened - before);
}

}  // namespace vigil::correlatetest
