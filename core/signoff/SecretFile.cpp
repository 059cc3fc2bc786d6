#include "signoff/SecretFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vigil::signoff {

namespace {
constexpr off_t kMaxSecretFileBytes = 1 << 20;  // a token list, not a data file
}

bool readSecretFile(const std::string& path, const char* what, std::string& out, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        error = path + ": cannot open " + what + ": " + std::strerror(errno);
        return false;
    }
    auto refuse = [&](const std::string& why) {
        ::close(fd);
        error = path + ": " + why;
        return false;
    };
    struct stat st {};
    if (::fstat(fd, &st) != 0) return refuse(std::string("cannot stat ") + what + ": " + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) return refuse(std::string(what) + " is not a regular file");
    if (st.st_mode & 077) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        return refuse(std::string(what) + " has mode " + mode +
                      ", refused: group and others must have no access (chmod 600 " + path + ")");
    }
    if (st.st_uid != ::geteuid())
        return refuse(std::string(what) + " belongs to another user (uid " + std::to_string(st.st_uid) + ")");
    if (st.st_size > kMaxSecretFileBytes)
        return refuse(std::string(what) + " is " + std::to_string(st.st_size) + " bytes, more than the 1 MiB allowed");
    out.assign(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < out.size()) {
        const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return refuse(std::string("cannot read ") + what + ": " + std::strerror(errno));
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    out.resize(got);
    ::close(fd);
    return true;
}

}  // namespace vigil::signoff
