#include "record/UtcTime.h"

#include <cstdio>
#include <ctime>

namespace vigil {
namespace {

// Seconds rounded down and the milliseconds past them, also before 1970.
std::tm brokenDown(TimestampMs ts, int& ms) {
    const TimestampMs secs = ts >= 0 ? ts / 1000 : (ts - 999) / 1000;
    ms = static_cast<int>(ts - secs * 1000);
    const auto t = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm;
}

}  // namespace

std::string isoTime(TimestampMs ts) {
    if (ts < 0 || ts >= kLatestTimestampMs) return std::to_string(ts);
    int ms = 0;
    const std::tm tm = brokenDown(ts, ms);
    char buf[64];  // room for any int in every field, so no format is ever cut
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    return buf;
}

std::string utcTime(TimestampMs ts) {
    int ms = 0;
    const std::tm tm = brokenDown(ts, ms);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d UTC", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

}  // namespace vigil
