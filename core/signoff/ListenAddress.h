// Where the sign-off service listens: "ADDR:PORT" ("127.0.0.1:8787",
// "[::1]:8787", "0.0.0.0:8443"). Only loopback may be served without TLS.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace vigil::signoff {

inline constexpr const char* kDefaultListen = "127.0.0.1:8787";

struct ListenAddress {
    std::string address;  // numeric IPv4 or IPv6, no brackets
    std::uint16_t port = 0;  // 0: any free port (tests)
    bool loopback = true;

    // nullopt with a one-line reason naming the text when it is not
    // ADDR:PORT with a numeric address (names are not resolved: a bind
    // address must say exactly which interface).
    static std::optional<ListenAddress> parse(const std::string& text, std::string& error);
    std::string str() const;
};

// True for "localhost" and loopback IP literals (127.0.0.0/8, ::1): hosts a
// bearer token may be sent to over plain HTTP.
bool isLoopbackHost(const std::string& host);

}  // namespace vigil::signoff
