#include "engine/AgentHealth.h"

namespace vigil {

AgentHealth classifyAgent(std::int64_t recentFailed, std::int64_t recentFinished, TimestampMs quietMs,
                          const AgentHealthRules& rules) {
    const double ratio = recentFinished > 0 ? double(recentFailed) / double(recentFinished) : 0.0;
    if (quietMs > rules.silentAfterMs) return AgentHealth::Silent;
    if (recentFailed >= rules.failingMinFailures && ratio >= rules.failingRatio) return AgentHealth::Failing;
    if (recentFailed >= 1 && ratio >= rules.degradedRatio) return AgentHealth::Degraded;
    return AgentHealth::Healthy;
}

std::string_view healthName(AgentHealth h) {
    switch (h) {
    case AgentHealth::Healthy: return "healthy";
    case AgentHealth::Degraded: return "degraded";
    case AgentHealth::Failing: return "failing";
    case AgentHealth::Silent: return "silent";
    case AgentHealth::Retired: return "retired";
    }
    return "unknown";
}

}  // namespace vigil
