#include "silence/SilenceTable.h"

#include "silence/SilenceMatch.h"
#include "store/Statement.h"

#include <algorithm>
#include <limits>

namespace vigil::silence {

using store::Statement;
using store::Status;

namespace {

constexpr const char* kColumns = "id, target, labels, kind, starts, ends, reason, created_by, created, expired_by, expired_at";

Silence readRow(const Statement& st) {
    Silence s;
    s.id = st.int64(0);
    s.target = st.text(1);
    s.labels = decodeLabels(st.textView(2));
    s.kind = st.text(3);
    s.starts = st.int64(4);
    s.ends = st.int64(5);
    s.reason = st.text(6);
    s.createdBy = st.text(7);
    s.created = st.int64(8);
    s.expiredBy = st.text(9);
    s.expiredAt = st.int64(10);
    return s;
}

}  // namespace

std::string encodeLabels(const std::map<std::string, std::string>& labels) {
    std::string out;
    for (const auto& [k, v] : labels) out += (out.empty() ? "" : "\n") + k + "=" + v;
    return out;
}

std::map<std::string, std::string> decodeLabels(std::string_view text) {
    std::map<std::string, std::string> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        if (const auto eq = line.find('='); eq != std::string_view::npos && eq > 0)
            out[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

store::Result<Silence> SilenceTable::add(Silence s) {
    std::string why;
    if (!validSilence(s, why)) return Status::failure(db_.path() + ": silence: " + why);
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(),
                    "INSERT INTO silences(target, labels, kind, starts, ends, reason, created_by, created) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    err))
        return Status::failure(db_.path() + ": " + err);
    const std::string labels = encodeLabels(s.labels);
    st.bind(1, std::string_view(s.target));
    st.bind(2, std::string_view(labels));
    st.bind(3, std::string_view(s.kind));
    st.bind(4, s.starts);
    st.bind(5, s.ends);
    st.bind(6, std::string_view(s.reason));
    st.bind(7, std::string_view(s.createdBy));
    st.bind(8, s.created);
    if (!st.run(err)) return Status::failure(db_.path() + ": " + err);
    s.id = sqlite3_last_insert_rowid(db_.handle());
    s.expiredBy.clear();
    s.expiredAt = 0;
    return s;
}

store::Result<Silence> SilenceTable::get(std::int64_t id) {
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(), std::string("SELECT ") + kColumns + " FROM silences WHERE id = ?1", err))
        return Status::failure(db_.path() + ": " + err);
    st.bind(1, id);
    const int rc = st.step();
    if (rc == SQLITE_ROW) return readRow(st);
    if (rc == SQLITE_DONE) return Status::failure("silence " + std::to_string(id) + ": no such silence in " + db_.path());
    return Status::failure(db_.path() + ": " + sqlite3_errmsg(db_.handle()));
}

store::Result<Silence> SilenceTable::expire(std::int64_t id, const std::string& who, TimestampMs now) {
    if (who.empty()) return Status::failure("silence " + std::to_string(id) + ": expired_by: required (who ends it)");
    auto s = get(id);
    if (!s) return s;
    if (s->ends <= now) return Status::failure("silence " + std::to_string(id) + ": already ended");
    Statement st;
    std::string err;
    // A silence that has not started yet ends at its start: it never was active.
    const TimestampMs ends = std::max(s->starts, now);
    if (!st.prepare(db_.handle(), "UPDATE silences SET ends = ?2, expired_by = ?3, expired_at = ?4 WHERE id = ?1", err))
        return Status::failure(db_.path() + ": " + err);
    st.bind(1, id);
    st.bind(2, ends);
    st.bind(3, std::string_view(who));
    st.bind(4, now);
    if (!st.run(err)) return Status::failure(db_.path() + ": " + err);
    s->ends = ends;
    s->expiredBy = who;
    s->expiredAt = now;
    return s;
}

store::Result<std::vector<Silence>> SilenceTable::list(TimestampMs endingAfter, std::size_t limit) {
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(),
                    std::string("SELECT * FROM (SELECT ") + kColumns +
                        " FROM silences WHERE ends > ?1 ORDER BY id DESC LIMIT ?2) ORDER BY id",
                    err))
        return Status::failure(db_.path() + ": " + err);
    st.bind(1, endingAfter);
    st.bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, std::numeric_limits<std::int32_t>::max())));
    std::vector<Silence> out;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) out.push_back(readRow(st));
    if (rc != SQLITE_DONE) return Status::failure(db_.path() + ": " + sqlite3_errmsg(db_.handle()));
    return out;
}

}  // namespace vigil::silence
