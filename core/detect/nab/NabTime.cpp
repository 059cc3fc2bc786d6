#include "detect/nab/NabTime.h"

#include <chrono>

namespace vigil::nab {
namespace {

// Reads exactly `n` digits at `pos`; false if any is not a digit.
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

}  // namespace

bool parseTimestamp(std::string_view s, std::int64_t& ms) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '"')) s.remove_suffix(1);
    while (!s.empty() && (s.front() == ' ' || s.front() == '"')) s.remove_prefix(1);
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d))
        return false;
    std::size_t pos = 10;
    if (s.size() > pos) {
        if (s[pos] != ' ' && s[pos] != 'T') return false;
        if (!digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mi)) return false;
        pos = 16;
        if (s.size() > pos && s[pos] == ':') {
            if (!digits(s, 17, 2, sec)) return false;
            pos = 19;
        }
    }
    int frac_ms = 0;
    if (s.size() > pos) {
        if (s[pos] != '.') return false;
        int scale = 100;
        for (std::size_t i = pos + 1; i < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            frac_ms += (s[i] - '0') * scale;
            scale /= 10;
        }
    }
    using namespace std::chrono;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return false;
    const auto t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} + milliseconds{frac_ms};
    ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
    return true;
}

}  // namespace vigil::nab
