// Leave-one-category-out scoring of a NAB run: for each category (the part of a
// window key before '/'), the profile's threshold is chosen on the files of the other
// categories and applied to the held-out one, beside the in-sample figure (the
// threshold chosen on the whole corpus, applied to the same files). A threshold that
// only suits the files it was fitted to shows as a held-out score below the in-sample.
// With a fixed threshold (the detector's own detection score) nothing is fitted: only
// the detector setting, when there are several runs, is chosen on the other categories.
#pragma once

#include "detect/nab/NabScorer.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil::nab {

struct CategoryScore {
    std::string category;
    std::size_t files = 0;
    int windows = 0;
    ProfileResult inSample;  // whole-corpus threshold
    ProfileResult heldOut;   // threshold chosen without this category
};

struct CrossValidation {
    Profile profile;
    std::optional<double> fixedThreshold;   // set: every threshold is this one, none fitted
    std::size_t inSampleRun = 0;            // the run (detector setting) best on the whole corpus
    std::vector<std::size_t> chosenRun;     // per category: the run best on the other categories
    std::vector<CategoryScore> categories;  // sorted by name
    // Pooled over categories: raw scores, null and perfect summed, then normalised.
    // A category without windows (artificialNoAnomaly) counts only its false positives.
    ProfileResult inSample, heldOut;
};

std::string categoryOf(const std::string& key);  // "realTraffic/x.csv" -> "realTraffic"

// Needs files from at least two categories; otherwise returns nothing. With
// `fixedThreshold` every category (and the corpus) is scored at that threshold.
std::vector<CrossValidation> leaveOneCategoryOut(const std::vector<ScoredFile>& files,
                                                 const std::vector<Profile>& profiles,
                                                 std::optional<double> fixedThreshold = std::nullopt);

// The same over several runs of one corpus (one per detector setting, same files in
// the same order): for each held-out category the run *and* threshold are chosen on
// the other categories (only the run with `fixedThreshold`). Ties go to the lower run index.
std::vector<CrossValidation> leaveOneCategoryOut(const std::vector<std::vector<ScoredFile>>& runs,
                                                 const std::vector<Profile>& profiles,
                                                 std::optional<double> fixedThreshold = std::nullopt);

}  // namespace vigil::nab
