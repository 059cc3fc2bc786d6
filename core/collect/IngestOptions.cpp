#include "collect/IngestOptions.h"

#include <boost/asio/ip/address.hpp>

namespace vigil::collect {

bool isLoopbackAddress(const std::string& address) {
    boost::system::error_code ec;
    const auto a = boost::asio::ip::make_address(address, ec);
    return !ec && a.is_loopback();
}

std::string validate(const IngestOptions& o) {
    boost::system::error_code ec;
    boost::asio::ip::make_address(o.address, ec);
    if (ec) return "address '" + o.address + "' is not an IP address";
    if (o.httpPort < 0 && o.tcpPort < 0) return "neither an HTTP nor a TCP port is set";
    for (int p : {o.httpPort, o.tcpPort})
        if (p > 65535) return "port " + std::to_string(p) + " is over 65535";
    // Tokens are required everywhere; the wording says why it matters most off loopback.
    if (o.tokens.empty())
        return isLoopbackAddress(o.address) ? "no token: every listener needs at least one"
                                            : "address " + o.address + " is not loopback and there is no token";
    for (const auto& t : o.tokens)
        if (t.size() < 16) return "a token is shorter than 16 characters";
    const auto& l = o.limits;
    if (l.maxLineBytes == 0 || l.maxBodyBytes == 0 || l.maxConnections == 0 || l.maxBatchRecords == 0 ||
        l.idleTimeout.count() <= 0)
        return "every limit must be above 0";
    if (l.maxLineBytes > l.maxBodyBytes) return "max_line_bytes is over max_body_bytes";
    return {};
}

}  // namespace vigil::collect
