#include "engine/FleetState.h"

namespace vigil {

void FleetState::add(const TaskEvent& t) {
    AgentStatus& a = agents_[t.agent];
    a.agent = t.agent;
    if (!t.workflow.empty()) a.workflow = t.workflow;
    if (!t.endpoint.empty()) a.endpoint = t.endpoint;
    a.lastSeen = t.ts;
    if (t.state == TaskState::Succeeded) ++a.succeeded;
    if (t.state == TaskState::Failed) {
        ++a.failed;
        a.lastError = t.error;
    }
}

std::vector<AgentStatus> FleetState::agents() const {
    std::vector<AgentStatus> out;
    out.reserve(agents_.size());
    for (const auto& [_, a] : agents_) out.push_back(a);
    return out;
}

}  // namespace vigil
