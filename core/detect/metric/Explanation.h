// Words an operator can read for a scored metric point: what was seen, what was
// expected, which signals fired and how strongly.
#pragma once

#include "detect/metric/MetricAnomalyDetector.h"
#include "record/Record.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil::metric {

// As messages (detect/ExplanationMessages.h), one per sentence.
std::vector<NarrativeSentence> explainMessages(const MetricScore& s, std::string_view series, std::string_view target);

// e.g. "rpc.latency_ms on rpc:eth-a is 412 (expected 95, usual band 60 to 130): above the
// band. Signals: off the daily pattern 5.5x its largest in recent history; sustained level shift 2.3x."
std::string explain(const MetricScore& s, std::string_view series, std::string_view target);

// Compact number formatting used in explanations (up to 4 significant digits).
std::string formatValue(double v);

}  // namespace vigil::metric
