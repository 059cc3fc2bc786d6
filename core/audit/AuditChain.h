// Appending to the tamper-evident audit log. Entries are chained onto the head
// *as stored*, inside the write transaction that inserts them, so two processes
// appending to one database (vigil running, vigilctl approving) interleave into
// one valid chain. After each batch the head is re-sealed under the key.
//
// Appending never hides tampering: the new entries continue from the sealed
// head (a deleted tail stays a visible gap), and a log whose seal is missing or
// does not verify under this key is refused rather than re-sealed.
#pragma once

#include "audit/AuditKey.h"
#include "store/AuditEntry.h"
#include "store/Database.h"
#include "store/Result.h"
#include "store/StoreWriter.h"

#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace vigil::audit {

// Sets seq, prev_hash and hash of each draft (ts, kind, subject, body given),
// continuing from the sealed head, and writes the new seal to meta. Call inside
// an open write transaction, then insert the entries. False with a reason.
bool chainInTransaction(sqlite3* db, const AuditKey& key, std::vector<store::AuditEntry>& drafts, std::string& error);

// chainInTransaction(), then inserts the entries: for a caller that stores
// something and its audit entries in one transaction of its own. False with a reason.
bool appendInTransaction(sqlite3* db, const AuditKey& key, std::vector<store::AuditEntry>& drafts, std::string& error);

// chainInTransaction() as a StoreWriter hook.
store::AuditChainHook chainHook(AuditKey key);

// Opens a StoreWriter whose audit entries are chained and sealed with the key
// at keyPath (created on first use; empty = defaultKeyPath()).
store::Result<std::unique_ptr<store::StoreWriter>> openAuditedWriter(const std::string& dbPath,
                                                                     const std::string& keyPath = {},
                                                                     store::StoreWriterOptions opts = {});

// A synchronous appender on its own connection, for one-off entries from a
// command (an approval given with vigilctl): each append() is one transaction,
// committed when it returns.
class AuditLog {
public:
    static store::Result<std::unique_ptr<AuditLog>> open(const std::string& dbPath, AuditKey key);
    // Appends the drafts (seq/prev_hash/hash are assigned); returns the entries
    // as written.
    store::Result<std::vector<store::AuditEntry>> append(std::vector<store::AuditEntry> drafts);
    // The audited records among `records` (auditKind), appended in one
    // transaction; records with nothing to audit are skipped.
    store::Status appendRecords(const std::vector<Record>& records);

private:
    AuditLog(store::Database db, AuditKey key) : db_(std::move(db)), key_(std::move(key)) {}
    store::Database db_;
    AuditKey key_;
};

}  // namespace vigil::audit
