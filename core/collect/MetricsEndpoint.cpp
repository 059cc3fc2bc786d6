#include "collect/MetricsEndpoint.h"

#include "record/ThreadName.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <optional>
#include <thread>

namespace vigil::collect {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kMaxOpen = 16;  // a scraper or two and a curl; more is a misuse

class Exchange : public std::enable_shared_from_this<Exchange> {
public:
    Exchange(tcp::socket s, const MetricsEndpoint::Render& render, std::size_t& open)
        : stream_(std::move(s)), render_(render), open_(open) {
        ++open_;
    }
    ~Exchange() { --open_; }

    void run() {
        stream_.expires_after(std::chrono::seconds(10));
        http::async_read(stream_, buf_, req_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            self->answer();
        });
    }

private:
    void answer() {
        auto res = std::make_shared<http::response<http::string_body>>(http::status::ok, req_.version());
        const auto target = req_.target();
        if (req_.method() != http::verb::get || (target != "/metrics" && target.substr(0, 9) != "/metrics?")) {
            res->result(http::status::not_found);
            res->set(http::field::content_type, "text/plain");
            res->body() = "Vigil serves GET /metrics\n";
        } else {
            res->set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
            res->body() = render_();
        }
        res->keep_alive(false);
        res->prepare_payload();
        http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code, std::size_t) {
            beast::error_code ec;
            self->stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        });
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buf_;
    http::request<http::empty_body> req_;
    const MetricsEndpoint::Render& render_;
    std::size_t& open_;
};

}  // namespace

struct MetricsEndpoint::Impl {
    Impl(std::string a, int p, Render r) : address(std::move(a)), port(p), render(std::move(r)) {}
    std::string address;
    int port;
    Render render;
    std::size_t open = 0;
    asio::io_context io{1};
    std::optional<tcp::acceptor> acceptor;
    std::thread thread;
    int bound = -1;

    void accept() {
        acceptor->async_accept([this](beast::error_code ec, tcp::socket s) {
            if (ec == asio::error::operation_aborted) return;
            if (!ec && open < kMaxOpen) std::make_shared<Exchange>(std::move(s), render, open)->run();
            accept();
        });
    }
};

MetricsEndpoint::MetricsEndpoint(std::string address, int port, Render render)
    : impl_(std::make_unique<Impl>(std::move(address), port, std::move(render))) {}

MetricsEndpoint::~MetricsEndpoint() { stop(); }

std::string MetricsEndpoint::start() {
    auto& d = *impl_;
    beast::error_code ec;
    const auto addr = asio::ip::make_address(d.address, ec);
    if (ec) return "metrics: address '" + d.address + "' is not an IP address";
    d.acceptor.emplace(d.io);
    const tcp::endpoint ep(addr, static_cast<unsigned short>(d.port));
    d.acceptor->open(ep.protocol(), ec);
    if (!ec) d.acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) d.acceptor->bind(ep, ec);
    if (!ec) d.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        d.acceptor.reset();
        return "metrics: cannot listen on " + d.address + ":" + std::to_string(d.port) + ": " + ec.message();
    }
    d.bound = d.acceptor->local_endpoint().port();
    d.accept();
    d.thread = std::thread([&d] {
        nameThisThread("vigil-metrics");
        d.io.run();
    });
    return {};
}

void MetricsEndpoint::stop() {
    auto& d = *impl_;
    if (!d.thread.joinable()) return;
    d.io.stop();
    d.thread.join();
    d.acceptor.reset();
}

int MetricsEndpoint::port() const { return impl_->bound; }

}  // namespace vigil::collect
