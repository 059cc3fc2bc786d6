#include "replay/LogFileWriter.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace vigil {

LogFileWriter::~LogFileWriter() {
    std::string ignored;
    close(ignored);
}

bool LogFileWriter::open(const std::string& path, std::string& error) {
    path_ = path;
    errno = 0;
    if (path.size() >= 3 && path.compare(path.size() - 3, 3, ".gz") == 0) gz_ = gzopen(path.c_str(), "wb6");
    else file_ = std::fopen(path.c_str(), "wb");
    if (gz_ || file_) return true;
    error = path + ": cannot create: " + (errno ? std::strerror(errno) : "out of memory");
    return false;
}

bool LogFileWriter::write(const std::string& bytes, std::string& error) {
    if (bytes.empty()) return true;
    errno = 0;
    if (gz_) {
        auto* gz = static_cast<gzFile>(gz_);
        if (gzwrite(gz, bytes.data(), unsigned(bytes.size())) == int(bytes.size())) return true;
        int code = 0;
        const char* why = gzerror(gz, &code);
        error = path_ + ": write failed: " +
                (code == Z_ERRNO && errno ? std::strerror(errno)
                 : why                    ? why
                                          : "zlib error");
        return false;
    }
    if (file_ && std::fwrite(bytes.data(), 1, bytes.size(), file_) == bytes.size()) return true;
    error = path_ + ": write failed: " + (errno ? std::strerror(errno) : "short write");
    return false;
}

bool LogFileWriter::close(std::string& error) {
    errno = 0;
    bool ok = true;
    if (gz_) ok = gzclose(static_cast<gzFile>(gz_)) == Z_OK;
    else if (file_) ok = std::fclose(file_) == 0;
    gz_ = nullptr;
    file_ = nullptr;
    if (!ok) error = path_ + ": cannot finish the file: " + (errno ? std::strerror(errno) : "write failed");
    return ok;
}

}  // namespace vigil
