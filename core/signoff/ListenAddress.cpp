#include "signoff/ListenAddress.h"

#include <boost/asio/ip/address.hpp>

namespace vigil::signoff {

std::optional<ListenAddress> ListenAddress::parse(const std::string& text, std::string& error) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        error = "'" + text + "': expected ADDR:PORT (for example 127.0.0.1:8787)";
        return std::nullopt;
    }
    std::string host = text.substr(0, colon);
    const std::string port = text.substr(colon + 1);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(port) > 65535) {
        error = "'" + text + "': port '" + port + "' is not a number from 0 to 65535";
        return std::nullopt;
    }
    boost::system::error_code ec;
    const auto addr = boost::asio::ip::make_address(host, ec);
    if (ec) {
        error = "'" + text + "': '" + host + "' is not a numeric IP address";
        return std::nullopt;
    }
    ListenAddress out;
    out.address = addr.to_string();
    out.port = static_cast<std::uint16_t>(std::stoul(port));
    out.loopback = addr.is_loopback();
    return out;
}

std::string ListenAddress::str() const {
    const bool v6 = address.find(':') != std::string::npos;
    return (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

bool isLoopbackHost(const std::string& host) {
    if (host == "localhost") return true;
    boost::system::error_code ec;
    const auto addr = boost::asio::ip::make_address(host, ec);
    return !ec && addr.is_loopback();
}

}  // namespace vigil::signoff
