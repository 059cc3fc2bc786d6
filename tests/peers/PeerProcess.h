// What the real-peer fixtures (peers/AnvilPeer.h, collect/ProcessPeer.h) share:
// a free loopback port, a child process started from argv that dies with the
// test, a wait until it answers (or exits, or the time is up), stopping it by
// PID, and one request over a plain loopback socket, independent of the code
// under test.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace peers {

// A port nothing listens on right now (the kernel's choice for port 0).
inline int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

// Forks and execs argv[0] with argv; stdout (and stderr when `quietStderr`) go
// to /dev/null, and the child is killed when the test process dies. The
// child's PID, or -1 when fork failed.
inline pid_t spawn(std::vector<std::string> argv, bool quietStderr) {
    const pid_t child = ::fork();
    if (child != 0) return child;
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a crashed test
    const int devnull = ::open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
        ::dup2(devnull, STDOUT_FILENO);
        if (quietStderr) ::dup2(devnull, STDERR_FILENO);
    }
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
}

// SIGCONT (a frozen peer cannot act on SIGTERM), SIGTERM, then SIGKILL if it
// has not gone within 5 s; reaps the child and sets pid to 0.
inline void stopByPid(pid_t& pid) {
    if (pid <= 0) return;
    ::kill(pid, SIGCONT);
    ::kill(pid, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        if (::waitpid(pid, nullptr, WNOHANG) == pid) {
            pid = 0;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    pid = 0;
}

// Spawns argv (as spawn()) into `pid` and polls ready() every `every` until it
// holds. False when the fork failed, the child exited or `within` passed
// (the child is then stopped), with the reason in whyNot.
template <class Ready>
bool startAndWait(std::vector<std::string> argv, bool quietStderr, pid_t& pid, std::chrono::seconds within,
                  std::chrono::milliseconds every, Ready&& ready, std::string& whyNot) {
    pid = spawn(std::move(argv), quietStderr);
    if (pid < 0) {
        pid = 0;
        whyNot = "fork failed";
        return false;
    }
    const auto until = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < until) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            pid = 0;
            whyNot = "exited during start-up (status " + std::to_string(status) + ")";
            return false;
        }
        if (ready()) return true;
        std::this_thread::sleep_for(every);
    }
    whyNot = "did not answer within " + std::to_string(within.count()) + " s";
    stopByPid(pid);
    return false;
}

// Sends `request` to 127.0.0.1:port and returns everything answered until the
// peer closes: the whole HTTP response, "" on failure (2 s send/receive limits).
inline std::string loopbackExchange(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{2, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string out;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char buf[8192];
        ssize_t n;
        while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return out;
}

}  // namespace peers
