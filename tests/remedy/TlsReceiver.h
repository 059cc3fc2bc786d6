// A loopback HTTPS receiver for webhook tests: serves a certificate (made by
// signofftest::makeSelfSigned), answers every POST with 200 and keeps the
// bodies. One thread, one connection at a time; stopped in the destructor.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace remedytest {

class TlsReceiver {
public:
    TlsReceiver(const std::string& certFile, const std::string& keyFile, const std::string& address = "127.0.0.1")
        : address_(boost::asio::ip::make_address(address)) {
        namespace ssl = boost::asio::ssl;
        ctx_.use_certificate_chain_file(certFile);
        ctx_.use_private_key_file(keyFile, ssl::context::pem);
        acceptor_.open(boost::asio::ip::tcp::v4());
        acceptor_.bind({address_, 0});
        acceptor_.listen();
        port_ = acceptor_.local_endpoint().port();
        thread_ = std::thread([this] { serve(); });
    }
    ~TlsReceiver() {
        stop_ = true;
        boost::system::error_code ec;
        // Wake the blocking accept with a connection of our own.
        boost::asio::ip::tcp::socket poke(io_);
        poke.connect({address_, port_}, ec);
        thread_.join();
    }
    unsigned short port() const { return port_; }
    std::vector<std::string> bodies() const {
        std::lock_guard lk(m_);
        return bodies_;
    }

private:
    void serve() {
        namespace beast = boost::beast;
        namespace http = beast::http;
        while (!stop_) {
            boost::system::error_code ec;
            boost::asio::ip::tcp::socket sock(io_);
            acceptor_.accept(sock, ec);
            if (ec || stop_) continue;
            beast::ssl_stream<boost::asio::ip::tcp::socket> s(std::move(sock), ctx_);
            s.handshake(boost::asio::ssl::stream_base::server, ec);
            if (ec) continue;  // the client refused our certificate
            beast::flat_buffer buf;
            http::request<http::string_body> req;
            http::read(s, buf, req, ec);
            if (ec) continue;
            {
                std::lock_guard lk(m_);
                bodies_.push_back(req.body());
            }
            http::response<http::string_body> res{http::status::ok, 11};
            res.set(http::field::content_type, "application/json");
            res.body() = "{}";
            res.prepare_payload();
            http::write(s, res, ec);
            s.shutdown(ec);
        }
    }

    boost::asio::ip::address address_;
    boost::asio::io_context io_;
    boost::asio::ssl::context ctx_{boost::asio::ssl::context::tls_server};
    boost::asio::ip::tcp::acceptor acceptor_{io_};
    unsigned short port_ = 0;
    std::atomic<bool> stop_{false};
    mutable std::mutex m_;
    std::vector<std::string> bodies_;
    std::thread thread_;
};

}  // namespace remedytest
