// What an action on the demo fleet would do, as the canonical content an
// approval binds to (approve/ExecutionContent.h): for a fee-bump replacement
// the exact transaction (chain, from, to, value, both fees after the bump,
// gas, nonce), else the action's kind, target and params. Built once when the
// request is filed and again just before execution, from the fleet as it is
// then: if the two differ, ApprovalGate::authorize refuses.
#pragma once

#include "record/Record.h"

#include <optional>
#include <string>

namespace vigil {
class FleetSimulator;
}

namespace vigil::app {

// nullopt when the action cannot be carried out any more (e.g. the transaction
// to replace is no longer pending).
std::optional<std::string> demoExecutionContent(const FleetSimulator& sim, const Action& action);

}  // namespace vigil::app
