#include "net/HttpClient.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <memory>

namespace vigil::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::optional<HttpTarget> HttpTarget::parse(const std::string& url, std::string& error) {
    constexpr std::string_view scheme = "http://";
    if (url.rfind(scheme, 0) != 0) {
        error = url + ": endpoint url must start with http://";
        return std::nullopt;
    }
    std::string rest = url.substr(scheme.size());
    HttpTarget t;
    const auto slash = rest.find('/');
    if (slash != std::string::npos) {
        t.path = rest.substr(slash);
        rest.resize(slash);
    }
    const auto colon = rest.rfind(':');
    if (colon != std::string::npos && rest.find(']', colon) == std::string::npos) {
        t.host = rest.substr(0, colon);
        t.port = rest.substr(colon + 1);
    } else {
        t.host = rest;
        t.port = "80";
    }
    if (t.host.size() > 2 && t.host.front() == '[' && t.host.back() == ']')
        t.host = t.host.substr(1, t.host.size() - 2);
    if (t.host.empty() || t.port.empty() ||
        t.port.find_first_not_of("0123456789") != std::string::npos) {
        error = url + ": endpoint url needs a host and a numeric port";
        return std::nullopt;
    }
    return t;
}

namespace {

// One request's state, kept alive by the handlers that reference it. Resolver,
// socket and timer share a strand, so the deadline cannot race a completion
// even when several threads run the io_context.
class Exchange : public std::enable_shared_from_this<Exchange> {
public:
    // A POST of `body` (JSON), or a GET when `get` (body empty, `accept` sent).
    Exchange(asio::io_context& io, HttpTarget target, std::string body, HttpClient::Callback done,
             bool get = false, const std::string& accept = {}, std::size_t bodyLimit = 64u << 20)
        : strand_(asio::make_strand(io)), resolver_(strand_), stream_(strand_), timer_(strand_),
          target_(std::move(target)), done_(std::move(done)) {
        req_.method(get ? http::verb::get : http::verb::post);
        req_.target(target_.path);
        req_.version(11);
        const bool v6 = target_.host.find(':') != std::string::npos;
        req_.set(http::field::host, (v6 ? "[" + target_.host + "]" : target_.host) + ":" + target_.port);
        if (!get) req_.set(http::field::content_type, "application/json");
        if (!accept.empty()) req_.set(http::field::accept, accept);
        req_.set(http::field::connection, "close");
        if (!get) {
            req_.body() = std::move(body);
            req_.prepare_payload();
        }
        parser_.body_limit(bodyLimit);
    }

    void start(std::chrono::milliseconds deadline) {
        auto self = shared_from_this();
        asio::dispatch(strand_, [self, deadline] {
            self->timer_.expires_after(deadline);
            self->timer_.async_wait([self](beast::error_code ec) {
                if (!ec) self->onDeadline();
            });
            self->resolver_.async_resolve(self->target_.host, self->target_.port,
                [self](beast::error_code ec, tcp::resolver::results_type results) {
                    self->onResolved(ec, std::move(results));
                });
        });
    }

private:
    void onDeadline() {
        timedOut_ = true;
        resolver_.cancel();
        beast::error_code ignored;
        stream_.socket().close(ignored);
    }

    void onResolved(beast::error_code ec, tcp::resolver::results_type results) {
        if (ec) return fail(ec, "resolve");
        auto self = shared_from_this();
        stream_.async_connect(results, [self](beast::error_code ec, const tcp::endpoint&) {
            if (ec) return self->fail(ec, "connect");
            http::async_write(self->stream_, self->req_, [self](beast::error_code ec, std::size_t) {
                if (ec) return self->fail(ec, "write");
                http::async_read(self->stream_, self->buffer_, self->parser_,
                                 [self](beast::error_code ec, std::size_t) { self->onRead(ec); });
            });
        });
    }

    void onRead(beast::error_code ec) {
        if (ec) return fail(ec, "read");
        HttpResponse r;
        auto& res = parser_.get();
        r.status = static_cast<int>(res.result_int());
        r.body = std::move(res.body());
        if (r.status < 200 || r.status > 299) {
            r.error = NetError::Http;
            r.detail = target_.url() + ": HTTP " + std::to_string(r.status);
        }
        finish(std::move(r));
    }

    void fail(beast::error_code ec, const char* stage) {
        HttpResponse r;
        if (timedOut_) {
            r.error = NetError::Timeout;
            r.detail = target_.url() + ": no answer before the deadline (" + stage + ")";
        } else if (ec == asio::error::connection_refused) {
            r.error = NetError::Refused;
            r.detail = target_.url() + ": connection refused";
        } else if (std::string_view(ec.category().name()) == "beast.http") {
            r.error = NetError::Malformed;  // something answered, but not in HTTP
            r.detail = target_.url() + ": not an HTTP response: " + ec.message();
        } else {
            r.error = NetError::Network;
            r.detail = target_.url() + ": " + stage + ": " + ec.message();
        }
        finish(std::move(r));
    }

    void finish(HttpResponse r) {
        if (finished_) return;
        finished_ = true;
        timer_.cancel();
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.socket().close(ignored);
        auto done = std::move(done_);
        done(std::move(r));
    }

    asio::strand<asio::io_context::executor_type> strand_;
    tcp::resolver resolver_;
    beast::tcp_stream stream_;
    asio::steady_timer timer_;
    HttpTarget target_;
    HttpClient::Callback done_;
    http::request<http::string_body> req_;
    http::response_parser<http::string_body> parser_;
    beast::flat_buffer buffer_;
    bool timedOut_ = false;
    bool finished_ = false;
};

}  // namespace

void HttpClient::postAsync(asio::io_context& io, const HttpTarget& target, std::string body,
                           std::chrono::milliseconds deadline, Callback done) {
    std::make_shared<Exchange>(io, target, std::move(body), std::move(done))->start(deadline);
}

void HttpClient::getAsync(asio::io_context& io, const HttpTarget& target, std::string accept,
                          std::size_t maxBodyBytes, std::chrono::milliseconds deadline, Callback done) {
    std::make_shared<Exchange>(io, target, std::string(), std::move(done), true, accept, maxBodyBytes)
        ->start(deadline);
}

HttpResponse HttpClient::post(const HttpTarget& target, std::string body,
                              std::chrono::milliseconds deadline) {
    asio::io_context io(1);
    HttpResponse out;
    postAsync(io, target, std::move(body), deadline, [&out](HttpResponse r) { out = std::move(r); });
    io.run();
    return out;
}

}  // namespace vigil::net
