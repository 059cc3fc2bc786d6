// A simulated ledger for sagas in tests and the demo: each step moves an amount
// between two named balances (params {"from":..,"to":..,"amount":N}), and its
// compensation moves it back. Remembers idempotency keys like a real executor
// must, so a repeated call after a crash changes nothing twice. Failures of a
// step or a compensation can be injected (a revert, a node that refuses).
#pragma once

#include "remedy/SagaStepExecutor.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace vigil::remedy {

class SimulatedStepExecutor : public SagaStepExecutor {
public:
    void setBalance(const std::string& account, double amount) { balances_[account] = amount; }
    double balance(const std::string& account) const;
    // execute() of steps with this name fails with `reason` (no effect).
    void failStep(const std::string& name, const std::string& reason) { failSteps_[name] = reason; }
    // compensate() with this compensation name fails with `reason` (no effect).
    void failCompensation(const std::string& name, const std::string& reason) { failUndos_[name] = reason; }
    void clearFailures() { failSteps_.clear(), failUndos_.clear(); }

    StepResult execute(const StepCall& call) override;
    StepResult compensate(const StepCall& call) override;

    // Every call in order ("do:withdraw#1", "undo:deposit_back#3"), repeats included.
    const std::vector<std::string>& calls() const { return calls_; }
    // Calls that changed the ledger, in order; a step appears here at most once
    // per direction.
    const std::vector<std::string>& effects() const { return effects_; }

private:
    struct Move {
        std::string from, to;
        double amount = 0;
    };
    static bool parseMove(const std::string& params, Move& m, std::string& error);

    std::map<std::string, double> balances_;
    std::map<std::string, std::string> failSteps_, failUndos_;
    std::set<std::string> doneKeys_;
    std::vector<std::string> calls_, effects_;
};

}  // namespace vigil::remedy
