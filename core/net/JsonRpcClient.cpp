#include "net/JsonRpcClient.h"

#include "net/Json.h"

#include <simdjson.h>

namespace vigil::net {

std::string JsonRpcClient::encodeRequest(std::uint64_t id, std::string_view method,
                                         std::string_view paramsJson) {
    std::string out = R"({"jsonrpc":"2.0","id":)";
    out += std::to_string(id);
    out += R"(,"method":)";
    out += jsonQuote(method);
    out += R"(,"params":)";
    out += paramsJson.empty() ? std::string_view("[]") : paramsJson;
    out += '}';
    return out;
}

namespace {

RpcResponse malformed(RpcResponse r, const std::string& why) {
    r.error = NetError::Malformed;
    r.message = r.endpoint + ": malformed JSON-RPC response: " + why;
    return r;
}

}  // namespace

RpcResponse JsonRpcClient::decodeResponse(HttpResponse http, std::uint64_t id, const std::string& endpoint) {
    RpcResponse r;
    r.endpoint = endpoint;
    r.httpStatus = http.status;
    if (http.error != NetError::None) {
        r.error = http.error;
        r.message = http.detail;
        return r;
    }
    simdjson::dom::parser parser;
    simdjson::dom::object root;
    if (auto err = parser.parse(simdjson::padded_string(http.body)).get(root))
        return malformed(std::move(r), simdjson::error_message(err));
    std::string_view version;
    if (root["jsonrpc"].get_string().get(version) || version != "2.0")
        return malformed(std::move(r), "jsonrpc is not \"2.0\"");
    std::uint64_t gotId = 0;
    if (root["id"].get_uint64().get(gotId) || gotId != id)
        return malformed(std::move(r), "id does not match the request's " + std::to_string(id));
    simdjson::dom::element result, error;
    const bool hasResult = !root["result"].get(result);
    const bool hasError = !root["error"].get(error);
    if (hasResult == hasError) return malformed(std::move(r), "needs exactly one of result and error");
    if (hasResult) {
        r.result = simdjson::minify(result);
        return r;
    }
    std::int64_t code = 0;
    std::string_view message;
    if (error["code"].get_int64().get(code) || error["message"].get_string().get(message))
        return malformed(std::move(r), "error without an integer code and a message");
    r.error = NetError::RpcError;
    r.code = code;
    r.message = std::string(message);
    simdjson::dom::element data;
    if (!error["data"].get(data)) r.data = simdjson::minify(data);
    return r;
}

RpcResponse JsonRpcClient::call(std::string_view method, std::string_view paramsJson) {
    const std::uint64_t id = nextId_.fetch_add(1, std::memory_order_relaxed);
    auto http = HttpClient::post(target_, encodeRequest(id, method, paramsJson), deadline_);
    return decodeResponse(std::move(http), id, target_.url());
}

void JsonRpcClient::callAsync(boost::asio::io_context& io, std::string_view method,
                              std::string_view paramsJson, std::function<void(RpcResponse)> done) {
    const std::uint64_t id = nextId_.fetch_add(1, std::memory_order_relaxed);
    HttpClient::postAsync(io, target_, encodeRequest(id, method, paramsJson), deadline_,
                          [id, url = target_.url(), done = std::move(done)](HttpResponse http) {
                              done(decodeResponse(std::move(http), id, url));
                          });
}

}  // namespace vigil::net
