// Test fixture: a real server process (prometheus-node-exporter, prometheus) on
// a free loopback port. start() forks and execs it, then waits until an HTTP GET
// of `readyPath` answers 200; stop() ends it by PID (SIGTERM, then SIGKILL).
// A missing binary fails the test with the package to install.
#pragma once

#include "peers/PeerProcess.h"

#include <QString>

#include <sys/stat.h>

#include <chrono>
#include <string>
#include <vector>

namespace collecttest {

class ProcessPeer {
public:
    ProcessPeer() = default;
    ProcessPeer(const ProcessPeer&) = delete;
    ProcessPeer& operator=(const ProcessPeer&) = delete;
    ~ProcessPeer() { stop(); }

    static int freePort() { return peers::freePort(); }

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
        const auto answers200 = [&] {
            const std::string r = get(readyPath);
            return r.rfind("HTTP/1.1 200", 0) == 0 || r.rfind("HTTP/1.0 200", 0) == 0;
        };
        std::string whyNot;
        if (peers::startAndWait(std::move(args), true, pid_, std::chrono::seconds(waitSeconds),
                                std::chrono::milliseconds(100), answers200, whyNot))
            return true;
        *error = QString::fromStdString(binary) + QString(" on port %1 ").arg(port_) + QString::fromStdString(whyNot);
        return false;
    }

    void stop() { peers::stopByPid(pid_); }

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string url(const std::string& path = "/") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

    // One GET over a plain socket, independent of the code under test: the whole
    // response (status line, headers, body), "" on failure (2 s receive limit).
    std::string get(const std::string& path) const {
        return peers::loopbackExchange(port_, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

private:
    pid_t pid_ = 0;
    int port_ = 0;
};

}  // namespace collecttest
