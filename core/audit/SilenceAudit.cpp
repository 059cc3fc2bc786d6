#include "audit/SilenceAudit.h"

#include "audit/AuditKey.h"
#include "record/NdjsonCodec.h"
#include "silence/SilenceMatch.h"

namespace vigil::audit {

namespace {
std::string jsonString(const std::string& s) {
    std::string o;
    appendJsonString(o, s);  // the record codec's escaper: one JSON string form everywhere
    return o;
}
}  // namespace

store::AuditEntry silenceAuditEntry(const char* kind, const silence::Silence& s, TimestampMs ts) {
    store::AuditEntry e;
    e.ts = ts;
    e.kind = kind;
    e.subject = "silence:" + std::to_string(s.id);
    // Keys in a fixed (sorted) order, so the body is the same text every time.
    e.body = "{\"created_by\":" + jsonString(s.createdBy) + ",\"ends\":" + std::to_string(s.ends) +
             ",\"expired_by\":" + jsonString(s.expiredBy) + ",\"id\":" + std::to_string(s.id) +
             ",\"matchers\":" + jsonString(silence::describeMatchers(s)) + ",\"reason\":" + jsonString(s.reason) +
             ",\"starts\":" + std::to_string(s.starts) + "}";
    return e;
}

store::Result<std::unique_ptr<AuditedSilences>> AuditedSilences::open(const std::string& dbPath, const std::string& keyPath) {
    auto key = loadOrCreateKey(keyPath.empty() ? defaultKeyPath() : keyPath);
    if (!key) return store::Status::failure("audit key: " + key.error());
    auto db = store::Database::open(dbPath, store::OpenMode::ReadWrite);
    if (!db) return store::Status::failure(db.error());
    auto log = AuditLog::open(dbPath, std::move(key).value());
    if (!log) return store::Status::failure(log.error());
    return std::unique_ptr<AuditedSilences>(new AuditedSilences(std::move(db).value(), std::move(log).value()));
}

store::Result<silence::Silence> AuditedSilences::add(const silence::Silence& s) {
    silence::SilenceTable table(db_);
    auto done = table.add(s);
    if (!done) return done;
    if (auto a = log_->append({silenceAuditEntry("silence.created", done.value(), done->created)}); !a)
        return store::Status::failure("audit: silence " + std::to_string(done->id) + " was added, but: " + a.error());
    return done;
}

store::Result<silence::Silence> AuditedSilences::expire(std::int64_t id, const std::string& who, TimestampMs now) {
    silence::SilenceTable table(db_);
    auto done = table.expire(id, who, now);
    if (!done) return done;
    if (auto a = log_->append({silenceAuditEntry("silence.expired", done.value(), now)}); !a)
        return store::Status::failure("audit: silence " + std::to_string(id) + " was expired, but: " + a.error());
    return done;
}

store::Result<std::vector<silence::Silence>> AuditedSilences::list(TimestampMs endingAfter) {
    return silence::SilenceTable(db_).list(endingAfter);
}

}  // namespace vigil::audit
