// A small HTTP/1.1 POST client on Boost.Beast. Every request has one deadline
// covering resolve + connect + write + read, so a node that accepts and never
// answers costs at most that long. One connection per request: a failover pool
// wants a dead peer noticed on the next call, not hidden behind a stale socket.
// All of Beast lives in HttpClient.cpp (it is heavy to compile).
#pragma once

#include "net/NetError.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace boost::asio {
class io_context;
}

namespace vigil::net {

// http://host:port/path, parsed once.
struct HttpTarget {
    std::string host;
    std::string port;  // service string, as Asio resolves it
    std::string path = "/";

    // Accepts "http://host[:port][/path]"; nullopt with reason in error otherwise
    // (https is refused: signer and RPC endpoints here are local or tunnelled).
    static std::optional<HttpTarget> parse(const std::string& url, std::string& error);
    std::string url() const {
        const bool v6 = host.find(':') != std::string::npos;
        return "http://" + (v6 ? "[" + host + "]" : host) + ":" + port + path;
    }
};

struct HttpResponse {
    NetError error = NetError::None;  // None, Refused, Timeout, Network, Http or Malformed
    int status = 0;                   // HTTP status when one was read
    std::string body;
    std::string detail;               // why, in words, when error != None
};

class HttpClient {
public:
    using Callback = std::function<void(HttpResponse)>;

    // Blocks the calling thread (a worker) for at most `deadline`.
    static HttpResponse post(const HttpTarget& target, std::string body,
                             std::chrono::milliseconds deadline);

    // Runs on `io`; `done` is called exactly once, on io's thread.
    static void postAsync(boost::asio::io_context& io, const HttpTarget& target, std::string body,
                          std::chrono::milliseconds deadline, Callback done);

    // GET target.path (query string included) with an Accept header; a body over
    // maxBodyBytes fails as Malformed ("body limit exceeded"). Same deadline rules.
    static void getAsync(boost::asio::io_context& io, const HttpTarget& target, std::string accept,
                         std::size_t maxBodyBytes, std::chrono::milliseconds deadline, Callback done);
};

}  // namespace vigil::net
