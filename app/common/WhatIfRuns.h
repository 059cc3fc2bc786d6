// What-if (issue #12): one recording through two engines, one after the other,
// each as fast as possible with nothing sent or stored, and the difference of
// what they decided (eval/RunComparison). One assembly for `vigilctl replay
// --compare` and the console's Replay → Compare with policy…, so both show the
// same difference.
#pragma once

#include "engine/Pipeline.h"
#include "eval/RunComparison.h"
#include "eval/RunRecords.h"
#include "record/Clock.h"
#include "record/NdjsonCodec.h"
#include "remedy/Actuator.h"
#include "remedy/LivePolicy.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace vigil::app {

// One run's configuration: the policy (none: detection and correlation only)
// and the detector settings.
struct WhatIfSide {
    std::optional<remedy::Policy> policy;
    PipelineConfig cfg;
    std::string label;  // "policy.yaml", "shipped policy, detect.logs=off"
};

// One engine on a virtual clock: the default stages and, under a policy, the
// planner whose actions are only ever recorded; its outputs kept for take().
class WhatIfEngine {
public:
    explicit WhatIfEngine(const WhatIfSide& side);
    Engine& engine() { return engine_; }
    RunRecords take() { return recorder_.take(label_); }  // after stop()

private:
    std::string label_;
    VirtualClock clock_;  // engine time follows the records
    std::unique_ptr<remedy::LivePolicy> policy_;
    remedy::RecordingActuator actuator_;  // a replay never sends anything
    RunRecorder recorder_;
    Engine engine_;  // last: its thread stops before the rest goes
};

struct WhatIfResult {
    RunRecords runs[2];
    RunDiff diff;
    DecodeStats input;  // of the first run's read (both read the same file)
};

// Runs `log` under a, then b, and compares. False with error ("PATH: reason")
// when the log cannot be read or holds no valid record. `onRun` is told after
// each run (0: A, 1: B) with that run's read statistics.
bool runWhatIf(const std::string& log, const WhatIfSide& a, const WhatIfSide& b, WhatIfResult& out, std::string& error,
               const std::function<void(int side, const RunRecords&, const DecodeStats&)>& onRun = {});

}  // namespace vigil::app
