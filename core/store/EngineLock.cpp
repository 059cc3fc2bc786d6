#include "store/EngineLock.h"

#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

namespace vigil::store {

namespace {

// This process's command line, arguments separated by spaces.
std::string ownCommandLine() {
    std::ifstream in("/proc/self/cmdline", std::ios::binary);
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!s.empty() && s.back() == '\0') s.pop_back();
    for (char& c : s)
        if (c == '\0' || c == '\n') c = ' ';
    return s;
}

// "pid N (command)" from the holder's lock file, or why it is unknown.
std::string describeHolder(int fd) {
    std::string text;
    char buf[4096];
    ssize_t n;
    off_t off = 0;
    while ((n = pread(fd, buf, sizeof buf, off)) > 0 && text.size() < 64 * 1024) {
        text.append(buf, static_cast<std::size_t>(n));
        off += n;
    }
    const auto nl = text.find('\n');
    if (text.rfind("pid ", 0) != 0 || nl == std::string::npos) return "a process that has not written its PID yet";
    const std::string pid = text.substr(4, nl - 4);
    std::string cmd = text.substr(nl + 1);
    while (!cmd.empty() && (cmd.back() == '\n' || cmd.back() == ' ')) cmd.pop_back();
    return "pid " + pid + " (" + (cmd.empty() ? std::string("command unknown") : cmd) + ")";
}

}  // namespace

Result<EngineLock> EngineLock::acquire(const std::string& dbPath) {
    EngineLock lock;
    lock.lockPath_ = dbPath + ".lock";
    const std::filesystem::path parent = std::filesystem::path(dbPath).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    lock.fd_ = ::open(lock.lockPath_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock.fd_ < 0)
        return Status::failure(dbPath + ": cannot create the engine lock " + lock.lockPath_ + ": " + std::strerror(errno));
    if (::flock(lock.fd_, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        std::string why = err == EWOULDBLOCK ? "another engine is recording into this database: " + describeHolder(lock.fd_) +
                                                   "; stop it or choose another database"
                                             : "cannot lock " + lock.lockPath_ + ": " + std::strerror(err);
        return Status::failure(dbPath + ": " + why);
    }
    // Ours now: say who we are, for the next one refused.
    const std::string me = "pid " + std::to_string(::getpid()) + "\n" + ownCommandLine() + "\n";
    if (::ftruncate(lock.fd_, 0) != 0 || ::pwrite(lock.fd_, me.data(), me.size(), 0) != ssize_t(me.size()))
        return Status::failure(dbPath + ": cannot write the engine lock " + lock.lockPath_ + ": " + std::strerror(errno));
    return lock;
}

EngineLock::~EngineLock() { release(); }

EngineLock::EngineLock(EngineLock&& o) noexcept : fd_(std::exchange(o.fd_, -1)), lockPath_(std::move(o.lockPath_)) {}

EngineLock& EngineLock::operator=(EngineLock&& o) noexcept {
    if (this != &o) {
        release();
        fd_ = std::exchange(o.fd_, -1);
        lockPath_ = std::move(o.lockPath_);
    }
    return *this;
}

void EngineLock::release() {
    // The file stays: removing it would let a third process lock a new inode
    // while a second still waits on the old one.
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

}  // namespace vigil::store
