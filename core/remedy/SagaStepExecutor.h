// How a saga's steps are carried out: an interface, with a simulated ledger for
// tests and the demo (SimulatedStepExecutor) and, later, real actuators.
#pragma once

#include <string>

namespace vigil::remedy {

struct StepCall {
    std::string sagaId;
    int pos = 0;               // 1-based
    std::string name;          // the step, or for compensate() its compensation
    std::string params;        // the step's params (compact JSON)
    // Same for every attempt of the same call ("<saga>/<pos>/do" or ".../undo"):
    // after a crash the runner repeats the call, and an executor that remembers
    // keys it has carried out does not do it twice.
    std::string idempotencyKey;
};

struct StepResult {
    bool ok = false;
    std::string detail;  // what happened, in words
};

class SagaStepExecutor {
public:
    virtual ~SagaStepExecutor() = default;
    // A std::exception thrown from either is a failed step with e.what() as detail.
    virtual StepResult execute(const StepCall& call) = 0;
    // Undoes the step. Also called for the step that failed (it may have taken
    // effect, e.g. a timeout after the send), so it must succeed as a no-op when
    // there is nothing to undo.
    virtual StepResult compensate(const StepCall& call) = 0;
};

}  // namespace vigil::remedy
