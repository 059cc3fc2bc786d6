// What a replay runs: the default stages and the remediation planner under a
// policy, its actions going to a recording actuator, so they are planned, shown
// and reported as simulated but never sent to a node, a webhook or a command.
// One assembly for the console, vigilctl and the tests, so their incidents match.
#pragma once

#include "correlate/Sensitivity.h"
#include "engine/Engine.h"
#include "remedy/Actuator.h"
#include "remedy/LivePolicy.h"

#include <functional>
#include <memory>
#include <string>

namespace vigil::app {

class ReplayPipeline {
public:
    // `policyPath` empty: the shipped policy. Null with error "FILE:LINE: ..." when it does not load.
    static std::unique_ptr<ReplayPipeline> create(const std::string& policyPath, std::string& error);

    // The detector sensitivity (console File → Settings) of the engines installed
    // from now on: fixed for a whole run, so the run stays deterministic. Normal
    // (the default) is the stages' own thresholds, as vigilctl replay has them.
    void setSensitivity(Sensitivity s) { sensitivity_ = s; }
    // For ReplayController: adds the stages to its engine. The pipeline must outlive that engine.
    std::function<void(Engine&)> installer();
    // Every action the planner handed over (read when the engine is idle): the
    // replay's "sent" list, which went nowhere.
    const remedy::RecordingActuator& actuator() const { return actuator_; }

private:
    explicit ReplayPipeline(remedy::Policy policy) : policy_(std::move(policy)) {}
    remedy::LivePolicy policy_;
    remedy::RecordingActuator actuator_;
    VirtualClock clock_;  // stays at 0: the planner follows record time
    Sensitivity sensitivity_ = Sensitivity::Normal;
};

}  // namespace vigil::app
