#include "audit/AuditVerifier.h"

#include "audit/AuditHash.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <sqlite3.h>

namespace vigil::audit {

using store::AuditEntry;
using store::Result;
using store::Status;

namespace {

AuditVerdict bad(AuditVerdict v, std::int64_t seq, std::string problem) {
    v.intact = false;
    v.badSeq = seq;
    v.problem = std::move(problem);
    return v;
}

std::string seqName(std::int64_t seq) { return "seq " + std::to_string(seq); }

std::string linkTarget(std::int64_t expected) {
    return expected == 1 ? std::string("the start of the log") : seqName(expected - 1);
}

}  // namespace

Result<AuditVerdict> verifyAuditLog(const std::string& dbPath, const AuditKey& key) {
    auto opened = store::Database::open(dbPath, store::OpenMode::ReadOnly);
    if (!opened) return Status::failure(opened.error());
    store::Database& db = *opened;
    // One read transaction: the seal and the rows come from the same snapshot,
    // so a writer appending meanwhile cannot make a live log look tampered.
    if (Status s = db.exec("BEGIN"); !s) return s;
    std::string err;
    store::Statement sealQ, rowsQ, bySeqQ;
    if (!sealQ.prepare(db.handle(), "SELECT value FROM meta WHERE key = ?1", err) ||
        !rowsQ.prepare(db.handle(), "SELECT seq, ts, kind, subject, body, prev_hash, hash FROM audit ORDER BY seq", err) ||
        !bySeqQ.prepare(db.handle(), "SELECT seq FROM audit WHERE hash = ?1 LIMIT 1", err))
        return Status::failure(dbPath + ": " + err);
    sealQ.bind(1, std::string_view(kSealMetaKey));
    int rc = sealQ.step();
    const bool sealFound = rc == SQLITE_ROW;
    if (!sealFound && rc != SQLITE_DONE) return Status::failure(db.describe("cannot read the audit seal"));
    const std::string sealText = sealFound ? sealQ.text(0) : std::string();

    AuditVerdict v;
    std::string prevHash = kGenesisHash;
    std::int64_t expected = 1;
    AuditEntry e;
    while ((rc = rowsQ.step()) == SQLITE_ROW) {
        e.seq = rowsQ.int64(0);
        e.ts = rowsQ.int64(1);
        e.kind = rowsQ.text(2);
        e.subject = rowsQ.text(3);
        e.body = rowsQ.text(4);
        e.prev_hash = rowsQ.text(5);
        e.hash = rowsQ.text(6);
        ++v.entries;
        if (e.seq < expected)
            return bad(v, e.seq, seqName(e.seq) + " is not a valid position (the log starts at seq 1)");
        if (e.seq > expected)
            return bad(v, expected,
                       seqName(expected) + " is missing (deleted" +
                           (e.seq - 1 > expected ? " up to " + seqName(e.seq - 1) : std::string()) +
                           "; the next stored entry is " + seqName(e.seq) + ")");
        if (e.prev_hash != prevHash) {
            bySeqQ.bind(1, std::string_view(e.prev_hash));
            const std::int64_t linked = bySeqQ.step() == SQLITE_ROW ? bySeqQ.int64(0) : 0;
            bySeqQ.reset();
            if (linked != 0 && linked != e.seq)
                return bad(v, e.seq,
                           seqName(e.seq) + " is out of order: it links to " + seqName(linked) + ", not to " +
                               linkTarget(expected) + " (entries reordered)");
            return bad(v, e.seq,
                       seqName(e.seq) + ": prev_hash does not match the hash of " + linkTarget(expected) +
                           " (an entry before it was replaced, or this link edited)");
        }
        if (entryHash(e) != e.hash)
            return bad(v, e.seq, seqName(e.seq) + ": content does not match its hash (entry edited; kind '" + e.kind +
                                     "', subject '" + e.subject + "')");
        prevHash = e.hash;
        ++expected;
    }
    if (rc != SQLITE_DONE) return Status::failure(db.describe("cannot read the audit log"));
    const std::int64_t lastSeq = expected - 1;

    if (!sealFound) {
        if (lastSeq == 0) {
            v.intact = true;  // nothing written yet
            return v;
        }
        return bad(v, 0, "the log has " + std::to_string(lastSeq) + " entries but no seal (meta '" +
                             std::string(kSealMetaKey) + "' deleted?)");
    }
    Seal seal;
    if (!parseSeal(sealText, seal, err)) return bad(v, 0, err);
    if (!sameMac(seal.mac, sealMac(key.bytes, seal.headSeq, seal.headHash)))
        return bad(v, 0, "the seal does not verify under the key " + key.path + " (seal edited, or a different key)");
    v.headSeq = seal.headSeq;
    if (lastSeq < seal.headSeq)
        return bad(v, lastSeq + 1,
                   "log truncated: the seal covers " + seqName(seal.headSeq) + " but the log ends at " +
                       (lastSeq == 0 ? std::string("no entry") : seqName(lastSeq)) + "; " + seqName(lastSeq + 1) +
                       " onwards deleted");
    if (lastSeq > seal.headSeq)
        return bad(v, seal.headSeq + 1,
                   seqName(seal.headSeq + 1) + " onwards are not covered by the seal (appended without the key)");
    if (prevHash != seal.headHash)
        return bad(v, lastSeq, seqName(lastSeq) + ": hash differs from the sealed head hash (the chain was rewritten)");
    v.intact = true;
    return v;
}

}  // namespace vigil::audit
