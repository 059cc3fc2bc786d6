// What went wrong with one request, in the few kinds a caller acts on
// differently: a transport failure (refused, timeout, network, http, malformed)
// says the endpoint is unwell; a JSON-RPC error says the endpoint answered.
#pragma once

#include <string_view>

namespace vigil::net {

enum class NetError {
    None,
    Refused,    // nothing listens (connection refused): the node is down
    Timeout,    // the deadline passed (connect + write + read): the node hangs
    Network,    // reset, closed early, unreachable, name not resolved
    Http,       // an HTTP status other than 2xx
    Malformed,  // the body is not a JSON-RPC 2.0 response
    RpcError,   // a well-formed JSON-RPC error object (code, message)
};

constexpr std::string_view netErrorName(NetError e) {
    switch (e) {
    case NetError::None: return "ok";
    case NetError::Refused: return "refused";
    case NetError::Timeout: return "timeout";
    case NetError::Network: return "network";
    case NetError::Http: return "http";
    case NetError::Malformed: return "malformed";
    case NetError::RpcError: return "rpc-error";
    }
    return "?";
}

// True for the kinds that say nothing about the request and everything about
// the endpoint; a JSON-RPC error is the node's answer, not its ill health.
constexpr bool isTransportFailure(NetError e) {
    return e != NetError::None && e != NetError::RpcError;
}

}  // namespace vigil::net
