#include "common/DemoExecutionContent.h"

#include "approve/ExecutionContent.h"
#include "remedy/SimFleetActuator.h"
#include "sim/FleetSimulator.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdlib>

namespace vigil::app {
namespace {

remedy::Wei gweiToWei(double gwei) { return static_cast<remedy::Wei>(std::llround(gwei * 1e9)); }

std::optional<std::string> replacementContent(const FleetSimulator& sim, const Action& a) {
    const std::string nonce = remedy::jsonField(a.params, "nonce");
    const std::string agent = a.target.substr(a.target.find(':') + 1);
    if (nonce.empty()) return std::nullopt;
    const std::string bump = remedy::jsonField(a.params, "fee_bump_percent");
    const double factor = 1.0 + (bump.empty() ? 25 : std::atoi(bump.c_str())) / 100.0;
    for (const auto& tx : sim.pendingTxs()) {
        if (tx.agent != agent || std::to_string(tx.nonce) != nonce) continue;
        approve::TransferDryRun d;
        d.action = "retry_tx";
        d.chain = tx.chain;
        d.from = agent;  // the agent's hot wallet; the demo fleet has names, not addresses
        d.to = tx.idempotencyKey.rfind("sweep-", 0) == 0 ? "treasury" : "workflow";
        d.value = static_cast<remedy::Wei>(std::llround(tx.valueEth * 1e9)) * 1'000'000'000ULL;
        d.maxFeePerGas = gweiToWei(tx.maxFeeGwei * factor);
        d.maxPriorityFeePerGas = gweiToWei(tx.priorityFeeGwei * factor);
        d.nonce = tx.nonce;
        return approve::transferContent(d);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> demoExecutionContent(const FleetSimulator& sim, const Action& a) {
    if (a.kind == "retry_tx") return replacementContent(sim, a);
    std::map<std::string, std::string> params;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(a.params)).object();
    for (auto it = o.begin(); it != o.end(); ++it) params[it.key().toStdString()] = it.value().toString().toStdString();
    return approve::actionContent(a.kind, a.target, params);
}

}  // namespace vigil::app
