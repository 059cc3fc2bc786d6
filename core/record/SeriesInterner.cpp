#include "record/SeriesInterner.h"

#include "record/SameText.h"

#include <algorithm>
#include <atomic>

namespace vigil {
namespace {

std::uint32_t nextTable() {
    static std::atomic<std::uint32_t> last{0};
    std::uint32_t t = last.fetch_add(1, std::memory_order_relaxed) + 1;
    // 2^32 interners in one process would wrap to 0 ("no hint"): skip it.
    if (t == 0) t = last.fetch_add(1, std::memory_order_relaxed) + 1;
    return t;
}

// wyhash's multiply-fold: both halves of the 128-bit product, so every input bit
// reaches every output bit.
std::uint64_t fold(std::uint64_t a, std::uint64_t b) {
    const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
    return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

constexpr std::uint64_t kP0 = 0xa0761d6478bd642full, kP1 = 0xe7037ed1a0b428dbull, kP2 = 0x8ebc6af09c88c6e3ull;

// Words of 8 bytes, the last one overlapping the one before; short names in two
// overlapping 4-byte loads or three bytes. The length goes in as well.
std::uint64_t hashBytes(std::string_view s, std::uint64_t h) {
    const char* p = s.data();
    const std::size_t n = s.size();
    h ^= (n + 1) * kP0;
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) h = fold(h ^ detail::loadBytes<std::uint64_t>(p + i), kP1);
        return fold(h ^ detail::loadBytes<std::uint64_t>(p + n - 8), kP2);
    }
    std::uint64_t w = 0;
    if (n >= 4) {
        w = std::uint64_t{detail::loadBytes<std::uint32_t>(p)} << 32 | detail::loadBytes<std::uint32_t>(p + n - 4);
    } else if (n > 0) {
        w = std::uint64_t{static_cast<unsigned char>(p[0])} << 16 |
            std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 | static_cast<unsigned char>(p[n - 1]);
    }
    return fold(h ^ w, kP1);
}

}  // namespace

std::uint64_t SeriesInterner::hashPair(std::string_view series, std::string_view target) {
    return hashBytes(target, hashBytes(series, kP2));
}

SeriesInterner::SeriesInterner(std::size_t maxPairs)
    : table_(nextTable()), maxPairs_(std::min<std::size_t>(maxPairs, 0xfffffffeu)), slots_(64, 0) {}

void SeriesInterner::grow() {
    std::vector<std::uint64_t> bigger(slots_.size() * 2, 0);
    const std::size_t mask = bigger.size() - 1;
    for (std::size_t id = 0; id < pairs_.size(); ++id) {
        std::size_t i = pairs_[id].hash & mask;
        while (bigger[i] != 0) i = (i + 1) & mask;
        bigger[i] = (pairs_[id].hash >> 32) << 32 | (id + 1);
    }
    slots_.swap(bigger);
}

void SeriesInterner::intern(MetricSample& m) {
    const std::uint64_t h = hashPair(m.series, m.target);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const std::uint64_t s = slots_[i];
        if (s == 0) {  // a new pair
            if (pairs_.size() >= maxPairs_) {
                m.hint = {};
                return;
            }
            const auto id = static_cast<std::uint32_t>(pairs_.size());
            pairs_.push_back({m.series, m.target, h});
            slots_[i] = (h >> 32) << 32 | (std::uint64_t{id} + 1);
            if (pairs_.size() * 2 > slots_.size()) grow();  // at most half full: short probes
            m.hint = {table_, id};
            return;
        }
        if (s >> 32 == h >> 32) {
            const auto id = static_cast<std::uint32_t>((s & 0xffffffffull) - 1);
            const Pair& p = pairs_[id];
            if (sameText(p.series, m.series) && sameText(p.target, m.target)) {
                m.hint = {table_, id};
                return;
            }
        }
    }
}

void SeriesInterner::internAll(std::vector<Record>& batch) {
    for (Record& r : batch)
        if (auto* m = std::get_if<MetricSample>(&r)) intern(*m);
}

}  // namespace vigil
