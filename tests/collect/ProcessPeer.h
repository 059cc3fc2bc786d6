// Test fixture: a real server process (prometheus-node-exporter, prometheus) on
// a free loopback port. start() forks and execs it, then waits until an HTTP GET
// of `readyPath` answers 200; stop() ends it by PID (SIGTERM, then SIGKILL).
// A missing binary fails the test with the package to install.
#pragma once

#include "peers/AnvilPeer.h"

#include <QString>

#include <string>
#include <vector>

namespace collecttest {

class ProcessPeer {
public:
    ProcessPeer() = default;
    ProcessPeer(const ProcessPeer&) = delete;
    ProcessPeer& operator=(const ProcessPeer&) = delete;
    ~ProcessPeer() { stop(); }

    static int freePort() { return peers::AnvilPeer::freePort(); }

    // `args` may contain "{port}", replaced by the chosen port.
    bool start(const std::string& binary, std::vector<std::string> args, const std::string& readyPath,
               QString* error, int waitSeconds = 30) {
        struct stat st {};
        if (::stat(binary.c_str(), &st) != 0) {
            *error = QString::fromStdString(binary) + ": not installed (see installer/debian-packages.txt)";
            return false;
        }
        port_ = freePort();
        for (std::string& a : args)
            if (auto at = a.find("{port}"); at != std::string::npos) a.replace(at, 6, std::to_string(port_));
        args.insert(args.begin(), binary);
        const pid_t child = ::fork();
        if (child < 0) {
            *error = "fork failed";
            return false;
        }
        if (child == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            const int devnull = ::open("/dev/null", O_WRONLY);
            if (devnull >= 0) {
                ::dup2(devnull, STDOUT_FILENO);
                ::dup2(devnull, STDERR_FILENO);
            }
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(binary.c_str(), argv.data());
            ::_exit(127);
        }
        pid_ = child;
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(waitSeconds);
        while (std::chrono::steady_clock::now() < until) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = 0;
                *error = QString::fromStdString(binary) + QString(" exited during start-up (status %1)").arg(status);
                return false;
            }
            if (get(readyPath).rfind("HTTP/1.1 200", 0) == 0 || get(readyPath).rfind("HTTP/1.0 200", 0) == 0)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        *error = QString::fromStdString(binary) + QString(" did not answer on port %1 within %2 s").arg(port_).arg(waitSeconds);
        stop();
        return false;
    }

    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        for (int i = 0; i < 100; ++i) {
            if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
                pid_ = 0;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = 0;
    }

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string url(const std::string& path = "/") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

    // One GET over a plain socket, independent of the code under test: the whole
    // response (status line, headers, body), "" on failure (2 s receive limit).
    std::string get(const std::string& path) const {
        const std::string req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        timeval tv{2, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<uint16_t>(port_));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        std::string out;
        if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
            ::send(fd, req.data(), req.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(req.size())) {
            char buf[8192];
            ssize_t n;
            while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
        }
        ::close(fd);
        return out;
    }

private:
    pid_t pid_ = 0;
    int port_ = 0;
};

}  // namespace collecttest
