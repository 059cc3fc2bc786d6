// Reads a policy from YAML. Strict on purpose: an unknown or repeated key, a
// wrong type or an out-of-range value is an error "FILE:LINE: key: reason"
// (key as a path, e.g. rules[1].playbook[0].risk), because a typo such as
// "aproval_limit" must never silently leave a limit unset.
#pragma once

#include "remedy/Policy.h"

#include <string>
#include <string_view>

namespace vigil::remedy {

// source names the text in messages (the file path, or "<text>").
bool parsePolicy(std::string_view yamlText, const std::string& source, Policy& out, std::string& error);
bool loadPolicyFile(const std::string& path, Policy& out, std::string& error);

// "90s", "15m", "2h", "500ms" -> milliseconds. False for anything else.
bool parseDuration(std::string_view text, TimestampMs& out);

// Action kinds a playbook may name (the actuators Vigil has).
bool isKnownActionKind(std::string_view kind);
std::string knownActionKinds();  // "failover_rpc, retry_tx, ..."

}  // namespace vigil::remedy
