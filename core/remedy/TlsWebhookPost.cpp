#include "remedy/TlsWebhookPost.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/x509.h>

namespace vigil::remedy {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

struct TlsWebhookPost::Impl {
    ssl::context ctx{ssl::context::tls_client};
};

TlsWebhookPost::TlsWebhookPost(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TlsWebhookPost::~TlsWebhookPost() = default;

std::unique_ptr<TlsWebhookPost> TlsWebhookPost::create(const std::string& caFile, std::string& error) {
    auto impl = std::make_unique<Impl>();
    impl->ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                          ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    beast::error_code ec;
    if (!caFile.empty()) {
        impl->ctx.load_verify_file(caFile, ec);
        if (ec) {
            error = "notify.ca_file: " + caFile + ": cannot load CA certificates: " + ec.message();
            return nullptr;
        }
    } else {
        impl->ctx.set_default_verify_paths(ec);
        if (ec) {
            error = "notify.webhook: cannot load the system's CA certificates: " + ec.message();
            return nullptr;
        }
    }
    impl->ctx.set_verify_mode(ssl::verify_peer);
    return std::unique_ptr<TlsWebhookPost>(new TlsWebhookPost(std::move(impl)));
}

net::HttpResponse TlsWebhookPost::post(const net::HttpTarget& target, const std::string& body,
                                       std::chrono::milliseconds deadline) const {
    net::HttpResponse out;
    asio::io_context io;
    beast::ssl_stream<beast::tcp_stream> stream(io, impl_->ctx);
    tcp::resolver resolver(io);
    http::request<http::string_body> req{http::verb::post, target.path, 11};
    const bool v6 = target.host.find(':') != std::string::npos;
    req.set(http::field::host, (v6 ? "[" + target.host + "]" : target.host) + ":" + target.port);
    req.set(http::field::content_type, "application/json");
    req.set(http::field::connection, "close");
    req.body() = body;
    req.prepare_payload();
    beast::flat_buffer buffer;
    http::response<http::string_body> res;

    auto fail = [&](net::NetError e, const std::string& stage, const beast::error_code& ec) {
        out.error = e;
        out.detail = stage + ": " + ec.message();
        if (stage == "TLS handshake") {
            const long v = SSL_get_verify_result(stream.native_handle());
            if (v != X509_V_OK) out.detail += " (" + std::string(X509_verify_cert_error_string(v)) + ")";
        }
    };
    // SNI and the name the certificate must carry.
    if (!v6) SSL_set_tlsext_host_name(stream.native_handle(), target.host.c_str());
    stream.set_verify_callback(ssl::host_name_verification(target.host));
    beast::get_lowest_layer(stream).expires_after(deadline);
    const auto until = std::chrono::steady_clock::now() + deadline;

    resolver.async_resolve(target.host, target.port, [&](beast::error_code ec, tcp::resolver::results_type results) {
        if (ec) return fail(net::NetError::Network, "resolve", ec);
        beast::get_lowest_layer(stream).async_connect(results, [&](beast::error_code ec, const tcp::endpoint&) {
            if (ec) return fail(ec == asio::error::connection_refused ? net::NetError::Refused
                                : ec == beast::error::timeout        ? net::NetError::Timeout
                                                                     : net::NetError::Network,
                                "connect", ec);
            stream.async_handshake(ssl::stream_base::client, [&](beast::error_code ec) {
                if (ec) return fail(ec == beast::error::timeout ? net::NetError::Timeout : net::NetError::Network, "TLS handshake", ec);
                http::async_write(stream, req, [&](beast::error_code ec, std::size_t) {
                    if (ec) return fail(ec == beast::error::timeout ? net::NetError::Timeout : net::NetError::Network, "write", ec);
                    http::async_read(stream, buffer, res, [&](beast::error_code ec, std::size_t) {
                        if (ec) return fail(ec == beast::error::timeout ? net::NetError::Timeout : net::NetError::Network, "read", ec);
                        out.status = static_cast<int>(res.result_int());
                        out.body = res.body();
                        if (out.status < 200 || out.status > 299) {
                            out.error = net::NetError::Http;
                            out.detail = "HTTP " + std::to_string(out.status);
                        }
                    });
                });
            });
        });
    });
    io.run_until(until);
    if (!io.stopped()) {  // the resolver is not covered by the stream's deadline
        resolver.cancel();
        beast::get_lowest_layer(stream).close();
        io.run();
        out.error = net::NetError::Timeout;
        out.detail = "no answer within " + std::to_string(deadline.count()) + " ms";
    }
    return out;
}

}  // namespace vigil::remedy
