#include "audit/AuditKey.h"

#include <openssl/rand.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vigil::audit {

using store::Result;
using store::Status;

namespace {

std::string sysError(const std::string& path, const std::string& what) {
    return path + ": " + what + ": " + std::strerror(errno);
}

std::string octal(mode_t m) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(m & 07777));
    return buf;
}

// mkdir -p with mode 0700 for the folders it creates.
Status makeFolders(const std::string& dir) {
    if (dir.empty()) return {};
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return {};
        return Status::failure(dir + ": exists and is not a folder");
    }
    const auto slash = dir.find_last_of('/');
    if (slash != std::string::npos && slash > 0)
        if (Status s = makeFolders(dir.substr(0, slash)); !s) return s;
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return Status::failure(sysError(dir, "cannot create folder"));
    return {};
}

}  // namespace

std::string defaultKeyPath() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg == '/') return std::string(xdg) + "/vigil/audit.key";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::string(home) + "/.config/vigil/audit.key";
    return {};
}

Result<AuditKey> loadKey(const std::string& path) {
    if (path.empty()) return Status::failure("no audit key path (set XDG_CONFIG_HOME or HOME, or pass --key FILE)");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return Status::failure(sysError(path, "cannot open audit key"));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const auto why = sysError(path, "cannot stat audit key");
        ::close(fd);
        return Status::failure(why);
    }
    auto refuse = [&](std::string why) {
        ::close(fd);
        return Status::failure(path + ": " + why);
    };
    if (!S_ISREG(st.st_mode)) return refuse("audit key is not a regular file");
    if (st.st_mode & 077)
        return refuse("audit key has mode " + octal(st.st_mode) +
                      ", refused: group and others must have no access (chmod 600 " + path + ")");
    if (st.st_uid != ::geteuid()) return refuse("audit key belongs to another user (uid " + std::to_string(st.st_uid) + ")");
    if (st.st_size != static_cast<off_t>(kAuditKeyBytes))
        return refuse("audit key is " + std::to_string(st.st_size) + " bytes, expected " + std::to_string(kAuditKeyBytes));
    AuditKey key{path, std::vector<unsigned char>(kAuditKeyBytes)};
    std::size_t got = 0;
    while (got < kAuditKeyBytes) {
        const ssize_t n = ::read(fd, key.bytes.data() + got, kAuditKeyBytes - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const auto why = sysError(path, "cannot read audit key");
            ::close(fd);
            return Status::failure(why);
        }
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return key;
}

Result<AuditKey> loadOrCreateKey(const std::string& path) {
    if (path.empty()) return loadKey(path);
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 || errno != ENOENT) return loadKey(path);

    const auto slash = path.find_last_of('/');
    if (slash != std::string::npos)
        if (Status s = makeFolders(path.substr(0, slash)); !s) return s;
    std::vector<unsigned char> bytes(kAuditKeyBytes);
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        return Status::failure(path + ": OpenSSL RAND_bytes failed, no audit key created");
    // Written in full to a private temporary file, then linked into place: the
    // key appears complete or not at all, and when two processes race to create
    // it, link() lets one win and the other reads the winner's key.
    std::string tmp = path + ".XXXXXX";
    const int fd = ::mkstemp(tmp.data());  // a new file, mode 0600
    if (fd < 0) return Status::failure(sysError(tmp, "cannot create audit key"));
    const bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) && ::fsync(fd) == 0;
    std::string why = ok ? std::string() : sysError(tmp, "cannot write audit key");
    ::close(fd);
    if (ok && ::link(tmp.c_str(), path.c_str()) != 0) {
        const bool lost = errno == EEXIST;
        why = sysError(path, "cannot create audit key");
        ::unlink(tmp.c_str());
        if (lost) return loadKey(path);
    }
    ::unlink(tmp.c_str());
    if (!why.empty()) return Status::failure(why);
    return AuditKey{path, std::move(bytes)};
}

}  // namespace vigil::audit
