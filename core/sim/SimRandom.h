// The simulator's own random numbers: xoshiro256** seeded through splitmix64,
// with distributions written out here. std::normal_distribution & co. are not
// specified bit for bit and differ between standard libraries, so a seed would
// not give the same bytes everywhere.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::sim {

inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

inline std::uint64_t fnv1a64(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
    return h;
}

// Seed of an independent stream named `name` under the run's seed. Each entity
// (endpoint, chain, agent, pool) draws from its own stream, so a remediation that
// changes one agent's path leaves the gas market and the other agents untouched.
inline std::uint64_t streamSeed(std::uint64_t seed, std::string_view name) {
    std::uint64_t s = seed ^ fnv1a64(name);
    return splitmix64(s);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) {
        std::uint64_t sm = seed;
        for (auto& w : s_) w = splitmix64(sm);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // [0, n) for n > 0 (Lemire's multiply-shift; the bias is below 2^-32 for our n).
    std::uint64_t below(std::uint64_t n) {
        return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
    }
    std::int64_t between(std::int64_t lo, std::int64_t hi) {  // inclusive
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    bool chance(double p) { return uniform() < p; }

    // Standard normal by Box–Muller; the second value of each pair is kept.
    double normal() {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        double u1 = uniform();
        while (u1 <= 0.0) u1 = uniform();
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        constexpr double kTwoPi = 6.283185307179586;
        spare_ = r * std::sin(kTwoPi * u2);
        hasSpare_ = true;
        return r * std::cos(kTwoPi * u2);
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    // Log-normal with the given median and log-space spread.
    double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
    // Knuth's product method for small means, a rounded normal above 30.
    int poisson(double mean) {
        if (mean <= 0.0) return 0;
        if (mean > 30.0) {
            const double x = std::floor(normal(mean, std::sqrt(mean)) + 0.5);
            return x < 0.0 ? 0 : static_cast<int>(x);
        }
        const double limit = std::exp(-mean);
        int k = 0;
        double p = uniform();
        while (p > limit) {
            ++k;
            p *= uniform();
        }
        return k;
    }
    int binomial(int n, double p) {
        int k = 0;
        for (int i = 0; i < n; ++i) k += chance(p) ? 1 : 0;
        return k;
    }

    // Lower-case hex digits, e.g. for hashes and addresses.
    std::string hex(int digits) {
        static const char* kDigits = "0123456789abcdef";
        std::string out;
        out.reserve(static_cast<std::size_t>(digits));
        std::uint64_t w = 0;
        for (int i = 0; i < digits; ++i) {
            if (i % 16 == 0) w = next();
            out += kDigits[w & 0xf];
            w >>= 4;
        }
        return out;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
    double spare_ = 0.0;
    bool hasSpare_ = false;
};

}  // namespace vigil::sim
