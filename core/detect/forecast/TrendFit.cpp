#include "detect/forecast/TrendFit.h"

#include <algorithm>
#include <cmath>

namespace vigil::forecast {

namespace {

bool increasing(std::span<const TrendPoint> pts) {
    if (pts.size() < 3) return false;
    for (std::size_t i = 1; i < pts.size(); ++i)
        if (!(pts[i].t > pts[i - 1].t)) return false;
    return true;
}

double varianceOfS(const std::vector<TrendPoint>& pts) {
    std::vector<double> v;
    v.reserve(pts.size());
    for (const auto& p : pts) v.push_back(p.v);
    std::sort(v.begin(), v.end());
    return detail::varianceOfSorted(v);
}

}  // namespace

// Var(S) with the correction for tied values (integer gauges tie a lot); the
// ties are counted as runs of the sorted values, in ascending order.
double detail::varianceOfSorted(const std::vector<double>& v) {
    const double nn = static_cast<double>(v.size());
    double var = nn * (nn - 1) * (2 * nn + 5);
    for (std::size_t i = 0; i < v.size();) {
        std::size_t j = i + 1;
        while (j < v.size() && v[j] == v[i]) ++j;
        const double c = static_cast<double>(j - i);
        var -= c * (c - 1.0) * (2.0 * c + 5.0);
        i = j;
    }
    return var / 18.0;
}

double detail::zOf(double S, double var) {
    if (!(var > 0)) return 0.0;
    return S > 0 ? (S - 1) / std::sqrt(var) : S < 0 ? (S + 1) / std::sqrt(var) : 0.0;
}

// Order statistics by selection, not a sort, and each on only the part of the
// vector that can hold it: the same values as sorting (the fit runs for most
// samples of a watched series, and selecting over all n(n-1)/2 slopes four
// times was half of a replay's time).
//
// The median; leaves v partitioned around m / 2 (nothing larger before it,
// nothing smaller after it), so the lower middle of an even count is the
// largest element before it.
double detail::medianOf(std::vector<double>& v) {
    const std::size_t m = v.size();
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(m / 2);
    std::nth_element(v.begin(), mid, v.end());
    if (m % 2) return *mid;
    return (*std::max_element(v.begin(), mid) + *mid) / 2.0;
}

namespace {

// The k-th smallest of v, already partitioned around p: only k's side is
// searched, and the partition around p still holds afterwards.
double kthOfPartitioned(std::vector<double>& v, std::size_t p, std::size_t k) {
    if (k == p) return v[p];
    const auto at = v.begin() + static_cast<std::ptrdiff_t>(k);
    const auto pivot = v.begin() + static_cast<std::ptrdiff_t>(p);
    if (k < p) std::nth_element(v.begin(), at, pivot);
    else std::nth_element(pivot + 1, at, v.end());
    return *at;
}

}  // namespace

using detail::medianOf;
using detail::zOf;

std::optional<double> trendZ(const std::vector<TrendPoint>& pts) {
    if (!increasing(pts)) return std::nullopt;
    const std::size_t n = pts.size();
    double S = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const double d = pts[j].v - pts[i].v;
            S += (d > 0) - (d < 0);
        }
    return zOf(S, varianceOfS(pts));
}

std::optional<TrendFit> fitTrend(const std::vector<TrendPoint>& pts, double zInterval) {
    if (!increasing(pts)) return std::nullopt;
    const std::size_t n = pts.size();

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
    const double var = varianceOfS(pts);
    TrendFit f;
    f.n = static_cast<int>(n);
    f.slope = medianOf(slopes);  // leaves `slopes` partitioned around N / 2
    f.z = zOf(S, var);
    // Gilbert (1987): the interval runs from the M1-th to the (M2+1)-th ordered slope.
    const double C = zInterval * std::sqrt(std::max(0.0, var));
    const double M1 = (static_cast<double>(N) - C) / 2.0, M2 = (static_cast<double>(N) + C) / 2.0;
    const auto lo = static_cast<std::ptrdiff_t>(std::floor(M1)) - 1;
    const auto hi = static_cast<std::ptrdiff_t>(std::ceil(M2));
    const auto last = static_cast<std::ptrdiff_t>(N) - 1;
    f.slopeLow = kthOfPartitioned(slopes, N / 2, static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(lo, 0, last)));
    f.slopeHigh = kthOfPartitioned(slopes, N / 2, static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(hi, 0, last)));

    std::vector<double> intercepts;
    intercepts.reserve(n);
    for (const auto& p : pts) intercepts.push_back(p.v - f.slope * p.t);
    f.level = medianOf(intercepts) + f.slope * pts.back().t;
    return f;
}

std::optional<SenLine> senLine(std::span<const TrendPoint> pts) {
    if (!increasing(pts)) return std::nullopt;
    const std::size_t n = pts.size();
    // The slopes in fitTrend's order and the same medians: the same bits.
    std::vector<double> slopes;
    slopes.reserve(n * (n - 1) / 2);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) slopes.push_back((pts[j].v - pts[i].v) / (pts[j].t - pts[i].t));
    SenLine line;
    line.slope = medianOf(slopes);
    std::vector<double> intercepts;
    intercepts.reserve(n);
    for (const auto& p : pts) intercepts.push_back(p.v - line.slope * p.t);
    line.level = medianOf(intercepts) + line.slope * pts.back().t;
    return line;
}

std::optional<double> secondsToReach(double level, double slope, double limit) {
    if (slope == 0 || !std::isfinite(slope) || !std::isfinite(level) || !std::isfinite(limit)) return std::nullopt;
    // A negative time means the limit lies behind: already reached in the direction of travel.
    return std::max(0.0, (limit - level) / slope);
}

}  // namespace vigil::forecast
