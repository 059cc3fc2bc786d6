#include "detect/forecast/TrendFit.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vigil::forecast {

std::optional<TrendFit> fitTrend(const std::vector<TrendPoint>& pts, double zInterval) {
    const std::size_t n = pts.size();
    if (n < 3) return std::nullopt;
    for (std::size_t i = 1; i < n; ++i)
        if (!(pts[i].t > pts[i - 1].t)) return std::nullopt;

    std::vector<double> slopes;
    slopes.reserve(n * (n - 1) / 2);
    double S = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const double d = pts[j].v - pts[i].v;
            S += (d > 0) - (d < 0);
            slopes.push_back(d / (pts[j].t - pts[i].t));
        }
    const std::size_t N = slopes.size();
    // Order statistics by selection, not a full sort: the same values, and the
    // fit runs for every sample of every watched series (the sort was a third
    // of a replay's time). Each call leaves a permutation, so calls compose.
    auto kth = [](std::vector<double>& v, std::size_t k) {
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
        return v[k];
    };
    auto medianOf = [&kth](std::vector<double>& v) {
        const std::size_t m = v.size();
        return m % 2 ? kth(v, m / 2) : (kth(v, m / 2 - 1) + kth(v, m / 2)) / 2.0;
    };

    // Var(S) with the correction for tied values (integer gauges tie a lot).
    std::map<double, int> ties;
    for (const auto& p : pts) ++ties[p.v];
    const double nn = static_cast<double>(n);
    double var = nn * (nn - 1) * (2 * nn + 5);
    for (const auto& [_, c] : ties) var -= c * (c - 1.0) * (2.0 * c + 5.0);
    var /= 18.0;

    TrendFit f;
    f.n = static_cast<int>(n);
    f.slope = medianOf(slopes);
    if (var > 0) f.z = S > 0 ? (S - 1) / std::sqrt(var) : S < 0 ? (S + 1) / std::sqrt(var) : 0.0;
    // Gilbert (1987): the interval runs from the M1-th to the (M2+1)-th ordered slope.
    const double C = zInterval * std::sqrt(std::max(0.0, var));
    const double M1 = (static_cast<double>(N) - C) / 2.0, M2 = (static_cast<double>(N) + C) / 2.0;
    const auto lo = static_cast<std::ptrdiff_t>(std::floor(M1)) - 1;
    const auto hi = static_cast<std::ptrdiff_t>(std::ceil(M2));
    f.slopeLow = kth(slopes, static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(lo, 0, static_cast<std::ptrdiff_t>(N) - 1)));
    f.slopeHigh = kth(slopes, static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(hi, 0, static_cast<std::ptrdiff_t>(N) - 1)));

    std::vector<double> intercepts;
    intercepts.reserve(n);
    for (const auto& p : pts) intercepts.push_back(p.v - f.slope * p.t);
    f.level = medianOf(intercepts) + f.slope * pts.back().t;
    return f;
}

std::optional<double> secondsToReach(double level, double slope, double limit) {
    if (slope == 0 || !std::isfinite(slope) || !std::isfinite(level) || !std::isfinite(limit)) return std::nullopt;
    // A negative time means the limit lies behind: already reached in the direction of travel.
    return std::max(0.0, (limit - level) / slope);
}

}  // namespace vigil::forecast
