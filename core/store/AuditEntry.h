// One row of the audit log as stored. The hash-chain rules (what is hashed,
// how prev_hash links entries) belong to core/audit; the store only appends
// and reads rows, in seq order.
#pragma once

#include "record/Record.h"

#include <cstdint>
#include <string>

namespace vigil::store {

struct AuditEntry {
    std::int64_t seq = 0;  // 1, 2, ...; 0 on append = let the store assign the next one
    TimestampMs ts = 0;
    std::string kind;      // "anomaly", "action", "approval", "rejection", "threshold", ...
    std::string subject;   // id of what the entry is about
    std::string body;      // canonical text that is hashed (JSON)
    std::string prev_hash;
    std::string hash;
    bool operator==(const AuditEntry&) const = default;
};

}  // namespace vigil::store
