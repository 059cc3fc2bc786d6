// JSON-RPC 2.0 over HttpClient, one endpoint. Requests are written by hand (a
// method name and a params array); responses are checked (jsonrpc "2.0", the
// same id, exactly one of result/error) and anything else is Malformed.
#pragma once

#include "net/HttpClient.h"
#include "net/RpcCaller.h"

#include <atomic>
#include <chrono>
#include <functional>

namespace vigil::net {

class JsonRpcClient final : public RpcCaller {
public:
    JsonRpcClient(HttpTarget target, std::chrono::milliseconds deadline)
        : target_(std::move(target)), deadline_(deadline) {}

    RpcResponse call(std::string_view method, std::string_view paramsJson) override;
    void callAsync(boost::asio::io_context& io, std::string_view method, std::string_view paramsJson,
                   std::function<void(RpcResponse)> done);

    const HttpTarget& target() const { return target_; }
    std::chrono::milliseconds deadline() const { return deadline_; }

    static std::string encodeRequest(std::uint64_t id, std::string_view method, std::string_view paramsJson);
    // Turns an HTTP exchange into an RpcResponse for request `id`.
    static RpcResponse decodeResponse(HttpResponse http, std::uint64_t id, const std::string& endpoint);

private:
    HttpTarget target_;
    std::chrono::milliseconds deadline_;
    std::atomic<std::uint64_t> nextId_{1};
};

}  // namespace vigil::net
