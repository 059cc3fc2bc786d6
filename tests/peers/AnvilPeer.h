// Test fixture: one real anvil node (a local Ethereum dev chain) from the npm
// package pinned in tests/peers/package.json, run directly from node_modules so
// the PID we hold is anvil's own (not a node wrapper's), on a free loopback
// port. start() waits until eth_chainId answers; stop() ends it by PID.
// kill9(), freeze() (SIGSTOP) and thaw() (SIGCONT) are the faults the
// failover tests inject. A missing binary is an error the test must FAIL on:
// installer/setup.sh installs it (npm ci in tests/peers).
#pragma once

#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)
#include "peers/PeerProcess.h"

#include <QString>

#include <dirent.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace peers {

class AnvilPeer {
public:
    AnvilPeer() = default;
    AnvilPeer(const AnvilPeer&) = delete;
    AnvilPeer& operator=(const AnvilPeer&) = delete;
    ~AnvilPeer() { stop(); }

    // $VIGIL_ANVIL, else the platform package's binary under tests/peers/node_modules.
    static std::string binaryPath() {
        if (const char* env = std::getenv("VIGIL_ANVIL"); env && *env) return env;
#if defined(__aarch64__)
        const char* arch = "linux-arm64";
#else
        const char* arch = "linux-amd64";
#endif
        return std::string(VIGIL_SOURCE_DIR) + "/tests/peers/node_modules/@foundry-rs/anvil-" + arch +
               "/bin/anvil";
    }

    static int freePort() { return peers::freePort(); }

    // Starts anvil (on a new free port the first time, the same port after
    // kill9()/stop(), so a "restarted" node is found where it was) and waits
    // up to 20 s for eth_chainId. False with the reason in *error.
    bool start(QString* error, std::vector<std::string> extraArgs = {}) {
        const std::string bin = binaryPath();
        struct stat st {};
        if (::stat(bin.c_str(), &st) != 0 || !(st.st_mode & S_IXUSR)) {
            *error = QString::fromStdString(bin) +
                     ": anvil not found; run installer/setup.sh (npm ci in tests/peers)";
            return false;
        }
        if (port_ == 0) port_ = freePort();
        const std::string port = std::to_string(port_);
        std::vector<std::string> args = {bin, "--host", "127.0.0.1", "--port", port, "--silent"};
        args.insert(args.end(), extraArgs.begin(), extraArgs.end());
        std::string whyNot;
        if (peers::startAndWait(
                std::move(args), false, pid_, std::chrono::seconds(20), std::chrono::milliseconds(50),
                [&] { return rawCall("eth_chainId", "[]").find("\"result\"") != std::string::npos; }, whyNot))
            return true;
        *error = QString("anvil on port %1 (eth_chainId) ").arg(port_) + QString::fromStdString(whyNot);
        return false;
    }

    // SIGTERM, then SIGKILL if it has not gone within 5 s; reaps the child.
    void stop() { peers::stopByPid(pid_); }

    void kill9() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = 0;
    }
    // SIGSTOP is asynchronous: wait (up to 2 s) until every thread of the
    // node is stopped, so no request sent after freeze() is answered.
    void freeze() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGSTOP);
        for (int i = 0; i < 200 && !allThreadsStopped(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    void thaw() { if (pid_ > 0) ::kill(pid_, SIGCONT); }

    pid_t pid() const { return pid_; }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

    // One JSON-RPC call over a plain socket, independent of the code under
    // test; returns the HTTP body ("" on any failure, 2 s receive limit).
    std::string rawCall(const std::string& method, const std::string& params) const {
        const std::string body =
            R"({"jsonrpc":"2.0","id":1,"method":")" + method + R"(","params":)" + params + "}";
        const std::string req = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                "Connection: close\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\n\r\n" + body;
        const std::string out = peers::loopbackExchange(port_, req);
        const auto split = out.find("\r\n\r\n");
        return split == std::string::npos ? std::string() : out.substr(split + 4);
    }

private:
    // Every /proc/PID/task/TID/stat shows state T (stopped) or t (traced).
    bool allThreadsStopped() const {
        const std::string dir = "/proc/" + std::to_string(pid_) + "/task";
        DIR* d = ::opendir(dir.c_str());
        if (!d) return false;
        bool all = true;
        while (dirent* e = ::readdir(d)) {
            if (e->d_name[0] == '.') continue;
            std::ifstream stat(dir + "/" + e->d_name + "/stat");
            std::string line;
            std::getline(stat, line);
            const auto close = line.rfind(')');
            if (close == std::string::npos || close + 2 >= line.size()) continue;  // thread gone
            const char state = line[close + 2];
            if (state != 'T' && state != 't') all = false;
        }
        ::closedir(d);
        return all;
    }

    pid_t pid_ = 0;
    int port_ = 0;
};

}  // namespace peers
