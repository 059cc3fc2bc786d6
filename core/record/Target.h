// The one reading of the "<kind>:<name>" target form ("rpc:eth-main-a",
// "pool:airdrop_claim", "agent:agent-07"). Producers may send the typed form or
// the bare name; both mean the same target once typed. The first ':' splits, so
// a name may itself contain colons ("host:10.0.0.1:8545" is kind "host").
#pragma once

#include <string>
#include <string_view>

namespace vigil {

// "rpc" for "rpc:eth-main-a"; empty when there is no prefix.
inline std::string_view targetKind(std::string_view target) {
    const auto c = target.find(':');
    return c == std::string_view::npos ? std::string_view() : target.substr(0, c);
}

// "eth-main-a" for "rpc:eth-main-a"; the whole string when there is no prefix.
inline std::string_view targetName(std::string_view target) {
    const auto c = target.find(':');
    return c == std::string_view::npos ? target : target.substr(c + 1);
}

// The name without the "<kind>:" prefix when it has exactly that kind, else as
// given: lookups that accept "agent-07" and "agent:agent-07" alike.
inline std::string_view withoutKind(std::string_view target, std::string_view kind) {
    return targetKind(target) == kind ? targetName(target) : target;
}

// Adds the "<kind>:" prefix unless the name already has that kind.
inline std::string typedTarget(std::string_view kind, std::string_view name) {
    if (targetKind(name) == kind) return std::string(name);
    std::string out;
    out.reserve(kind.size() + 1 + name.size());
    out.append(kind).push_back(':');
    out.append(name);
    return out;
}

}  // namespace vigil
