#include "sim/FleetLayout.h"

namespace vigil::sim {

std::string FleetLayout::agentId(int n) {
    return (n < 10 ? "agent-0" : "agent-") + std::to_string(n);
}

const FleetLayout& FleetLayout::standard() {
    static const FleetLayout layout = [] {
        FleetLayout f;
        f.chains = {{"ethereum", "eth-main-a", "eth-main-b"}, {"arbitrum", "arb-main-a", "arb-main-b"}};
        f.workflows = {"wallet_monitor", "airdrop_claim", "rebalance"};
        f.hosts = {"node-1", "node-2", "node-3"};
        // 5 wallet monitors, 4 claimers, 3 rebalancers; chains alternate so every
        // pool works on both chains, hosts rotate so every host runs every kind.
        const int perWorkflow[] = {5, 4, 3};
        int n = 1;
        for (int w = 0; w < 3; ++w) {
            for (int i = 0; i < perWorkflow[w]; ++i, ++n) {
                f.agents.push_back({agentId(n), f.workflows[static_cast<std::size_t>(w)],
                                    f.chains[static_cast<std::size_t>((n - 1) % 2)].name,
                                    f.hosts[static_cast<std::size_t>((n - 1) % 3)]});
            }
        }
        return f;
    }();
    return layout;
}

}  // namespace vigil::sim
