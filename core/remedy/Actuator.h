// Where a planned action goes to be carried out. The planner hands every
// admitted action to an Actuator; a real one talks to the fleet (RPC pool,
// scaler, signer), the simulated one drives the demo fleet, and the recorder
// used by replay and dry run sends nothing at all.
#pragma once

#include "record/Record.h"

#include <optional>
#include <vector>

namespace vigil::remedy {

class Actuator {
public:
    virtual ~Actuator() = default;
    // Takes the action. Returns its Outcome when it is known at once; nullopt
    // when the outcome arrives later as an Outcome input record (the actuator
    // runs elsewhere, e.g. between simulator steps).
    virtual std::optional<Outcome> submit(const Action& action) = 0;
};

// Replay and dry run: remembers what would have been sent, sends nothing, and
// reports every action as a simulated success.
class RecordingActuator final : public Actuator {
public:
    std::optional<Outcome> submit(const Action& action) override {
        sent_.push_back(action);
        return Outcome{action.ts, action.id, true, "simulated: nothing sent (dry run / replay)"};
    }
    const std::vector<Action>& recorded() const { return sent_; }

private:
    std::vector<Action> sent_;
};

}  // namespace vigil::remedy
