// A one-thread loopback TCP server for client tests: answers each connection
// with a fixed byte string (any HTTP response, or garbage), or, with
// `silent`, accepts nothing at all so a client's connect succeeds through the
// kernel backlog and its read waits forever (a hung node).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace nettest {

class CannedServer {
public:
    explicit CannedServer(std::string reply, bool silent = false) : reply_(std::move(reply)) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        ::listen(fd_, 16);
        if (!silent) thread_ = std::thread([this] { serve(); });
    }
    ~CannedServer() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
        ::close(fd_);
    }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
    int served() const { return served_; }
    // Every request as received (head and body), oldest first.
    std::vector<std::string> requests() const {
        std::lock_guard lk(requestsMutex_);
        return requests_;
    }

private:
    void serve() {
        while (!stop_) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            const int c = ::accept(fd_, nullptr, nullptr);
            if (c < 0) continue;
            // Read the request head and body (Content-Length) before answering.
            std::string in;
            char buf[4096];
            ssize_t n;
            while ((n = ::recv(c, buf, sizeof buf, 0)) > 0) {
                in.append(buf, static_cast<size_t>(n));
                const auto head = in.find("\r\n\r\n");
                if (head == std::string::npos) continue;
                const auto cl = in.find("Content-Length: ");
                const size_t body = cl == std::string::npos ? 0 : std::stoul(in.substr(cl + 16));
                if (in.size() >= head + 4 + body) break;
            }
            {
                std::lock_guard lk(requestsMutex_);
                requests_.push_back(in);
            }
            ::send(c, reply_.data(), reply_.size(), MSG_NOSIGNAL);
            ::shutdown(c, SHUT_RDWR);
            ::close(c);
            ++served_;
        }
    }

    std::string reply_;
    mutable std::mutex requestsMutex_;
    std::vector<std::string> requests_;
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> served_{0};
    std::thread thread_;
};

inline std::string httpReply(int status, const std::string& body) {
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace nettest
