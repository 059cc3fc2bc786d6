// The Numenta Anomaly Benchmark's scoring rules, implemented from their description
// (../shared/data/README.md): probation, sigmoid-weighted windows, one threshold
// swept over the whole corpus per profile, normalised between the null detector
// (no detections, 0) and the perfect one (every window hit at its left edge, 100).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::nab {

struct Profile {
    std::string name;
    double a_tp = 1.0, a_fn = 1.0, a_fp = 0.11;
};
// standard (1,1,0.11), reward_low_FP_rate (1,1,0.22), reward_low_FN_rate (1,2,0.11).
std::vector<Profile> standardProfiles();

struct Window {
    std::int64_t start_ms = 0, end_ms = 0;  // inclusive
};

// One series of the corpus: a score per row and its labelled windows.
struct ScoredFile {
    std::string key;                 // "<category>/<name>.csv"
    std::vector<std::int64_t> ts_ms; // row order (NAB data is ascending, with rare steps back)
    std::vector<double> scores;      // same length
    std::vector<Window> windows;
};

struct ProfileResult {
    Profile profile;
    double threshold = 0.0;  // detections are rows with score >= threshold
    double raw = 0.0;        // S at that threshold
    double null_raw = 0.0, perfect_raw = 0.0;
    double normalised = 0.0; // 100 (S - S_null) / (S_perfect - S_null)
    int true_positives = 0, false_positives = 0, false_negatives = 0;
};

// Rows before this index are probation, never scored: min(floor(0.15 n), 750).
std::size_t probationRows(std::size_t rows);

// Weight of a detection before the profile's A_TP / A_FP is applied, for each row:
// inside a window sigma(y)/sigma(-1) > 0 (y from -1 at the left edge towards 0 at the
// right), outside a negative cost in [-1, 0). `window_of[i]` is the corpus-local
// window index of row i or -1; probation rows get window -2.
struct RowWeights {
    std::vector<double> weight;
    std::vector<int> window_of;
};
RowWeights rowWeights(const ScoredFile& f, int first_window_index);

// Optimises the threshold over the whole corpus for each profile.
std::vector<ProfileResult> scoreCorpus(const std::vector<ScoredFile>& files,
                                       const std::vector<Profile>& profiles);

// Score of the corpus at one given threshold (for tests and reports).
ProfileResult scoreAtThreshold(const std::vector<ScoredFile>& files, const Profile& p, double threshold);

}  // namespace vigil::nab
