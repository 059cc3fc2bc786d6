#include "detect/logs/LeaveOneOut.h"

namespace vigil::logs {

namespace {
// Index of the candidate with the highest mean score, group `skip` left out
// (skip >= groups: none left out).
std::size_t best(const std::vector<std::vector<double>>& score, std::size_t skip) {
    std::size_t arg = 0;
    double top = 0.0;
    for (std::size_t c = 0; c < score.size(); ++c) {
        double sum = 0.0;
        for (std::size_t g = 0; g < score[c].size(); ++g)
            if (g != skip) sum += score[c][g];
        if (c == 0 || sum > top) {
            top = sum;
            arg = c;
        }
    }
    return arg;
}
}  // namespace

LeaveOneOutChoice chooseLeaveOneOut(const std::vector<std::vector<double>>& score) {
    LeaveOneOutChoice out;
    if (score.empty() || score[0].empty()) return out;
    const std::size_t groups = score[0].size();
    out.inSample = best(score, groups);
    for (std::size_t g = 0; g < groups; ++g) {
        const std::size_t c = best(score, g);
        out.heldOut.push_back(c);
        out.heldOutScore.push_back(score[c][g]);
        out.inSampleScore.push_back(score[out.inSample][g]);
        out.heldOutMean += score[c][g];
        out.inSampleMean += score[out.inSample][g];
    }
    out.heldOutMean /= static_cast<double>(groups);
    out.inSampleMean /= static_cast<double>(groups);
    return out;
}

}  // namespace vigil::logs
