// Checks a stored audit log: every entry's hash over its canonical form, every
// link to the entry before, the seq numbering, and the HMAC seal over the head.
// Names the first bad entry and what is wrong with it.
#pragma once

#include "audit/AuditKey.h"
#include "store/Result.h"

#include <cstdint>
#include <string>

namespace vigil::audit {

struct AuditVerdict {
    bool intact = false;
    std::int64_t entries = 0;   // rows read
    std::int64_t headSeq = 0;   // seq the seal covers
    std::int64_t badSeq = 0;    // first bad entry (0 when intact, or when only the seal is bad)
    std::string problem;        // what is wrong, in words (empty when intact)
};

// Reads the whole log on a read-only connection. A failure (Result error) means
// the database could not be read, not that the log is bad.
store::Result<AuditVerdict> verifyAuditLog(const std::string& dbPath, const AuditKey& key);

}  // namespace vigil::audit
