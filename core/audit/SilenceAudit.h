// The one way to change silences: each add and early expiry written to the
// silences table and appended to the audit log (kinds "silence.created",
// "silence.expired"; subject "silence:ID"; body the silence as canonical JSON),
// the audit entry right after the change, on the same database. Used by
// `vigilctl silence` and the console's silence panel (on its worker thread).
#pragma once

#include "audit/AuditChain.h"
#include "silence/SilenceTable.h"

#include <memory>

namespace vigil::audit {

class AuditedSilences {
public:
    // Opens `dbPath` read-write (creating it when missing) and the audit log with
    // the key at keyPath (empty: defaultKeyPath(); created on first use).
    static store::Result<std::unique_ptr<AuditedSilences>> open(const std::string& dbPath, const std::string& keyPath = {});

    // Both fail with one line naming the field, the id or the database; nothing
    // is changed then. When the change was made but the audit log refused it,
    // the error starts with "audit: ".
    store::Result<silence::Silence> add(const silence::Silence& s);
    store::Result<silence::Silence> expire(std::int64_t id, const std::string& who, TimestampMs now);
    store::Result<std::vector<silence::Silence>> list(TimestampMs endingAfter);

private:
    AuditedSilences(store::Database db, std::unique_ptr<AuditLog> log) : db_(std::move(db)), log_(std::move(log)) {}
    store::Database db_;
    std::unique_ptr<AuditLog> log_;
};

// The audit entry of one change (seq and hashes unset).
store::AuditEntry silenceAuditEntry(const char* kind, const silence::Silence& s, TimestampMs ts);

}  // namespace vigil::audit
