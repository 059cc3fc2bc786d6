#include "detect/events/EventCommon.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vigil::events {

std::string anomalyId(std::string_view detector, std::string_view target, TimestampMs ts,
                      std::uint64_t seq) {
    std::string id;
    id.reserve(detector.size() + target.size() + 32);
    id.append(detector).push_back('/');
    id.append(target).push_back('@');
    id.append(std::to_string(ts)).push_back('#');
    id.append(std::to_string(seq));
    return id;
}

Anomaly makeAnomaly(std::string_view detector, std::string_view series, std::string_view target,
                    TimestampMs ts, std::uint64_t seq, std::string_view idKey) {
    Anomaly a;
    a.ts = ts;
    a.detector = detector;
    a.series = series;
    a.target = target;
    a.id = anomalyId(detector, idKey.empty() ? target : idKey, ts, seq);
    return a;
}

double scoreAbove(double stat, double threshold, double extra) {
    return std::clamp(1.0 - 0.2 * std::exp(-(stat - threshold) / threshold - extra), 0.0, 1.0);
}

std::string formatDuration(TimestampMs ms) {
    char buf[48];
    if (ms < 0) ms = 0;
    if (ms < 1000) {
        std::snprintf(buf, sizeof buf, "%lldms", static_cast<long long>(ms));
    } else if (ms < 60'000) {
        std::snprintf(buf, sizeof buf, "%.1fs", ms / 1000.0);
    } else if (ms < 3'600'000) {
        std::snprintf(buf, sizeof buf, "%lldm%02llds", static_cast<long long>(ms / 60'000),
                      static_cast<long long>((ms / 1000) % 60));
    } else {
        std::snprintf(buf, sizeof buf, "%lldh%02lldm", static_cast<long long>(ms / 3'600'000),
                      static_cast<long long>((ms / 60'000) % 60));
    }
    return buf;
}

std::string formatNumber(double v, int precision) {
    if (!std::isfinite(v)) return v != v ? "nan" : (v > 0 ? "inf" : "-inf");
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    return buf;
}

std::string formatPercent(double ratio) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", ratio * 100.0);
    return buf;
}

}  // namespace vigil::events
