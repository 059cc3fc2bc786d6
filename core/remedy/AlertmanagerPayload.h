// An action Vigil took or proposed as an Alertmanager webhook notification
// (version 4 payload, the format Alertmanager POSTs to its webhook receivers),
// so anything that takes Alertmanager's webhooks (chat bridges, paging) takes
// Vigil's: one alert per action, labelled by what and where, with the
// ActionSummary words as annotations. "firing" while the action is proposed or
// running, "resolved" once its outcome is known. Deterministic: the same
// context gives the same bytes.
#pragma once

#include "remedy/ActionSummary.h"

#include <string>

namespace vigil::remedy {

// receiver: the name Alertmanager would give the receiver ("vigil").
std::string alertmanagerPayload(const ActionContext& ctx, const std::string& receiver = "vigil");

}  // namespace vigil::remedy
