#include "detect/forecast/TrendWindow.h"

#include <algorithm>
#include <cmath>

namespace vigil::forecast {

namespace {
int sign(double d) { return (d > 0) - (d < 0); }
// The slope of the pair (a before b), computed as fitTrend computes it.
double slopeOf(const TrendPoint& a, const TrendPoint& b) { return (b.v - a.v) / (b.t - a.t); }
// How ties_ grows when a run of c equal values gets one more: f(c+1) - f(c) for
// f(c) = c(c-1)(2c+5).
std::int64_t tieStep(std::int64_t c) { return 6 * c * (c + 2); }
}  // namespace

TrendWindow::Rank TrendWindow::rankOf(double x) const {
    std::ptrdiff_t below = 0, atMost = 0;
    for (const double v : values_) {
        below += v < x;
        atMost += v <= x;
    }
    return {below, atMost};
}

std::pair<TrendWindow::Rank, TrendWindow::Rank> TrendWindow::ranksOf(double x, double y) const {
    std::ptrdiff_t belowX = 0, atMostX = 0, belowY = 0, atMostY = 0;
    for (const double v : values_) {
        belowX += v < x;
        atMostX += v <= x;
        belowY += v < y;
        atMostY += v <= y;
    }
    return {{belowX, atMostX}, {belowY, atMostY}};
}

void TrendWindow::insertValue(double x, Rank r) {
    ties_ += tieStep(r.equal());  // the run of x grows by one
    values_.insert(values_.begin() + r.atMost, x);
}

void TrendWindow::eraseValue(Rank r) {
    ties_ -= tieStep(r.equal() - 1);  // the run of x shrinks by one
    values_.erase(values_.begin() + r.below);
}

double TrendWindow::varianceOfS() const {
    // varianceOfSorted sums exact integers in a double: the same value, bit for bit.
    const auto n = static_cast<std::int64_t>(values_.size());
    return static_cast<double>(n * (n - 1) * (2 * n + 5) - ties_) / 18.0;
}

std::int64_t TrendWindow::signSum(Rank r) const {
    return r.below - (static_cast<std::ptrdiff_t>(values_.size()) - r.atMost);
}

void TrendWindow::countNewest(int dir) {
    const double x = pts_.back().v;
    const Rank r = rankOf(x);
    S_ += dir * signSum(r);  // x itself, if already in values_, is equal: it adds 0
    if (dir > 0) insertValue(x, r);
    else eraseValue(r);
}

void TrendWindow::slopesOfNewest() const {
    newest_.clear();
    for (std::size_t i = 0; i + 1 < pts_.size(); ++i) newest_.push_back(slopeOf(pts_[i], pts_.back()));
    newestSorted_ = false;
}

void TrendWindow::sortNewest() const {
    if (newestSorted_) return;
    std::sort(newest_.begin(), newest_.end());
    newestSorted_ = true;
}

void TrendWindow::sortAllSlopes() const {
    base_.clear();
    for (std::size_t j = 1; j + 1 < pts_.size(); ++j)
        for (std::size_t i = 0; i < j; ++i) base_.push_back(slopeOf(pts_[i], pts_[j]));
    std::sort(base_.begin(), base_.end());
    slopesOfNewest();
    slopesKept_ = true;
}

void TrendWindow::dropOldest() {
    const TrendPoint o = pts_.front();  // a copy: the front is erased below
    gone_.clear();  // its slopes with the points up to the newest (those are in base_)
    const Rank r = rankOf(o.v);
    S_ += signSum(r);  // takes out Σ sign(v - o.v) over the others
    eraseValue(r);
    if (!slopesKept_) {
        pts_.erase(pts_.begin());
        return;
    }
    for (std::size_t i = 1; i + 1 < pts_.size(); ++i) gone_.push_back(slopeOf(o, pts_[i]));
    std::sort(gone_.begin(), gone_.end());
    pts_.erase(pts_.begin());
    // The newest's slope with the oldest is gone too (none with a window of one).
    if (pts_.empty()) return;
    sortNewest();
    if (const auto it = std::lower_bound(newest_.begin(), newest_.end(), slopeOf(o, pts_.back())); it != newest_.end())
        newest_.erase(it);
}

void TrendWindow::push(TrendPoint p) {
    if (slopesKept_ && ++pushesSinceFit_ > kPushesKeepingSlopes) {
        slopesKept_ = false;
        base_.clear();
        newest_.clear();
    }
    gone_.clear();
    if (pts_.size() >= cap_) dropOldest();
    if (!slopesKept_) {
        pts_.push_back(p);
        countNewest(+1);
        return;
    }
    // The newest point is no longer the newest: in one pass, base_ loses the
    // oldest's slopes (equal doubles are interchangeable in a multiset, so
    // removing by value is exact) and gains the newest's.
    sortNewest();
    // Raw pointers into a pre-sized buffer: the vectors' sizes and capacity were
    // reloaded and checked for every slope (the stores might alias them), over all
    // ~630 slopes on every push (the wallet balances push with every sample).
    merged_.resize(base_.size() + newest_.size());
    double* out = merged_.data();
    const double *gp = gone_.data(), *const ge = gp + gone_.size();
    const double *np = newest_.data(), *const ne = np + newest_.size();
    for (const double *bp = base_.data(), *const be = bp + base_.size(); bp != be; ++bp) {
        const double s = *bp;
        if (gp != ge && s == *gp) {
            ++gp;
            continue;
        }
        while (np != ne && *np < s) *out++ = *np++;
        *out++ = s;
    }
    while (np != ne) *out++ = *np++;
    merged_.resize(static_cast<std::size_t>(out - merged_.data()));
    base_.swap(merged_);
    pts_.push_back(p);
    countNewest(+1);
    slopesOfNewest();
}

void TrendWindow::replaceNewest(TrendPoint p) {
    if (pts_.empty()) return push(p);
    // countNewest(-1) then countNewest(+1) from the sorted values, and the value moved
    // within values_ by one shift instead of an erase and an insert. values_ holds old:
    // its own term in p.v's sum, sign(p.v - old), is taken out.
    const double old = pts_.back().v;
    const auto [now, was] = ranksOf(p.v, old);
    S_ += signSum(now) - sign(p.v - old) - signSum(was);
    const auto e = values_.begin() + was.below;   // old's first place
    const auto u = values_.begin() + now.atMost;  // just after p.v's run
    if (old != p.v)  // old's run loses one, then p.v's run (old no longer in it) gains one
        ties_ += tieStep(now.equal()) - tieStep(was.equal() - 1);
    if (e < u) {  // after erasing e, p.v goes just before u
        std::move(e + 1, u, e);
        *(u - 1) = p.v;
    } else {
        std::move_backward(u, e, e + 1);
        *u = p.v;
    }
    pts_.back() = p;
    if (slopesKept_) slopesOfNewest();
}

// The k-th smallest of the two sorted parts together: how many come from base_
// is found by bisection (the classic selection from two sorted arrays).
double TrendWindow::kth(std::size_t k) const {
    const std::vector<double>& a = base_;
    const std::vector<double>& b = newest_;
    // i from a and k + 1 - i from b make up the k + 1 smallest.
    std::size_t lo = k + 1 > b.size() ? k + 1 - b.size() : 0, hi = std::min(k + 1, a.size());
    while (lo < hi) {
        const std::size_t i = (lo + hi) / 2;  // i < hi <= a.size(), and j = k + 1 - i >= 1
        const std::size_t j = k + 1 - i;
        if (a[i] < b[j - 1]) lo = i + 1;  // a's next is smaller than b's last taken: take more of a
        else hi = i;
    }
    const std::size_t i = lo, j = k + 1 - lo;
    if (i == 0) return b[j - 1];
    if (j == 0) return a[i - 1];
    return std::max(a[i - 1], b[j - 1]);
}

std::optional<double> TrendWindow::z() const {
    if (pts_.size() < 3) return std::nullopt;
    return detail::zOf(static_cast<double>(S_), varianceOfS());
}

double TrendWindow::medianSlope() const {
    const std::size_t N = base_.size() + newest_.size();
    return N % 2 ? kth(N / 2) : (kth(N / 2 - 1) + kth(N / 2)) / 2.0;
}

std::optional<SenLine> TrendWindow::line() const {
    if (pts_.size() < 3) return std::nullopt;
    if (!slopesKept_) sortAllSlopes();
    pushesSinceFit_ = 0;
    sortNewest();
    SenLine line;
    line.slope = medianSlope();
    intercepts_.clear();
    for (const auto& p : pts_) intercepts_.push_back(p.v - line.slope * p.t);
    line.level = detail::medianOf(intercepts_) + line.slope * pts_.back().t;
    return line;
}

std::optional<TrendFit> TrendWindow::fit(double zInterval) const {
    if (pts_.size() < 3) return std::nullopt;
    if (!slopesKept_) sortAllSlopes();
    pushesSinceFit_ = 0;
    sortNewest();
    const std::size_t n = pts_.size(), N = base_.size() + newest_.size();
    const double var = varianceOfS();
    TrendFit f;
    f.n = static_cast<int>(n);
    f.slope = medianSlope();
    f.z = detail::zOf(static_cast<double>(S_), var);
    // Gilbert (1987), as in fitTrend: from the M1-th to the (M2+1)-th ordered slope.
    const double C = zInterval * std::sqrt(std::max(0.0, var));
    const double M1 = (static_cast<double>(N) - C) / 2.0, M2 = (static_cast<double>(N) + C) / 2.0;
    const auto lo = static_cast<std::ptrdiff_t>(std::floor(M1)) - 1;
    const auto hi = static_cast<std::ptrdiff_t>(std::ceil(M2));
    const auto last = static_cast<std::ptrdiff_t>(N) - 1;
    f.slopeLow = kth(static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(lo, 0, last)));
    f.slopeHigh = kth(static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(hi, 0, last)));
    std::vector<double> intercepts;
    intercepts.reserve(n);
    for (const auto& p : pts_) intercepts.push_back(p.v - f.slope * p.t);
    f.level = detail::medianOf(intercepts) + f.slope * pts_.back().t;
    return f;
}

}  // namespace vigil::forecast
