#include "engine/FleetState.h"

namespace vigil {

void FleetState::add(const TaskEvent& t) {
    auto it = agents_.find(t.agent);
    if (it == agents_.end()) {
        if (agents_.size() >= max_) {
            agents_.erase(order_.back());
            order_.pop_back();
            ++evicted_;
        }
        order_.push_front(t.agent);
        it = agents_.emplace(t.agent, Entry{AgentStatus{}, order_.begin()}).first;
    } else if (it->second.pos != order_.begin()) {
        order_.splice(order_.begin(), order_, it->second.pos);
    }
    AgentStatus& a = it->second.status;
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
    for (const auto& [_, e] : agents_) out.push_back(e.status);
    return out;
}

}  // namespace vigil
