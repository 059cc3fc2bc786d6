#include "common/ReplayPipeline.h"

#include "common/ShippedPolicy.h"
#include "engine/FixedSensitivity.h"
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
        installDefaultStages(engine, pipelineAtSensitivity(sensitivity_));
        engine.addStage(std::make_unique<remedy::RemediationPlanner>(clock_, policy_, actuator_));
    };
}

}  // namespace vigil::app
