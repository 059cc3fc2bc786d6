// What identifies a log file for an import: its size, modification time and the
// SHA-256 of its bytes as stored (a file and its gzip copy differ). Read in 1 MiB
// pieces, so a large log costs one sequential pass, not its size in memory.
#pragma once

#include <cstdint>
#include <string>

namespace vigil {

struct FileFingerprint {
    std::string sha256;           // 64 lowercase hex digits
    std::int64_t bytes = 0;
    std::int64_t modifiedMs = 0;  // since the epoch
};

// False with error = "<path>: <reason>" when the file cannot be read.
bool fingerprintFile(const std::string& path, FileFingerprint& out, std::string& error);

}  // namespace vigil
