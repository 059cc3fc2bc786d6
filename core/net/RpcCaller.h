// Anything that answers a JSON-RPC call: one endpoint (JsonRpcClient) or a
// failover pool of them (remedy's EndpointPool). Callers that act on a chain
// take this, so a pool can stand in for a single node.
#pragma once

#include "net/NetError.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::net {

struct RpcResponse {
    NetError error = NetError::None;
    int httpStatus = 0;
    std::int64_t code = 0;   // JSON-RPC error code when error == RpcError
    std::string message;     // JSON-RPC error message, or the transport failure in words
    std::string result;      // the "result" member as JSON text ("null" included)
    std::string data;        // the error's "data" member as JSON text, if any
    std::string endpoint;    // which endpoint answered (or failed), for reports

    bool ok() const { return error == NetError::None; }
};

class RpcCaller {
public:
    virtual ~RpcCaller() = default;
    // paramsJson is a JSON array, e.g. R"(["latest", false])".
    virtual RpcResponse call(std::string_view method, std::string_view paramsJson) = 0;
};

}  // namespace vigil::net
