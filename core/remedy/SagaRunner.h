// Runs sagas recorded in a SagaJournal: steps in order; on the first failure the
// steps that ran (the failed one included) are compensated in reverse order.
// Every state change is journalled before the next call, so resume() after a
// restart continues where the workflow stopped: a step or compensation caught
// mid-call is repeated with the same idempotency key, one already finished is
// never called again. A compensation that fails leaves the saga 'stuck' for a
// person (resume() retries it). Time comes from the injected clock.
#pragma once

#include "record/Clock.h"
#include "remedy/SagaJournal.h"
#include "remedy/SagaStepExecutor.h"

namespace vigil::remedy {

class SagaRunner {
public:
    SagaRunner(SagaJournal& journal, SagaStepExecutor& executor, const Clock& clock)
        : journal_(journal), executor_(executor), clock_(clock) {}

    // Journals a new saga (steps pending) and runs it; the final state.
    store::Result<SagaState> start(Saga saga);
    // Continues a saga from its journalled state; a finished one is left alone.
    store::Result<SagaState> resume(const std::string& id);
    // resume() for every running or compensating saga; how many were resumed.
    store::Result<int> resumeAll();

private:
    store::Result<SagaState> runForward(Saga& saga);
    store::Result<SagaState> runCompensation(Saga& saga);
    StepResult call(bool undo, const Saga& saga, int pos);

    SagaJournal& journal_;
    SagaStepExecutor& executor_;
    const Clock& clock_;
};

}  // namespace vigil::remedy
