// Shared by the ingest tests: a RecordSink that keeps what it is given (and can
// be told to refuse, like a full engine queue), and small blocking clients on
// loopback. Waits are hang guards, never timing assertions.
#pragma once

#include "collect/IngestServer.h"
#include "collect/RecordSink.h"
#include "record/NdjsonCodec.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ingesttest {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

inline const std::string kToken = "test-token-0123456789abcdef";

class VectorSink final : public vigil::collect::RecordSink {
public:
    bool offer(std::vector<vigil::Record>& batch) override {
        if (refuse) {
            ++refusals;
            return false;
        }
        std::lock_guard lk(m_);
        for (auto& r : batch) got_.push_back(std::move(r));
        batch.clear();
        return true;
    }
    std::size_t size() const {
        std::lock_guard lk(m_);
        return got_.size();
    }
    std::vector<vigil::Record> records() const {
        std::lock_guard lk(m_);
        return got_;
    }
    // Hang guard: true once `n` records arrived.
    bool waitFor(std::size_t n, int timeoutMs = 30000) const {
        for (int waited = 0; waited < timeoutMs; waited += 5) {
            if (size() >= n) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return size() >= n;
    }
    std::atomic<bool> refuse{false};
    std::atomic<int> refusals{0};

private:
    mutable std::mutex m_;
    std::vector<vigil::Record> got_;
};

template <class Pred>
bool waitUntil(Pred p, int timeoutMs = 30000) {
    for (int waited = 0; waited < timeoutMs; waited += 5) {
        if (p()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return p();
}

inline vigil::collect::IngestOptions loopbackOptions() {
    vigil::collect::IngestOptions o;
    o.httpPort = 0;
    o.tcpPort = 0;
    o.tokens = {kToken};
    return o;
}

// Metric records numbered 0..n-1 on target `target`: order and content checkable.
inline std::vector<vigil::Record> numbered(const std::string& target, int n, vigil::TimestampMs t0 = 1767225600000) {
    std::vector<vigil::Record> v;
    for (int i = 0; i < n; ++i) v.push_back(vigil::MetricSample{t0 + i, "ingest.seq", target, double(i)});
    return v;
}

inline std::string ndjson(const std::vector<vigil::Record>& rs) {
    std::string s;
    for (const auto& r : rs) vigil::appendNdjson(s, r);
    return s;
}

// Records of one target in arrival order.
inline std::vector<vigil::Record> ofTarget(const std::vector<vigil::Record>& all, const std::string& target) {
    std::vector<vigil::Record> v;
    for (const auto& r : all)
        if (auto* m = std::get_if<vigil::MetricSample>(&r); m && m->target == target) v.push_back(r);
    return v;
}

struct Client {
    asio::io_context io;
    tcp::socket socket{io};
    explicit Client(int port) { socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port))); }
    bool send(const std::string& bytes) {
        boost::system::error_code ec;
        asio::write(socket, asio::buffer(bytes), ec);
        return !ec;
    }
    // Everything the server sends until it closes (or a hang guard of the socket's own).
    std::string readToEnd() {
        std::string out;
        boost::system::error_code ec;
        char buf[4096];
        for (;;) {
            const auto n = socket.read_some(asio::buffer(buf), ec);
            out.append(buf, n);
            if (ec) break;
        }
        return out;
    }
    std::string readLine() {
        std::string out;
        char c;
        boost::system::error_code ec;
        while (asio::read(socket, asio::buffer(&c, 1), ec) == 1 && c != '\n') out += c;
        return out;
    }
};

struct HttpAnswer {
    int status = 0;
    std::string body;
    std::string error;
};

// One request on a fresh connection, through Beast (what an agent's HTTP client does).
inline HttpAnswer post(int port, const std::string& path, const std::string& body, const std::string& token = kToken,
                       const std::string& contentType = "application/x-ndjson", const std::string& contentEncoding = "") {
    HttpAnswer a;
    try {
        asio::io_context io;
        boost::beast::tcp_stream stream(io);
        stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
        http::request<http::string_body> req(http::verb::post, path, 11);
        req.set(http::field::host, "127.0.0.1");
        req.set(http::field::content_type, contentType);
        if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
        if (!contentEncoding.empty()) req.set(http::field::content_encoding, contentEncoding);
        req.body() = body;
        req.prepare_payload();
        stream.expires_after(std::chrono::seconds(60));
        http::write(stream, req);
        boost::beast::flat_buffer buf;
        http::response<http::string_body> res;
        http::read(stream, buf, res);
        a.status = res.result_int();
        a.body = res.body();
    } catch (const std::exception& e) {
        a.error = e.what();
    }
    return a;
}

}  // namespace ingesttest
