// The remediation policy the apps use unless told otherwise: the commented
// default of resources/policy.yaml, compiled into the binary.
#pragma once

#include "remedy/Policy.h"

#include <string>
#include <string_view>

namespace vigil::app {

std::string_view shippedPolicyText();

// `path` empty: the shipped policy; else that file. False with error
// "FILE:LINE: key: reason" when it does not load.
bool loadPolicy(const std::string& path, remedy::Policy& out, std::string& error);

}  // namespace vigil::app
