#include "replay/FileFingerprint.h"

#include <openssl/evp.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace vigil {

bool fingerprintFile(const std::string& path, FileFingerprint& out, std::string& error) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    struct stat st {};
    if (!f || ::fstat(::fileno(f.get()), &st) != 0) {
        error = path + ": cannot open (" + std::strerror(errno) + ")";
        return false;
    }
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
        error = path + ": cannot start SHA-256 (OpenSSL)";
        return false;
    }
    std::vector<unsigned char> buf(1 << 20);
    std::int64_t total = 0;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0) {
        EVP_DigestUpdate(ctx.get(), buf.data(), n);
        total += static_cast<std::int64_t>(n);
    }
    if (std::ferror(f.get())) {
        error = path + ": read error at byte " + std::to_string(total) + " (" + std::strerror(errno) + ")";
        return false;
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx.get(), md, &len);
    static const char* hex = "0123456789abcdef";
    out.sha256.clear();
    for (unsigned i = 0; i < len; ++i) {
        out.sha256.push_back(hex[md[i] >> 4]);
        out.sha256.push_back(hex[md[i] & 15]);
    }
    out.bytes = total;
    out.modifiedMs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    return true;
}

}  // namespace vigil
