// Per-agent health for the fleet status strip, from task events. At most `maxAgents`
// agents are kept: the one heard from least recently is forgotten first (counted).
#pragma once

#include "engine/Snapshot.h"

#include <cstdint>
#include <list>
#include <map>

namespace vigil {

class FleetState {
public:
    explicit FleetState(std::size_t maxAgents = 10'000) : max_(maxAgents ? maxAgents : 1) {}
    void add(const TaskEvent& t);
    std::vector<AgentStatus> agents() const;  // sorted by agent name
    std::size_t size() const { return agents_.size(); }
    std::uint64_t evicted() const { return evicted_; }

private:
    struct Entry {
        AgentStatus status;
        std::list<std::string>::iterator pos;  // in order_
    };
    std::size_t max_;
    std::map<std::string, Entry> agents_;
    std::list<std::string> order_;  // most recently heard from first
    std::uint64_t evicted_ = 0;
};

}  // namespace vigil
