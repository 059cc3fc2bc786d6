#include "signoff/SignoffClient.h"

#include "net/Json.h"
#include "signoff/ApprovalJson.h"
#include "signoff/ListenAddress.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cctype>
#include <optional>
#include <type_traits>

namespace vigil::signoff {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using approve::ApprovalRequest;

struct SignoffClient::Impl {
    SignoffClientOptions opt;
    bool https = false;
    std::string host, port;
    std::vector<unsigned char> pin;  // 32 bytes when pinned
    std::optional<ssl::context> tls;
};

namespace {

struct Reply {
    SignoffFailure failure = SignoffFailure::None;
    int status = 0;
    std::string body;
    std::string detail;
};

std::string pathSegment(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

bool parsePin(std::string text, std::vector<unsigned char>& out) {
    std::string hex;
    for (const char c : text)
        if (c != ':') hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (hex.rfind("sha256/", 0) == 0 || hex.rfind("sha256=", 0) == 0) hex = hex.substr(7);
    if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdef") != std::string::npos) return false;
    out.clear();
    for (std::size_t i = 0; i < 64; i += 2) out.push_back(static_cast<unsigned char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return true;
}

template <class Stream>
constexpr bool kIsTls = !std::is_same_v<Stream, beast::tcp_stream>;

// One request on its own connection; the timer is the deadline for all of it.
template <class Stream>
class Exchange : public std::enable_shared_from_this<Exchange<Stream>> {
public:
    template <class... Args>
    Exchange(asio::io_context& io, const SignoffClient::Impl& c, http::request<http::string_body> req, Reply& out,
             Args&&... streamArgs)
        : c_(c), resolver_(io), stream_(io, std::forward<Args>(streamArgs)...), timer_(io), req_(std::move(req)), out_(out) {
        parser_.body_limit(64u << 20);
    }

    void start() {
        auto self = this->shared_from_this();
        timer_.expires_after(c_.opt.deadline);
        timer_.async_wait([self](beast::error_code ec) {
            if (ec) return;
            self->timedOut_ = true;
            self->resolver_.cancel();
            beast::error_code ignored;
            beast::get_lowest_layer(self->stream_).socket().close(ignored);
        });
        if constexpr (kIsTls<Stream>) setUpVerification();
        resolver_.async_resolve(c_.host, c_.port, [self](beast::error_code ec, tcp::resolver::results_type rs) {
            if (ec) return self->fail(ec, "resolve");
            beast::get_lowest_layer(self->stream_).async_connect(rs, [self](beast::error_code ec, const tcp::endpoint&) {
                if (ec) return self->fail(ec, "connect");
                if constexpr (kIsTls<Stream>) {
                    self->stream_.async_handshake(ssl::stream_base::client, [self](beast::error_code ec) {
                        if (ec) return self->fail(ec, "TLS handshake");
                        self->write();
                    });
                } else {
                    self->write();
                }
            });
        });
    }

private:
    void setUpVerification() {
        boost::system::error_code ignored;
        boost::asio::ip::make_address(c_.host, ignored);
        if (ignored) SSL_set_tlsext_host_name(stream_.native_handle(), c_.host.c_str());  // SNI for names only
        stream_.set_verify_mode(ssl::verify_peer);
        if (!c_.pin.empty()) {
            // `this`, not a shared_ptr: the stream holds the callback, and the
            // exchange outlives its stream's handshake.
            Exchange* self = this;
            stream_.set_verify_callback([self](bool, ssl::verify_context& vc) {
                X509_STORE_CTX* ctx = vc.native_handle();
                if (X509_STORE_CTX_get_error_depth(ctx) > 0) return true;  // the leaf below decides
                unsigned char md[EVP_MAX_MD_SIZE];
                unsigned int n = 0;
                X509* cert = X509_STORE_CTX_get_current_cert(ctx);
                const bool same = cert && X509_digest(cert, EVP_sha256(), md, &n) == 1 && n == self->c_.pin.size() &&
                                  std::equal(md, md + n, self->c_.pin.begin());
                if (!same) self->pinMismatch_ = true;
                return same;
            });
        } else {
            stream_.set_verify_callback(ssl::host_name_verification(c_.host));
        }
    }

    void write() {
        auto self = this->shared_from_this();
        http::async_write(stream_, req_, [self](beast::error_code ec, std::size_t) {
            if (ec) return self->fail(ec, "write");
            http::async_read(self->stream_, self->buffer_, self->parser_, [self](beast::error_code ec, std::size_t) {
                if (ec) return self->fail(ec, "read");
                self->out_.status = static_cast<int>(self->parser_.get().result_int());
                self->out_.body = std::move(self->parser_.get().body());
                self->finish();
            });
        });
    }

    void fail(beast::error_code ec, const char* stage) {
        const std::string url = c_.opt.url;
        if (timedOut_) {
            out_.failure = SignoffFailure::Connection;
            out_.detail = url + ": no answer within " + std::to_string(c_.opt.deadline.count()) + " ms (" + stage + ")";
        } else if (ec == asio::error::connection_refused) {
            out_.failure = SignoffFailure::Connection;
            out_.detail = url + ": connection refused (is the sign-off service running?)";
        } else if (pinMismatch_) {
            out_.failure = SignoffFailure::Tls;
            out_.detail = url + ": the server's certificate is not the pinned one (SHA-256 differs)";
        } else if (ec.category() == asio::error::get_ssl_category() || std::string_view(stage) == "TLS handshake") {
            out_.failure = SignoffFailure::Tls;
            std::string why = ec.message();
            if constexpr (kIsTls<Stream>) {
                const long v = SSL_get_verify_result(stream_.native_handle());
                if (v != X509_V_OK) why += " (" + std::string(X509_verify_cert_error_string(v)) + ")";
            }
            out_.detail = url + ": " + stage + " failed: " + why;
        } else if (std::string_view(ec.category().name()) == "beast.http") {
            out_.failure = SignoffFailure::Malformed;
            out_.detail = url + ": not an HTTP answer: " + ec.message();
        } else {
            out_.failure = SignoffFailure::Connection;
            out_.detail = url + ": " + stage + ": " + ec.message();
        }
        finish();
    }

    void finish() {
        if (finished_) return;
        finished_ = true;
        timer_.cancel();
        beast::error_code ignored;
        beast::get_lowest_layer(stream_).socket().close(ignored);
    }

    const SignoffClient::Impl& c_;
    tcp::resolver resolver_;
    Stream stream_;
    asio::steady_timer timer_;
    http::request<http::string_body> req_;
    http::response_parser<http::string_body> parser_;
    beast::flat_buffer buffer_;
    Reply& out_;
    bool timedOut_ = false, pinMismatch_ = false, finished_ = false;
};

Reply exchange(const SignoffClient::Impl& c, http::verb method, const std::string& target, std::string body) {
    http::request<http::string_body> req{method, target, 11};
    const bool v6 = c.host.find(':') != std::string::npos;
    req.set(http::field::host, (v6 ? "[" + c.host + "]" : c.host) + ":" + c.port);
    req.set(http::field::authorization, "Bearer " + c.opt.token);
    req.set(http::field::user_agent, "vigil-signoff-client");
    req.set(http::field::accept, "application/json");
    req.set(http::field::connection, "close");
    if (method == http::verb::post) {
        req.set(http::field::content_type, "application/json");
        req.body() = std::move(body);
    }
    req.prepare_payload();

    asio::io_context io(1);
    Reply out;
    if (c.https)
        std::make_shared<Exchange<beast::ssl_stream<beast::tcp_stream>>>(io, c, std::move(req), out,
                                                                          const_cast<ssl::context&>(*c.tls))
            ->start();
    else
        std::make_shared<Exchange<beast::tcp_stream>>(io, c, std::move(req), out)->start();
    io.run();
    return out;
}

// A transport failure, an error answer (its "error" text verbatim) or ok.
SignoffResult judge(const SignoffClient::Impl& c, const Reply& r) {
    if (r.failure != SignoffFailure::None) return {r.failure, r.status, r.detail};
    if (r.status == 200) return {SignoffFailure::None, r.status, {}};
    if (auto text = readError(r.body)) return {SignoffFailure::Answer, r.status, *text};
    return {SignoffFailure::Malformed, r.status, c.opt.url + ": HTTP " + std::to_string(r.status) + " without a sign-off error text"};
}

SignoffResult malformed(const SignoffClient::Impl& c, int status, const std::string& why) {
    return {SignoffFailure::Malformed, status, c.opt.url + ": unexpected answer: " + why};
}

}  // namespace

SignoffClient::SignoffClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SignoffClient::~SignoffClient() = default;

const std::string& SignoffClient::url() const { return impl_->opt.url; }

std::unique_ptr<SignoffClient> SignoffClient::create(const SignoffClientOptions& options, std::string& error) {
    auto c = std::make_unique<Impl>();
    c->opt = options;
    std::string rest;
    const std::string& url = options.url;
    if (url.rfind("https://", 0) == 0) {
        c->https = true;
        rest = url.substr(8);
    } else if (url.rfind("http://", 0) == 0) {
        rest = url.substr(7);
    } else {
        error = "url '" + url + "': must start with http:// or https://";
        return nullptr;
    }
    while (!rest.empty() && rest.back() == '/') rest.pop_back();
    if (rest.find('/') != std::string::npos || rest.find('?') != std::string::npos) {
        error = "url '" + url + "': give only scheme, host and port (the service's paths are fixed)";
        return nullptr;
    }
    c->port = c->https ? "443" : "80";
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string::npos) {
            error = "url '" + url + "': unclosed [ in the host";
            return nullptr;
        }
        c->host = rest.substr(1, close - 1);
        if (close + 1 < rest.size()) {
            if (rest[close + 1] != ':') {
                error = "url '" + url + "': expected :PORT after the host";
                return nullptr;
            }
            c->port = rest.substr(close + 2);
        }
    } else if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
        c->host = rest.substr(0, colon);
        c->port = rest.substr(colon + 1);
    } else {
        c->host = rest;
    }
    if (c->host.empty() || c->port.empty() || c->port.size() > 5 || c->port.find_first_not_of("0123456789") != std::string::npos) {
        error = "url '" + url + "': needs a host and a numeric port";
        return nullptr;
    }
    if (!c->https && !isLoopbackHost(c->host)) {
        error = "url '" + url + "': refusing to send a bearer token over plain http to a non-loopback host (use https)";
        return nullptr;
    }
    if (options.token.empty()) {
        error = "token: empty";
        return nullptr;
    }
    if (options.deadline.count() <= 0) {
        error = "deadline: must be above 0 ms";
        return nullptr;
    }
    if (!c->https && (!options.caFile.empty() || !options.pinSha256.empty())) {
        error = "url '" + url + "': a CA file or pin needs an https:// url";
        return nullptr;
    }
    if (!options.caFile.empty() && !options.pinSha256.empty()) {
        error = "give a CA file or a pinned certificate, not both";
        return nullptr;
    }
    if (!options.pinSha256.empty() && !parsePin(options.pinSha256, c->pin)) {
        error = "pin '" + options.pinSha256 + "': expected the certificate's SHA-256 as 64 hex digits (colons allowed)";
        return nullptr;
    }
    if (c->https) {
        c->tls.emplace(ssl::context::tls_client);
        c->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                            ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
        boost::system::error_code ec;
        if (!options.caFile.empty()) {
            c->tls->load_verify_file(options.caFile, ec);
            if (ec) {
                error = options.caFile + ": cannot read as CA certificates (PEM): " + ec.message();
                return nullptr;
            }
        } else if (c->pin.empty()) {
            c->tls->set_default_verify_paths(ec);
        }
    }
    return std::unique_ptr<SignoffClient>(new SignoffClient(std::move(c)));
}

