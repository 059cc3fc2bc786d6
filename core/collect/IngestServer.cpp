#include "collect/IngestServer.h"

#include "collect/HttpIngestSession.h"
#include "collect/IngestContext.h"
#include "collect/TcpIngestSession.h"
#include "record/ThreadName.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <optional>
#include <thread>

namespace vigil::collect {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct IngestServer::Impl {
    Impl(IngestOptions o, RecordSink& sink) : ctx(std::move(o), sink) {}

    // Declared first so it is destroyed last: sessions still queued in io release into it.
    IngestContext ctx;
    asio::io_context io{1};
    std::optional<tcp::acceptor> http, tcpAcceptor;
    std::thread thread;
    int httpPort = -1, tcpPort = -1;
    bool running = false;

    std::string listen(std::optional<tcp::acceptor>& acc, int port, int& bound) {
        if (port < 0) return {};
        boost::system::error_code ec;
        const tcp::endpoint ep(asio::ip::make_address(ctx.opts.address, ec), static_cast<unsigned short>(port));
        if (ec) return "address '" + ctx.opts.address + "': " + ec.message();
        acc.emplace(io);
        acc->open(ep.protocol(), ec);
        if (!ec) acc->set_option(tcp::acceptor::reuse_address(true), ec);
        if (!ec) acc->bind(ep, ec);
        if (!ec) acc->listen(asio::socket_base::max_listen_connections, ec);
        if (ec) {
            acc.reset();
            return "cannot listen on " + ctx.opts.address + ":" + std::to_string(port) + ": " + ec.message();
        }
        bound = acc->local_endpoint().port();
        return {};
    }

    void accept(tcp::acceptor& acc, bool isHttp) {
        acc.async_accept([this, &acc, isHttp](boost::system::error_code ec, tcp::socket s) {
            if (ec == asio::error::operation_aborted || !acc.is_open()) return;
            if (!ec) {
                if (!ctx.admitConnection()) {
                    boost::system::error_code ignored;
                    s.close(ignored);  // over max_connections: closed at once, counted
                } else if (isHttp) {
                    startHttpIngestSession(std::move(s), ctx);
                } else {
                    std::make_shared<TcpIngestSession>(std::move(s), ctx)->start();
                }
            }
            accept(acc, isHttp);
        });
    }
};

IngestServer::IngestServer(IngestOptions opts, RecordSink& sink) : impl_(std::make_unique<Impl>(std::move(opts), sink)) {}

IngestServer::~IngestServer() { stop(); }

std::string IngestServer::start() {
    auto& d = *impl_;
    if (d.running) return {};
    if (auto why = validate(d.ctx.opts); !why.empty()) return why;
    std::string why = d.listen(d.http, d.ctx.opts.httpPort, d.httpPort);
    if (why.empty()) why = d.listen(d.tcpAcceptor, d.ctx.opts.tcpPort, d.tcpPort);
    if (!why.empty()) {
        d.http.reset();
        d.tcpAcceptor.reset();
        d.httpPort = d.tcpPort = -1;
        return why;
    }
    if (d.http) d.accept(*d.http, true);
    if (d.tcpAcceptor) d.accept(*d.tcpAcceptor, false);
    d.running = true;
    d.thread = std::thread([&d] {
        nameThisThread("vigil-ingest");
        d.io.run();
    });
    return {};
}

void IngestServer::stop() {
    auto& d = *impl_;
    if (!d.running) return;
    d.running = false;
    d.io.stop();
    if (d.thread.joinable()) d.thread.join();
    d.http.reset();
    d.tcpAcceptor.reset();
    // Sessions still referenced by pending handlers go when io is destroyed (with Impl).
}

int IngestServer::httpPort() const { return impl_->httpPort; }
int IngestServer::tcpPort() const { return impl_->tcpPort; }
const IngestStats& IngestServer::stats() const { return impl_->ctx.stats; }

}  // namespace vigil::collect
