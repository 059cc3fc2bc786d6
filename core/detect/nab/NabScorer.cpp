#include "detect/nab/NabScorer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil::nab {
namespace {

// NAB's scaled sigmoid: 2 / (1 + e^(5y)) - 1, and a full cost of -1 further than
// three window lengths past a window.
double scaledSigmoid(double y) { return y > 3.0 ? -1.0 : 2.0 / (1.0 + std::exp(5.0 * y)) - 1.0; }

struct CorpusRow {
    double score;
    double weight;
    int window;  // -1 outside windows
};

struct Corpus {
    std::vector<CorpusRow> rows;  // probation rows left out
    int windows = 0;
};

Corpus flatten(const std::vector<ScoredFile>& files) {
    Corpus c;
    for (const auto& f : files) {
        const RowWeights w = rowWeights(f, c.windows);
        for (std::size_t i = 0; i < f.scores.size(); ++i)
            if (w.window_of[i] != -2) c.rows.push_back({f.scores[i], w.weight[i], w.window_of[i]});
        c.windows += static_cast<int>(f.windows.size());
    }
    return c;
}

double weighted(const CorpusRow& r, const Profile& p) { return r.window >= 0 ? p.a_tp * r.weight : p.a_fp * r.weight; }

void finish(ProfileResult& r, int windows) {
    r.null_raw = -r.profile.a_fn * windows;
    r.perfect_raw = r.profile.a_tp * windows;
    const double span = r.perfect_raw - r.null_raw;
    r.normalised = span > 0 ? 100.0 * (r.raw - r.null_raw) / span : 0.0;
}

}  // namespace

std::vector<Profile> standardProfiles() {
    return {{"standard", 1.0, 1.0, 0.11}, {"reward_low_FP_rate", 1.0, 1.0, 0.22}, {"reward_low_FN_rate", 1.0, 2.0, 0.11}};
}

std::size_t probationRows(std::size_t rows) {
    return std::min<std::size_t>(static_cast<std::size_t>(std::floor(0.15 * static_cast<double>(rows))), 750);
}

RowWeights rowWeights(const ScoredFile& f, int first_window_index) {
    const std::size_t n = f.ts_ms.size();
    RowWeights out{std::vector<double>(n, 0.0), std::vector<int>(n, -1)};
    struct Span { long left, right; };
    std::vector<Span> spans;
    // First and last row whose timestamp lies in the window (a scan, so a file whose
    // timestamps step back somewhere is still handled row by row).
    for (const auto& w : f.windows) {
        Span sp{-1, -2};
        for (std::size_t i = 0; i < n; ++i) {
            if (f.ts_ms[i] < w.start_ms || f.ts_ms[i] > w.end_ms) continue;
            if (sp.left < 0) sp.left = static_cast<long>(i);
            sp.right = static_cast<long>(i);
        }
        // A window with no rows stays empty: it can only be missed.
        spans.push_back(sp);
    }
    const double max_tp = scaledSigmoid(-1.0);
    long prev_right = -1, prev_width = 0;
    std::size_t next = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const long li = static_cast<long>(i);
        while (next < spans.size() && spans[next].right < li) {  // windows fully passed
            if (spans[next].right >= spans[next].left) {
                prev_right = spans[next].right;
                prev_width = spans[next].right - spans[next].left + 1;
            }
            ++next;
        }
        if (next < spans.size() && li >= spans[next].left && li <= spans[next].right) {
            const double width = double(spans[next].right - spans[next].left + 1);
            const double y = -double(spans[next].right - li + 1) / width;
            out.weight[i] = scaledSigmoid(y) / max_tp;
            out.window_of[i] = first_window_index + static_cast<int>(next);
        } else if (prev_right < 0 || prev_width < 2) {
            out.weight[i] = -1.0;
        } else {
            out.weight[i] = scaledSigmoid(double(li - prev_right) / double(prev_width - 1));
        }
    }
    const std::size_t probation = probationRows(n);
    for (std::size_t i = 0; i < probation && i < n; ++i) out.window_of[i] = -2;
    return out;
}

std::vector<ProfileResult> scoreCorpus(const std::vector<ScoredFile>& files, const std::vector<Profile>& profiles) {
    Corpus c = flatten(files);
    std::sort(c.rows.begin(), c.rows.end(), [](const CorpusRow& a, const CorpusRow& b) { return a.score > b.score; });
    std::vector<ProfileResult> results;
    for (const auto& p : profiles) {
        // Lower the threshold one distinct score at a time; a window is worth its best
        // (earliest) detection, or -A_FN while it has none.
        std::vector<double> best(c.windows, -1.0);
        double tp_sum = 0.0, fp_sum = 0.0;
        int hit = 0, fp = 0;
        ProfileResult r;
        r.profile = p;
        r.threshold = std::numeric_limits<double>::infinity();
        r.raw = -p.a_fn * c.windows;
        r.false_negatives = c.windows;
        for (std::size_t i = 0; i < c.rows.size();) {
            const double s = c.rows[i].score;
            for (; i < c.rows.size() && c.rows[i].score == s; ++i) {
                const CorpusRow& row = c.rows[i];
                if (row.window < 0) {
                    fp_sum += weighted(row, p);
                    ++fp;
                } else if (best[row.window] < 0) {
                    best[row.window] = row.weight;
                    tp_sum += weighted(row, p);
                    ++hit;
                } else if (row.weight > best[row.window]) {
                    tp_sum += p.a_tp * (row.weight - best[row.window]);
                    best[row.window] = row.weight;
                }
            }
            const double total = tp_sum + fp_sum - p.a_fn * (c.windows - hit);
            if (total > r.raw + 1e-12) {
                r.raw = total;
                r.threshold = s;
                r.true_positives = hit;
                r.false_positives = fp;
                r.false_negatives = c.windows - hit;
            }
        }
        finish(r, c.windows);
        results.push_back(r);
    }
    return results;
}

ProfileResult scoreAtThreshold(const std::vector<ScoredFile>& files, const Profile& p, double threshold) {
    const Corpus c = flatten(files);
    std::vector<double> best(c.windows, -1.0);
    ProfileResult r;
    r.profile = p;
    r.threshold = threshold;
    for (const auto& row : c.rows) {
        if (row.score < threshold) continue;
        if (row.window < 0) {
            r.raw += weighted(row, p);
            ++r.false_positives;
        } else {
            best[row.window] = std::max(best[row.window], row.weight);
        }
    }
    for (double b : best) {
        if (b < 0) {
            r.raw -= p.a_fn;
            ++r.false_negatives;
        } else {
            r.raw += p.a_tp * b;
            ++r.true_positives;
        }
    }
    finish(r, c.windows);
    return r;
}

}  // namespace vigil::nab