SignoffResult SignoffClient::list(bool all, std::vector<ApprovalRequest>& out, TimestampMs* serverNow) const {
    const Reply r = exchange(*impl_, http::verb::get, all ? "/v1/approvals?all=1" : "/v1/approvals", {});
    SignoffResult res = judge(*impl_, r);
    if (!res) return res;
    std::string why;
    if (!readApprovalList(r.body, out, why)) return malformed(*impl_, r.status, why);
    if (serverNow && !readNow(r.body, *serverNow)) return malformed(*impl_, r.status, "now: missing or not an integer");
    return res;
}

SignoffResult SignoffClient::whoami(std::string& identity) const {
    const Reply r = exchange(*impl_, http::verb::get, "/v1/whoami", {});
    SignoffResult res = judge(*impl_, r);
    if (!res) return res;
    const auto who = net::jsonString(r.body, "/identity");
    if (!who || who->empty()) return malformed(*impl_, r.status, "identity: missing or not a string");
    identity = *who;
    return res;
}

SignoffResult SignoffClient::show(const std::string& id, ApprovalRequest& out, TimestampMs* serverNow) const {
    const Reply r = exchange(*impl_, http::verb::get, "/v1/approvals/" + pathSegment(id), {});
    SignoffResult res = judge(*impl_, r);
    if (!res) return res;
    std::string why;
    if (!readApprovalAnswer(r.body, out, why)) return malformed(*impl_, r.status, why);
    if (serverNow && !readNow(r.body, *serverNow)) return malformed(*impl_, r.status, "now: missing or not an integer");
    return res;
}

SignoffResult SignoffClient::decide(const std::string& id, const char* verb, const std::string& comment,
                                    ApprovalRequest& out) const {
    const Reply r = exchange(*impl_, http::verb::post, "/v1/approvals/" + pathSegment(id) + "/" + verb,
                             net::JsonObject().add("comment", comment).str());
    SignoffResult res = judge(*impl_, r);
    if (!res) return res;
    std::string why;
    if (!readApprovalAnswer(r.body, out, why)) return malformed(*impl_, r.status, why);
    res.message = net::jsonString(r.body, "/message").value_or("");
    return res;
}

SignoffResult SignoffClient::approve(const std::string& id, const std::string& comment, ApprovalRequest& out) const {
    return decide(id, "approve", comment, out);
}

SignoffResult SignoffClient::reject(const std::string& id, const std::string& comment, ApprovalRequest& out) const {
    return decide(id, "reject", comment, out);
}

}  // namespace vigil::signoff
