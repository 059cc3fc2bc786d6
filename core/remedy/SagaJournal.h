// The saga journal: multi-step workflows (a rebalance: withdraw, swap, deposit)
// recorded step by step in the store (tables sagas, saga_steps), each step with
// its compensation. Every state change is committed before the runner moves on,
// so after a crash the journal says exactly where a workflow stopped.
// SagaRunner holds the rules; this class only persists.
#pragma once

#include "record/Record.h"
#include "store/Database.h"
#include "store/Result.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::remedy {

enum class StepState { Pending, Started, Done, Failed, Compensating, Compensated };
enum class SagaState { Running, Compensating, Completed, Compensated, Stuck };

std::string_view toString(StepState s);
std::string_view toString(SagaState s);
bool fromString(std::string_view s, StepState& out);
bool fromString(std::string_view s, SagaState& out);

struct SagaStep {
    std::string name;          // "withdraw"
    std::string params;        // compact JSON, handed to the executor
    std::string compensation;  // what undoes it, e.g. "deposit_back"
    StepState state = StepState::Pending;
    std::string detail;        // the executor's last word on it
    TimestampMs updated = 0;
    bool operator==(const SagaStep&) const = default;
};

struct Saga {
    std::string id;
    std::string kind;  // "rebalance"
    SagaState state = SagaState::Running;
    TimestampMs created = 0;
    TimestampMs updated = 0;
    std::string error;             // why it is compensating or stuck
    std::vector<SagaStep> steps;   // in execution order; position = index + 1
    bool operator==(const Saga&) const = default;
};

class SagaJournal {
public:
    static store::Result<std::unique_ptr<SagaJournal>> open(const std::string& dbPath);

    // Records a new saga with all its steps pending. Fails for an existing id, no
    // steps, or an empty id or step name.
    store::Status create(const Saga& saga);
    store::Result<std::optional<Saga>> load(const std::string& id) const;
    // Ids of sagas a restart must pick up (running or compensating), oldest first.
    store::Result<std::vector<std::string>> unfinished() const;
    // pos is 1-based. Each call is one committed transaction.
    store::Status setStep(const std::string& id, int pos, StepState state, const std::string& detail, TimestampMs ts);
    store::Status setSaga(const std::string& id, SagaState state, const std::string& error, TimestampMs ts);

private:
    explicit SagaJournal(store::Database db) : db_(std::move(db)) {}
    store::Database db_;
};

}  // namespace vigil::remedy
