#include "detect/metric/Explanation.h"

#include "detect/ExplanationText.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vigil::metric {

std::string formatValue(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::vector<NarrativeSentence> explainMessages(const MetricScore& s, std::string_view series, std::string_view target) {
    using M = ExplanationMsg;
    const char* verdict = s.observed > s.expected_high  ? kMetricVerdictWords[0]
                          : s.observed < s.expected_low ? kMetricVerdictWords[1]
                                                        : kMetricVerdictWords[2];
    std::vector<NarrativeArg> args{asText(std::string(series))};
    if (!target.empty()) args.push_back(asText(std::string(target)));
    for (double v : {s.observed, s.expected, s.expected_low, s.expected_high}) args.push_back(asText(formatValue(v)));
    args.push_back(asWord(verdict));
    std::vector<NarrativeSentence> out{sentence(target.empty() ? M::Metric : M::MetricOn, std::move(args))};

    const auto fired = s.firing(0.8);
    if (fired.empty()) {
        out.push_back(sentence(M::MetricNoSignal));
    } else {
        std::vector<NarrativeArg> signals;
        for (const auto& f : fired) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.1fx", f.strength);
            signals.push_back(asWord(signalName(f.signal)));
            signals.push_back(asText(buf));
        }
        // One form per count of signals (MetricSignals1 .. MetricSignals5).
        const auto n = std::min<std::size_t>(fired.size(), 5);
        signals.resize(2 * n);
        out.push_back(sentence(static_cast<M>(static_cast<std::uint16_t>(M::MetricSignals1) + n - 1), std::move(signals)));
    }
    if (s.after_gap) out.push_back(sentence(M::MetricAfterGap));
    if (s.suppressed) out.push_back(sentence(M::MetricDamped));
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", s.score);
    out.push_back(sentence(M::MetricScore, {asText(buf)}));
    return out;
}

std::string explain(const MetricScore& s, std::string_view series, std::string_view target) {
    return renderExplanation(explainMessages(s, series, target));
}

}  // namespace vigil::metric
