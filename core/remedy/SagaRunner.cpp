#include "remedy/SagaRunner.h"

#include <exception>

namespace vigil::remedy {

using store::Result;
using store::Status;

Result<SagaState> SagaRunner::start(Saga saga) {
    saga.state = SagaState::Running;
    saga.created = saga.updated = clock_.now();
    for (SagaStep& s : saga.steps) s.state = StepState::Pending;
    if (Status s = journal_.create(saga); !s) return s;
    return runForward(saga);
}

Result<SagaState> SagaRunner::resume(const std::string& id) {
    auto loaded = journal_.load(id);
    if (!loaded) return Status::failure(loaded.error());
    if (!*loaded) return Status::failure("no saga " + id + " in the journal");
    Saga& saga = **loaded;
    switch (saga.state) {
    case SagaState::Running: return runForward(saga);
    case SagaState::Compensating:
    case SagaState::Stuck: return runCompensation(saga);
    case SagaState::Completed:
    case SagaState::Compensated: return saga.state;
    }
    return saga.state;
}

Result<int> SagaRunner::resumeAll() {
    auto ids = journal_.unfinished();
    if (!ids) return Status::failure(ids.error());
    for (const std::string& id : *ids)
        if (auto r = resume(id); !r) return Status::failure(r.error());
    return static_cast<int>(ids->size());
}

StepResult SagaRunner::call(bool undo, const Saga& saga, int pos) {
    const SagaStep& step = saga.steps[static_cast<std::size_t>(pos - 1)];
    StepCall c{saga.id, pos, undo ? step.compensation : step.name, step.params,
               saga.id + "/" + std::to_string(pos) + (undo ? "/undo" : "/do")};
    try {
        return undo ? executor_.compensate(c) : executor_.execute(c);
    } catch (const std::exception& e) {
        return {false, std::string("threw: ") + e.what()};
    }
}

Result<SagaState> SagaRunner::runForward(Saga& saga) {
    for (int pos = 1; pos <= static_cast<int>(saga.steps.size()); ++pos) {
        SagaStep& step = saga.steps[static_cast<std::size_t>(pos - 1)];
        if (step.state == StepState::Done) continue;
        // Pending, or Started when a crash interrupted the call: (re)run it.
        if (Status s = journal_.setStep(saga.id, pos, StepState::Started, {}, clock_.now()); !s) return s;
        step.state = StepState::Started;
        const StepResult r = call(false, saga, pos);
        step.state = r.ok ? StepState::Done : StepState::Failed;
        step.detail = r.detail;
        if (Status s = journal_.setStep(saga.id, pos, step.state, r.detail, clock_.now()); !s) return s;
        if (!r.ok) {
            saga.error = "step " + std::to_string(pos) + " (" + step.name + ") failed: " + r.detail;
            saga.state = SagaState::Compensating;
            if (Status s = journal_.setSaga(saga.id, saga.state, saga.error, clock_.now()); !s) return s;
            return runCompensation(saga);
        }
    }
    saga.state = SagaState::Completed;
    if (Status s = journal_.setSaga(saga.id, saga.state, {}, clock_.now()); !s) return s;
    return saga.state;
}

Result<SagaState> SagaRunner::runCompensation(Saga& saga) {
    if (saga.state == SagaState::Stuck) {
        saga.state = SagaState::Compensating;
        if (Status s = journal_.setSaga(saga.id, saga.state, saga.error, clock_.now()); !s) return s;
    }
    for (int pos = static_cast<int>(saga.steps.size()); pos >= 1; --pos) {
        SagaStep& step = saga.steps[static_cast<std::size_t>(pos - 1)];
        if (step.state == StepState::Pending || step.state == StepState::Compensated) continue;
        // Done, Failed, Started (crash mid-step) or Compensating (crash mid-undo).
        if (Status s = journal_.setStep(saga.id, pos, StepState::Compensating, step.detail, clock_.now()); !s) return s;
        step.state = StepState::Compensating;
        const StepResult r = call(true, saga, pos);
        if (!r.ok) {
            step.detail = r.detail;
            if (Status s = journal_.setStep(saga.id, pos, StepState::Compensating, r.detail, clock_.now()); !s) return s;
            saga.state = SagaState::Stuck;
            saga.error = "compensation of step " + std::to_string(pos) + " (" + step.compensation + ") failed: " +
                         r.detail + "; needs a person";
            if (Status s = journal_.setSaga(saga.id, saga.state, saga.error, clock_.now()); !s) return s;
            return saga.state;
        }
        step.state = StepState::Compensated;
        step.detail = r.detail;
        if (Status s = journal_.setStep(saga.id, pos, StepState::Compensated, r.detail, clock_.now()); !s) return s;
    }
    saga.state = SagaState::Compensated;
    if (Status s = journal_.setSaga(saga.id, saga.state, saga.error, clock_.now()); !s) return s;
    return saga.state;
}

}  // namespace vigil::remedy
