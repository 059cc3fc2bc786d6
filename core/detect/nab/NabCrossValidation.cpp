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
                                                 const std::vector<Profile>& profiles,
                                                 std::optional<double> fixedThreshold) {
    return leaveOneCategoryOut(std::vector<std::vector<ScoredFile>>{files}, profiles, fixedThreshold);
}

std::vector<CrossValidation> leaveOneCategoryOut(const std::vector<std::vector<ScoredFile>>& runs,
                                                 const std::vector<Profile>& profiles,
                                                 std::optional<double> fixedThreshold) {
    if (runs.empty()) return {};
    std::map<std::string, std::vector<std::size_t>> byCategory;  // file indices
    for (std::size_t i = 0; i < runs[0].size(); ++i) byCategory[categoryOf(runs[0][i].key)].push_back(i);
    if (byCategory.size() < 2) return {};
    auto pick = [&](std::size_t run, const std::string& category, bool inside) {
        std::vector<ScoredFile> out;
        for (const ScoredFile& f : runs[run])
            if ((categoryOf(f.key) == category) == inside) out.push_back(f);
        return out;
    };
    // Best (run, threshold) on a set of files; the raw score ranks runs on the same files.
    auto best = [&](const std::string& leftOut, const Profile& p) {
        std::size_t arg = 0;
        ProfileResult top;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const auto training = leftOut.empty() ? runs[r] : pick(r, leftOut, false);
            const ProfileResult res =
                fixedThreshold ? scoreAtThreshold(training, p, *fixedThreshold) : scoreCorpus(training, {p})[0];
            if (r == 0 || res.raw > top.raw + 1e-12) {
                top = res;
                arg = r;
            }
        }
        return std::make_pair(arg, top.threshold);
    };
    std::vector<CrossValidation> out;
    for (const Profile& p : profiles) {
        CrossValidation cv;
        cv.profile = p;
        cv.fixedThreshold = fixedThreshold;
        cv.inSample.profile = cv.heldOut.profile = p;
        const auto [wholeRun, wholeThreshold] = best(std::string(), p);
        cv.inSampleRun = wholeRun;
        for (const auto& [category, indices] : byCategory) {
            const auto [run, threshold] = best(category, p);
            CategoryScore c;
            c.category = category;
            c.files = indices.size();
            for (std::size_t i : indices) c.windows += static_cast<int>(runs[0][i].windows.size());
            c.inSample = scoreAtThreshold(pick(wholeRun, category, true), p, wholeThreshold);
            c.heldOut = scoreAtThreshold(pick(run, category, true), p, threshold);
            addInto(cv.inSample, c.inSample);
            addInto(cv.heldOut, c.heldOut);
            cv.chosenRun.push_back(run);
            cv.categories.push_back(std::move(c));
        }
        cv.inSample.threshold = wholeThreshold;
        cv.heldOut.threshold = fixedThreshold ? *fixedThreshold : -1.0;  // else one per category
        normalise(cv.inSample);
        normalise(cv.heldOut);
        out.push_back(std::move(cv));
    }
    return out;
}

}  // namespace vigil::nab
