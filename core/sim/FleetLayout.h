// The demo fleet as it starts: chains with a primary and a backup RPC endpoint,
// three workflows (one worker pool each), twelve agents spread over three hosts.
// Both the fault planner (to pick targets) and the simulated world read it.
#pragma once

#include <string>
#include <vector>

namespace vigil::sim {

struct ChainLayout {
    std::string name;      // "ethereum"
    std::string primary;   // endpoint name without the "rpc:" prefix
    std::string backup;
};

struct AgentLayout {
    std::string id;        // "agent-07"
    std::string workflow;  // wallet_monitor | airdrop_claim | rebalance
    std::string chain;
    std::string host;      // "node-2"
};

struct FleetLayout {
    std::vector<ChainLayout> chains;
    std::vector<std::string> workflows;
    std::vector<std::string> hosts;
    std::vector<AgentLayout> agents;

    static const FleetLayout& standard();
    // Agent number n (1-based) → "agent-07"; also names agents added by scaling.
    static std::string agentId(int n);
    // Workflows whose tasks send transactions (wallet_monitor only reads).
    static bool sendsTransactions(const std::string& workflow) { return workflow != "wallet_monitor"; }
};

}  // namespace vigil::sim
