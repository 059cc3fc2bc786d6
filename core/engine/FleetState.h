// Per-agent health for the fleet status strip, from task events.
#pragma once

#include "engine/Snapshot.h"

#include <map>

namespace vigil {

class FleetState {
public:
    void add(const TaskEvent& t);
    std::vector<AgentStatus> agents() const;  // sorted by agent name

private:
    std::map<std::string, AgentStatus> agents_;
};

}  // namespace vigil
