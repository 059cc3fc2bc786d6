#include "detect/nab/NabCrossValidation.h"

#include <map>

namespace vigil::nab {

namespace {
void addInto(ProfileResult& sum, const ProfileResult& r) {
    sum.raw += r.raw;
    sum.null_raw += r.null_raw;
    sum.perfect_raw += r.perfect_raw;
    sum.true_positives += r.true_positives;
    sum.false_positives += r.false_positives;
    sum.false_negatives += r.false_negatives;
}

void normalise(ProfileResult& r) {
    const double span = r.perfect_raw - r.null_raw;
    r.normalised = span > 0 ? 100.0 * (r.raw - r.null_raw) / span : 0.0;
}
}  // namespace

std::string categoryOf(const std::string& key) {
    const auto slash = key.find('/');
    return slash == std::string::npos ? std::string() : key.substr(0, slash);
}

std::vector<CrossValidation> leaveOneCategoryOut(const std::vector<ScoredFile>& files,
                                                 const std::vector<Profile>& profiles) {
    std::map<std::string, std::vector<ScoredFile>> byCategory;
    for (const ScoredFile& f : files) byCategory[categoryOf(f.key)].push_back(f);
    if (byCategory.size() < 2) return {};
    const auto whole = scoreCorpus(files, profiles);
    std::vector<CrossValidation> out;
    for (std::size_t pi = 0; pi < profiles.size(); ++pi) {
        CrossValidation cv;
        cv.profile = profiles[pi];
        cv.inSample.profile = cv.heldOut.profile = profiles[pi];
        for (const auto& [category, mine] : byCategory) {
            std::vector<ScoredFile> others;
            for (const ScoredFile& f : files)
                if (categoryOf(f.key) != category) others.push_back(f);
            const double chosen = scoreCorpus(others, {profiles[pi]})[0].threshold;
            CategoryScore c;
            c.category = category;
            c.files = mine.size();
            for (const ScoredFile& f : mine) c.windows += static_cast<int>(f.windows.size());
            c.inSample = scoreAtThreshold(mine, profiles[pi], whole[pi].threshold);
            c.heldOut = scoreAtThreshold(mine, profiles[pi], chosen);
            addInto(cv.inSample, c.inSample);
            addInto(cv.heldOut, c.heldOut);
            cv.categories.push_back(std::move(c));
        }
        cv.inSample.threshold = whole[pi].threshold;
        cv.heldOut.threshold = -1.0;  // one per category
        normalise(cv.inSample);
        normalise(cv.heldOut);
        out.push_back(std::move(cv));
    }
    return out;
}

}  // namespace vigil::nab
