// Leave-one-group-out choice of a setting: for every group (a Loghub system, a NAB
// category), the candidate with the best mean score over the *other* groups is chosen
// and scored on the held-out one. A figure measured this way says how a setting chosen
// on known data does on data it was not chosen on; the in-sample figure (the candidate
// best over all groups, scored on each) is reported beside it.
#pragma once

#include <cstddef>
#include <vector>

namespace vigil::logs {

struct LeaveOneOutChoice {
    std::size_t inSample = 0;           // candidate best on the mean over all groups
    std::vector<std::size_t> heldOut;   // per group: candidate best on the other groups
    std::vector<double> inSampleScore;  // per group: score[inSample][g]
    std::vector<double> heldOutScore;   // per group: score[heldOut[g]][g]
    double inSampleMean = 0.0;
    double heldOutMean = 0.0;
};

// score[c][g]: candidate c's score on group g (higher is better); every row has the
// same number of groups (>= 2). Ties go to the lower candidate index, so the choice
// is deterministic and prefers the candidates listed first.
LeaveOneOutChoice chooseLeaveOneOut(const std::vector<std::vector<double>>& score);

}  // namespace vigil::logs
