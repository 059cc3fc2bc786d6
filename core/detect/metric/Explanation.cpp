#include "detect/metric/Explanation.h"

#include <cmath>
#include <cstdio>

namespace vigil::metric {

std::string formatValue(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string explain(const MetricScore& s, std::string_view series, std::string_view target) {
    std::string text(series);
    if (!target.empty()) text += " on " + std::string(target);
    text += " is " + formatValue(s.observed) + " (expected " + formatValue(s.expected) + ", usual band " +
            formatValue(s.expected_low) + " to " + formatValue(s.expected_high) + "): ";
    if (s.observed > s.expected_high) text += "above the band.";
    else if (s.observed < s.expected_low) text += "below the band.";
    else text += "inside the band, but unusual in its context.";
    const auto fired = s.firing(0.8);
    if (fired.empty()) {
        text += " No signal stands out.";
    } else {
        text += " Signals:";
        for (std::size_t i = 0; i < fired.size(); ++i) {
            char buf[64];
            std::snprintf(buf, sizeof buf, " %.1fx", fired[i].strength);
            text += std::string(i ? ";" : "") + " " + signalName(fired[i].signal) + buf;
        }
        text += " its largest in recent history.";
    }
    if (s.after_gap) text += " Comes right after missing data.";
    if (s.suppressed) text += " Damped: an alert on this series fired moments ago.";
    char buf[48];
    std::snprintf(buf, sizeof buf, " Score %.2f.", s.score);
    return text + buf;
}

}  // namespace vigil::metric
