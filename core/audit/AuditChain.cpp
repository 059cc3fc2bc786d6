#include "audit/AuditChain.h"

#include "audit/AuditHash.h"
#include "audit/AuditSink.h"
#include "store/Statement.h"

#include <sqlite3.h>

namespace vigil::audit {

using store::AuditEntry;
using store::Result;
using store::Statement;
using store::Status;

namespace {

// Where the next entry goes: seq and hash of the entry it links to.
struct Head {
    std::int64_t seq = 0;
    std::string hash = kGenesisHash;
};

bool readHead(sqlite3* db, const AuditKey& key, Head& head, std::string& error) {
    Statement last, seal;
    if (!last.prepare(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", error) ||
        !seal.prepare(db, "SELECT value FROM meta WHERE key = ?1", error))
        return false;
    std::int64_t lastSeq = 0;
    if (int rc = last.step(); rc == SQLITE_ROW) {
        lastSeq = last.int64(0);
    } else if (rc != SQLITE_DONE) {
        error = std::string("cannot read the audit head: ") + sqlite3_errmsg(db);
        return false;
    }
    seal.bind(1, std::string_view(kSealMetaKey));
    const int rc = seal.step();
    if (rc == SQLITE_DONE) {
        if (lastSeq == 0) return true;  // an empty, unsealed log: start at the genesis
        error = "audit log has " + std::to_string(lastSeq) +
                " entries but no seal; refusing to append (run 'vigilctl audit verify')";
        return false;
    }
    if (rc != SQLITE_ROW) {
        error = std::string("cannot read the audit seal: ") + sqlite3_errmsg(db);
        return false;
    }
    Seal s;
    if (!parseSeal(seal.textView(0), s, error)) return false;
    if (!sameMac(s.mac, sealMac(key.bytes, s.headSeq, s.headHash))) {
        error = "audit seal does not verify under the key " + key.path +
                " (seal edited, or another key); refusing to append (run 'vigilctl audit verify')";
        return false;
    }
    if (lastSeq > s.headSeq) {
        error = "audit entries after the sealed head (seq " + std::to_string(s.headSeq) + ") were added without the key; refusing to append";
        return false;
    }
    head.seq = s.headSeq;
    head.hash = s.headHash;
    return true;
}

}  // namespace

bool chainInTransaction(sqlite3* db, const AuditKey& key, std::vector<AuditEntry>& drafts, std::string& error) {
    if (drafts.empty()) return true;
    Head head;
    if (!readHead(db, key, head, error)) return false;
    for (AuditEntry& e : drafts) {
        e.seq = ++head.seq;
        e.prev_hash = head.hash;
        e.hash = entryHash(e);
        head.hash = e.hash;
    }
    Statement put;
    if (!put.prepare(db, "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     error))
        return false;
    const std::string seal = formatSeal({head.seq, head.hash, sealMac(key.bytes, head.seq, head.hash)});
    put.bind(1, std::string_view(kSealMetaKey));
    put.bind(2, std::string_view(seal));
    return put.run(error);
}

store::AuditChainHook chainHook(AuditKey key) {
    return [key = std::move(key)](sqlite3* db, std::vector<AuditEntry>& entries, std::string& error) {
        return chainInTransaction(db, key, entries, error);
    };
}

Result<std::unique_ptr<store::StoreWriter>> openAuditedWriter(const std::string& dbPath, const std::string& keyPath,
                                                              store::StoreWriterOptions opts) {
    auto key = loadOrCreateKey(keyPath.empty() ? defaultKeyPath() : keyPath);
    if (!key) return Status::failure(key.error());
    opts.chainAudit = chainHook(std::move(key).value());
    return store::StoreWriter::open(dbPath, std::move(opts));
}

Result<std::unique_ptr<AuditLog>> AuditLog::open(const std::string& dbPath, AuditKey key) {
    auto db = store::Database::open(dbPath, store::OpenMode::ReadWrite);
    if (!db) return Status::failure(db.error());
    return std::unique_ptr<AuditLog>(new AuditLog(std::move(db).value(), std::move(key)));
}

bool appendInTransaction(sqlite3* db, const AuditKey& key, std::vector<AuditEntry>& drafts, std::string& error) {
    Statement ins;
    bool ok = chainInTransaction(db, key, drafts, error) &&
              ins.prepare(db, "INSERT INTO audit(seq, ts, kind, subject, body, prev_hash, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          error);
    for (std::size_t i = 0; ok && i < drafts.size(); ++i) {
        const AuditEntry& e = drafts[i];
        ins.bind(1, e.seq);
        ins.bind(2, e.ts);
        ins.bind(3, std::string_view(e.kind));
        ins.bind(4, std::string_view(e.subject));
        ins.bind(5, std::string_view(e.body));
        ins.bind(6, std::string_view(e.prev_hash));
        ins.bind(7, std::string_view(e.hash));
        ok = ins.run(error);
    }
    return ok;
}

Result<std::vector<AuditEntry>> AuditLog::append(std::vector<AuditEntry> drafts) {
    if (Status s = db_.exec("BEGIN IMMEDIATE"); !s) return s;
    std::string err;
    const bool ok = appendInTransaction(db_.handle(), key_, drafts, err);
    if (!ok) {
        db_.exec("ROLLBACK");
        return Status::failure(db_.path() + ": cannot append to the audit log: " + err);
    }
    if (Status s = db_.exec("COMMIT"); !s) {
        db_.exec("ROLLBACK");
        return s;
    }
    return drafts;
}

Status AuditLog::appendRecords(const std::vector<Record>& records) {
    std::vector<AuditEntry> drafts;
    appendAuditDrafts(records, drafts);
    if (drafts.empty()) return {};
    auto appended = append(std::move(drafts));
    return appended ? Status{} : Status::failure(appended.error());
}

}  // namespace vigil::audit
