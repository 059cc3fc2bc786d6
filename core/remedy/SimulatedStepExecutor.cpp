#include "remedy/SimulatedStepExecutor.h"

#include <simdjson.h>

#include <cstdio>

namespace vigil::remedy {

namespace {
std::string amountText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}
}  // namespace

double SimulatedStepExecutor::balance(const std::string& account) const {
    const auto it = balances_.find(account);
    return it == balances_.end() ? 0.0 : it->second;
}

bool SimulatedStepExecutor::parseMove(const std::string& params, Move& m, std::string& error) {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    std::string_view from, to;
    if (parser.parse(params).get(doc) || doc["from"].get(from) || doc["to"].get(to) || doc["amount"].get(m.amount)) {
        error = "params " + params + ": expected {\"from\":..,\"to\":..,\"amount\":N}";
        return false;
    }
    m.from = from;
    m.to = to;
    return true;
}

StepResult SimulatedStepExecutor::execute(const StepCall& call) {
    calls_.push_back("do:" + call.name + "#" + std::to_string(call.pos));
    if (doneKeys_.count(call.idempotencyKey)) return {true, "already done (" + call.idempotencyKey + ")"};
    if (auto f = failSteps_.find(call.name); f != failSteps_.end()) return {false, f->second};
    Move m;
    std::string error;
    if (!parseMove(call.params, m, error)) return {false, error};
    if (balance(m.from) < m.amount) return {false, "insufficient balance on " + m.from};
    balances_[m.from] -= m.amount;
    balances_[m.to] += m.amount;
    doneKeys_.insert(call.idempotencyKey);
    effects_.push_back("do:" + call.name + "#" + std::to_string(call.pos));
    return {true, "moved " + amountText(m.amount) + " from " + m.from + " to " + m.to};
}

StepResult SimulatedStepExecutor::compensate(const StepCall& call) {
    calls_.push_back("undo:" + call.name + "#" + std::to_string(call.pos));
    if (doneKeys_.count(call.idempotencyKey)) return {true, "already undone (" + call.idempotencyKey + ")"};
    if (auto f = failUndos_.find(call.name); f != failUndos_.end()) return {false, f->second};
    const std::string doKey = call.sagaId + "/" + std::to_string(call.pos) + "/do";
    if (!doneKeys_.count(doKey)) return {true, "nothing to undo: the step took no effect"};
    Move m;
    std::string error;
    if (!parseMove(call.params, m, error)) return {false, error};
    balances_[m.to] -= m.amount;
    balances_[m.from] += m.amount;
    doneKeys_.insert(call.idempotencyKey);
    effects_.push_back("undo:" + call.name + "#" + std::to_string(call.pos));
    return {true, "moved " + amountText(m.amount) + " back from " + m.to + " to " + m.from};
}

}  // namespace vigil::remedy
