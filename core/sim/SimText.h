// Number formatting for the simulator's log lines and rounded metric values.
// std::to_chars is locale-independent (printf is not once QCoreApplication has
// called setlocale), so the bytes do not depend on the user's locale.
#pragma once

#include <charconv>
#include <cmath>
#include <string>

namespace vigil::sim {

inline std::string fixed(double v, int decimals) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    return std::string(buf, r.ptr);
}

// Rounds to `decimals` places so samples print short and stable.
inline double rounded(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

// "0x3f2a9c…e1" style abbreviation as operators see it in logs; the full hash is
// in the tx events.
inline std::string shortHash(const std::string& h) { return h.size() > 14 ? h.substr(0, 10) + "..." + h.substr(h.size() - 4) : h; }

}  // namespace vigil::sim
