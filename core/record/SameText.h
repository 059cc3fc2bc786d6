// Equality of short strings without a memcmp call for most unequal pairs. The
// detectors ask "is this sample's series mine?" of every sample, and many series
// names share a length (rpc.latency_ms, gas.price_gwei, api.latency_ms): std::string's
// == then called memcmp for each (memcmp was ≈ 5 % of a replay's time in perf). The
// NDJSON reader matches every key of every line with the same loads.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace vigil {

namespace detail {
template <class T>
T loadBytes(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
}  // namespace detail

// Two strings of the same length n ≥ 1, with a few overlapping fixed-size loads
// inside both, their differences or-ed together: no branch per byte (a byte loop's
// exit branch mispredicted on most keys).
inline bool sameBytes(const char* a, const char* b, std::size_t n) {
    using detail::loadBytes;
    if (n >= 8) {
        const std::uint64_t ends = (loadBytes<std::uint64_t>(a) ^ loadBytes<std::uint64_t>(b)) |
                                   (loadBytes<std::uint64_t>(a + n - 8) ^ loadBytes<std::uint64_t>(b + n - 8));
        return ends == 0 && (n <= 16 || std::memcmp(a + 8, b + 8, n - 16) == 0);
    }
    if (n >= 4)
        return ((loadBytes<std::uint32_t>(a) ^ loadBytes<std::uint32_t>(b)) |
                (loadBytes<std::uint32_t>(a + n - 4) ^ loadBytes<std::uint32_t>(b + n - 4))) == 0;
    return ((a[0] ^ b[0]) | (a[n / 2] ^ b[n / 2]) | (a[n - 1] ^ b[n - 1])) == 0;
}

inline bool sameText(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || sameBytes(a.data(), b.data(), a.size()));
}

}  // namespace vigil
