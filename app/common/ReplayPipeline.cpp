#include "common/ReplayPipeline.h"

#include "common/ShippedPolicy.h"
#include "engine/Pipeline.h"
#include "remedy/RemediationPlanner.h"

namespace vigil::app {

std::unique_ptr<ReplayPipeline> ReplayPipeline::create(const std::string& policyPath, std::string& error) {
    remedy::Policy policy;
    if (!loadPolicy(policyPath, policy, error)) return nullptr;
    return std::unique_ptr<ReplayPipeline>(new ReplayPipeline(std::move(policy)));
}

std::function<void(Engine&)> ReplayPipeline::installer() {
    return [this](Engine& engine) {
        PipelineConfig cfg;
        // Normal stays without a dial: byte for byte the replay it always was.
        if (sensitivity_ != Sensitivity::Normal) cfg.correlate.sensitivity = std::make_shared<SensitivityDial>(sensitivity_);
        installDefaultStages(engine, cfg);
        engine.addStage(std::make_unique<remedy::RemediationPlanner>(clock_, policy_, actuator_));
    };
}

}  // namespace vigil::app
