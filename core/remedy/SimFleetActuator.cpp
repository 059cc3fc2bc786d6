#include "remedy/SimFleetActuator.h"

#include "sim/FleetSimulator.h"

#include <algorithm>
#include <cstdlib>

namespace vigil::remedy {

std::string jsonField(const std::string& json, const std::string& key) {
    // Only reads objects written by compactJson: "key":"value" with \" escapes.
    const std::string k = "\"" + key + "\":\"";
    const auto p = json.find(k);
    if (p == std::string::npos) return {};
    std::string v;
    for (std::size_t i = p + k.size(); i < json.size() && json[i] != '"'; ++i) {
        if (json[i] == '\\' && i + 1 < json.size()) ++i;
        v += json[i];
    }
    return v;
}

std::optional<Outcome> SimFleetActuator::submit(const Action& action) {
    std::lock_guard lock(mutex_);
    queued_.push_back(action);
    return std::nullopt;
}

std::vector<Outcome> SimFleetActuator::apply(FleetSimulator& sim) {
    std::vector<Action> todo;
    {
        std::lock_guard lock(mutex_);
        todo.swap(queued_);
    }
    std::vector<Outcome> out;
    for (const Action& a : todo) {
        std::string detail;
        const bool ok = applyToFleet(sim, a, detail);
        out.push_back({sim.now() + 1, a.id, ok, detail});
        ++applied_;
    }
    return out;
}

namespace {
int intParam(const Action& a, const char* key, int fallback) {
    const std::string v = jsonField(a.params, key);
    return v.empty() ? fallback : std::atoi(v.c_str());
}
}  // namespace

bool applyToFleet(FleetSimulator& sim, const Action& a, std::string& detail) {
    if (a.kind == "notify") {
        detail = "notified";
        return true;
    }
    if (a.kind == "failover_rpc") {
        bool used = false;  // moving nobody is no fix: say so, so the planner does not repeat it
        for (const auto& ag : sim.agentInfo()) used = used || "rpc:" + ag.endpoint == a.target;
        if (!used) {
            detail = "no agent uses " + a.target + " any more";
            return false;
        }
        for (const std::string& to : sim.endpoints()) {
            if (to == a.target) continue;
            if (sim.failover(a.target, to)) {  // refuses endpoints of another chain
                detail = "agents on " + a.target + " moved to " + to;
                return true;
            }
        }
        detail = "no other endpoint serves the chain of " + a.target;
        return false;
    }
    if (a.kind == "retry_tx") {
        const double factor = 1.0 + intParam(a, "fee_bump_percent", 25) / 100.0;
        auto pending = sim.pendingTxs();
        std::sort(pending.begin(), pending.end(), [](const auto& x, const auto& y) { return x.submitted < y.submitted; });
        const std::string agent = a.target.substr(a.target.find(':') + 1);
        const std::string nonce = jsonField(a.params, "nonce");  // the planner's choice, when it made one
        for (const auto& tx : pending) {
            if (tx.agent != agent || (!nonce.empty() && std::to_string(tx.nonce) != nonce)) continue;
            if (sim.replaceTx(a.target, tx.nonce, factor)) {
                detail = "replaced nonce " + std::to_string(tx.nonce) + " of " + agent + " with fees x" + std::to_string(factor).substr(0, 4);
                return true;
            }
        }
        detail = "no pending transaction of " + agent + " to replace";
        return false;
    }
    if (a.kind == "scale_workers") {
        const int now = sim.workerCount(a.target);
        const int step = intParam(a, "step", 1);
        const int maxR = intParam(a, "max_replicas", 64);
        // `replicas` (the planner's sizing) when given, else one step up.
        const int want = intParam(a, "replicas", now + step);
        const int delta = std::min(want, maxR) - now;
        // Down only when the planner says so (ScaleBack): a scale-up sized below the count is no fix.
        const bool down = jsonField(a.params, "scale_down") == "true";
        if (now < 0 || delta == 0 || (delta < 0) != down || !sim.scaleWorkers(a.target, delta)) {
            detail = "cannot scale " + a.target + " (" + std::to_string(now) + " workers, max " + std::to_string(maxR) + ")";
            return false;
        }
        detail = "scaled " + a.target + " from " + std::to_string(now) + " to " + std::to_string(now + delta);
        return true;
    }
    if (a.kind == "rollback_workflow") {
        const bool ok = sim.rollbackWorkflow(a.target);
        detail = ok ? "rolled back the workflow of " + a.target : "unknown agent " + a.target;
        return ok;
    }
    detail = "the demo fleet has no actuator for " + a.kind;
    return false;
}

}  // namespace vigil::remedy
