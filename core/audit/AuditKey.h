// The audit seal's key: 32 random bytes in a file only its owner can read,
// kept outside the database (a copy of the database alone cannot be re-sealed).
// Default place: $XDG_CONFIG_HOME/vigil/audit.key, else ~/.config/vigil/audit.key
// (beside the user's config, found the XDG way without needing Qt in core/).
#pragma once

#include "store/Result.h"

#include <string>
#include <vector>

namespace vigil::audit {

inline constexpr std::size_t kAuditKeyBytes = 32;

struct AuditKey {
    std::string path;
    std::vector<unsigned char> bytes;
};

// The default key path; empty when neither XDG_CONFIG_HOME nor HOME is set.
std::string defaultKeyPath();

// Reads an existing key. Refuses a file that group or others may read or write
// (the error says which mode it has and how to fix it), a non-regular file and
// one that is not exactly kAuditKeyBytes long.
store::Result<AuditKey> loadKey(const std::string& path);

// loadKey(), or when the file does not exist, creates it (and its folder, mode
// 0700) with mode 0600 and kAuditKeyBytes from OpenSSL's RAND_bytes.
store::Result<AuditKey> loadOrCreateKey(const std::string& path);

}  // namespace vigil::audit
