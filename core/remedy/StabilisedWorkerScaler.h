// A WorkerScaler behind a ScaleStabiliser: recommendations go in, and the
// actuator is called only when the stabiliser says change (bounds, cooldown,
// scale-down window). Time from the injected clock.
#pragma once

#include "record/Clock.h"
#include "remedy/ScaleStabiliser.h"
#include "remedy/WorkerScaler.h"

namespace vigil::remedy {

struct ScaleOutcome {
    ScaleDecision decision;
    bool actuated = false;  // the actuator was called
    ScaleResult result;     // its answer when actuated
};

class StabilisedWorkerScaler {
public:
    StabilisedWorkerScaler(WorkerScaler& actuator, ScalingLimits limits, const Clock& clock)
        : actuator_(actuator), stabiliser_(limits), clock_(clock) {}

    ScaleOutcome recommend(const std::string& pool, int current, int recommended);
    // What recommend() would decide, without recording or acting (dry-run).
    ScaleDecision preview(const std::string& pool, int current, int recommended) const;

private:
    WorkerScaler& actuator_;
    ScaleStabiliser stabiliser_;
    const Clock& clock_;
};

}  // namespace vigil::remedy
