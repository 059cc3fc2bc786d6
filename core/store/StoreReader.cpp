#include "store/StoreReader.h"

#include "record/NarrativeJson.h"
#include "record/NdjsonCodec.h"
#include "store/Statement.h"

#include <numeric>

namespace vigil::store {

namespace {

// Runs sql, binds with `bind(Statement&)`, converts each row with
// `row(const Statement&, T&) -> bool` (false = bad row, error set).
template <class T, class Bind, class Row>
Result<std::vector<T>> queryAll(const Database& db, const char* sql, Bind&& bind, Row&& row) {
    Statement st;
    std::string err;
    if (!st.prepare(db.handle(), sql, err)) return Status::failure(db.path() + ": " + err);
    bind(st);
    std::vector<T> out;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        T v{};
        if (!row(st, v, err)) return Status::failure(db.path() + ": " + err);
        out.push_back(std::move(v));
    }
    if (rc != SQLITE_DONE) return Status::failure(db.describe("query failed"));
    return out;
}

constexpr auto noBind = [](Statement&) {};

template <class E>
bool enumColumn(const Statement& st, int col, E& out, std::string& err, const char* what) {
    if (fromString(st.textView(col), out)) return true;
    err = std::string("unknown ") + what + " '" + st.text(col) + "'";
    return false;
}

// Message ids of a narrative or an explanation (schema v9); '' in older rows,
// which then show their stored English text.
bool messagesColumn(const Statement& st, int col, std::vector<NarrativeSentence>& out, std::string& err,
                    const char* row, const std::string& id, const char* column) {
    std::string why;
    if (messagesFromJson(st.textView(col), out, why)) return true;
    err = std::string(row) + " " + id + ": " + column + ": " + why;
    return false;
}

}  // namespace

std::int64_t StoreCounts::records() const { return std::accumulate(perKind.begin(), perKind.end(), std::int64_t{0}); }

Result<std::unique_ptr<StoreReader>> StoreReader::open(const std::string& path) {
    auto db = Database::open(path, OpenMode::ReadOnly);
    if (!db) return Status::failure(db.error());
    return std::unique_ptr<StoreReader>(new StoreReader(std::move(db).value()));
}

StoreReader::StoreReader(Database db) : db_(std::move(db)) {}
StoreReader::~StoreReader() = default;

Result<StoreCounts> StoreReader::counts() const {
    // One statement, so every count comes from the same snapshot.
    static constexpr const char* kSql =
        "SELECT (SELECT count(*) FROM metrics),"
        " (SELECT count(*) FROM events WHERE kind = 'task'),"
        " (SELECT count(*) FROM events WHERE kind = 'tx'),"
        " (SELECT count(*) FROM events WHERE kind = 'log'),"
        " (SELECT count(*) FROM anomalies), (SELECT count(*) FROM incidents), (SELECT count(*) FROM actions),"
        " (SELECT count(*) FROM approvals), (SELECT count(*) FROM outcomes),"
        " (SELECT count(*) FROM series), (SELECT count(*) FROM audit)";
    auto rows = queryAll<StoreCounts>(db_, kSql, noBind, [](const Statement& st, StoreCounts& c, std::string&) {
        for (int k = 0; k < kRecordKindCount; ++k) c.perKind[k] = st.int64(k);
        c.series = st.int64(kRecordKindCount);
        c.audit = st.int64(kRecordKindCount + 1);
        return true;
    });
    if (!rows) return Status::failure(rows.error());
    return rows->front();
}

Result<std::vector<SeriesKey>> StoreReader::series() const {
    return queryAll<SeriesKey>(db_, "SELECT series, target FROM series ORDER BY series, target", noBind,
                               [](const Statement& st, SeriesKey& k, std::string&) {
                                   k.series = st.text(0);
                                   k.target = st.text(1);
                                   return true;
                               });
}

Result<std::vector<MetricPoint>> StoreReader::metrics(const std::string& series, const std::string& target,
                                                      TimestampMs fromTs, TimestampMs toTs) const {
    return queryAll<MetricPoint>(
        db_,
        // Blocks of the series that overlap the range, then their rowid ranges;
        // series_id and ts are checked per row because a block may be wider
        // than its series' rows (see Schema.cpp, version 2).
        "WITH s AS (SELECT id FROM series WHERE series = ?1 AND target = ?2) "
        "SELECT m.ts, m.value FROM s JOIN metric_blocks b ON b.series_id = s.id "
        "JOIN metrics m ON m.rowid BETWEEN b.first_row AND b.last_row "
        "WHERE b.max_ts >= ?3 AND b.min_ts < ?4 AND m.series_id = s.id AND m.ts >= ?3 AND m.ts < ?4 "
        "ORDER BY m.ts, m.rowid",
        [&](Statement& st) {
            st.bind(1, std::string_view(series));
            st.bind(2, std::string_view(target));
            st.bind(3, fromTs);
            st.bind(4, toTs);
        },
        [](const Statement& st, MetricPoint& p, std::string&) {
            p.ts = st.int64(0);
            p.value = st.real(1);
            return true;
        });
}

Result<std::vector<Record>> StoreReader::events(RecordKind kind, TimestampMs fromTs, TimestampMs toTs) const {
    if (kind != RecordKind::Task && kind != RecordKind::Tx && kind != RecordKind::Log)
        return Status::failure(db_.path() + ": events() reads task, tx or log records, not " +
                               std::string(kindName(kind)));
    NdjsonDecoder decoder;
    return queryAll<Record>(
        db_, "SELECT seq, body FROM events WHERE kind = ?1 AND ts >= ?2 AND ts < ?3 ORDER BY ts, seq",
        [&](Statement& st) {
            st.bind(1, kindName(kind));
            st.bind(2, fromTs);
            st.bind(3, toTs);
        },
        [&](const Statement& st, Record& r, std::string& err) {
            std::string why;
            if (decoder.decodeCopy(st.textView(1), r, why)) return true;
            err = "events row " + std::to_string(st.int64(0)) + ": cannot decode stored record: " + why;
            return false;
        });
}

Result<std::vector<Anomaly>> StoreReader::anomalies(TimestampMs fromTs, TimestampMs toTs) const {
    return queryAll<Anomaly>(
        db_,
        "SELECT id, ts, detector, series, target, score, observed, expected_low, expected_high, explanation, "
        "explanation_msgs, time_to_breach_ms FROM anomalies WHERE ts >= ?1 AND ts < ?2 ORDER BY ts, id",
        [&](Statement& st) {
            st.bind(1, fromTs);
            st.bind(2, toTs);
        },
        [](const Statement& st, Anomaly& a, std::string& e) {
            a.id = st.text(0);
            a.ts = st.int64(1);
            a.detector = st.text(2);
            a.series = st.text(3);
            a.target = st.text(4);
            a.score = st.real(5);
            a.observed = st.real(6);
            a.expected_low = st.real(7);
            a.expected_high = st.real(8);
            a.explanation = st.text(9);
            if (!st.isNull(11)) a.time_to_breach_ms = st.int64(11);
            return messagesColumn(st, 10, a.explanation_msgs, e, "anomaly", a.id, "explanation_msgs");
        });
}

Result<std::vector<Incident>> StoreReader::incidents() const {
    Statement targets;
    std::string err;
    if (!targets.prepare(db_.handle(), "SELECT target FROM incident_targets WHERE incident_id = ?1 ORDER BY pos", err))
        return Status::failure(db_.path() + ": " + err);
    return queryAll<Incident>(
        db_,
        "SELECT id, ts, state, severity, opened, cause, narrative, anomaly_count, story FROM incidents "
        "ORDER BY opened DESC, id",
        noBind, [&](const Statement& st, Incident& i, std::string& e) {
            i.id = st.text(0);
            i.ts = st.int64(1);
            if (!enumColumn(st, 2, i.state, e, "incident state") || !enumColumn(st, 3, i.severity, e, "severity"))
                return false;
            i.opened = st.int64(4);
            i.cause = st.text(5);
            i.narrative = st.text(6);
            i.anomaly_count = st.int64(7);
            if (!messagesColumn(st, 8, i.story, e, "incident", i.id, "story")) return false;
            targets.bind(1, std::string_view(i.id));
            int rc;
            while ((rc = targets.step()) == SQLITE_ROW) i.targets.push_back(targets.text(0));
            targets.reset();
            if (rc != SQLITE_DONE) {
                e = "cannot read targets of incident " + i.id;
                return false;
            }
            return true;
        });
}

Result<std::int64_t> StoreReader::incidentUpdates(const std::string& id) const {
    auto rows = queryAll<std::int64_t>(
        db_, "SELECT updates FROM incidents WHERE id = ?1", [&](Statement& st) { st.bind(1, std::string_view(id)); },
        [](const Statement& st, std::int64_t& n, std::string&) {
            n = st.int64(0);
            return true;
        });
    if (!rows) return Status::failure(rows.error());
    return rows->empty() ? std::int64_t{0} : rows->front();
}

Result<std::vector<Action>> StoreReader::actions() const {
    return queryAll<Action>(
        db_, "SELECT id, ts, incident_id, kind, target, params, status, critical FROM actions ORDER BY ts, id",
        noBind, [](const Statement& st, Action& a, std::string& e) {
            a.id = st.text(0);
            a.ts = st.int64(1);
            a.incident_id = st.text(2);
            a.kind = st.text(3);
            a.target = st.text(4);
            a.params = st.text(5);
            if (!enumColumn(st, 6, a.status, e, "action status")) return false;
            a.critical = st.int64(7) != 0;
            return true;
        });
}

Result<std::vector<Approval>> StoreReader::approvals(const std::string& actionId) const {
    return queryAll<Approval>(
        db_,
        "SELECT ts, id, action_id, requester, approver, decision, expires, reason FROM approvals "
        "WHERE ?1 = '' OR action_id = ?1 ORDER BY seq",
        [&](Statement& st) { st.bind(1, std::string_view(actionId)); },
        [](const Statement& st, Approval& a, std::string& e) {
            a.ts = st.int64(0);
            a.id = st.text(1);
            a.action_id = st.text(2);
            a.requester = st.text(3);
            a.approver = st.text(4);
            if (!enumColumn(st, 5, a.decision, e, "approval decision")) return false;
            a.expires = st.int64(6);
            a.reason = st.text(7);
            return true;
        });
}

Result<std::vector<Outcome>> StoreReader::outcomes() const {
    return queryAll<Outcome>(db_, "SELECT ts, action_id, success, detail FROM outcomes ORDER BY seq", noBind,
                             [](const Statement& st, Outcome& o, std::string&) {
                                 o.ts = st.int64(0);
                                 o.action_id = st.text(1);
                                 o.success = st.int64(2) != 0;
                                 o.detail = st.text(3);
                                 return true;
                             });
}

namespace {
bool auditRow(const Statement& st, AuditEntry& a, std::string&) {
    a.seq = st.int64(0);
    a.ts = st.int64(1);
    a.kind = st.text(2);
    a.subject = st.text(3);
    a.body = st.text(4);
    a.prev_hash = st.text(5);
    a.hash = st.text(6);
    return true;
}
}  // namespace

Result<std::vector<AuditEntry>> StoreReader::audit(std::int64_t fromSeq, std::int64_t limit) const {
    return queryAll<AuditEntry>(
        db_, "SELECT seq, ts, kind, subject, body, prev_hash, hash FROM audit WHERE seq >= ?1 ORDER BY seq LIMIT ?2",
        [&](Statement& st) {
            st.bind(1, fromSeq);
            st.bind(2, limit);
        },
        auditRow);
}

Result<std::optional<AuditEntry>> StoreReader::lastAudit() const {
    auto rows = queryAll<AuditEntry>(
        db_, "SELECT seq, ts, kind, subject, body, prev_hash, hash FROM audit ORDER BY seq DESC LIMIT 1", noBind,
        auditRow);
    if (!rows) return Status::failure(rows.error());
    if (rows->empty()) return std::optional<AuditEntry>{};
    return std::optional<AuditEntry>(rows->front());
}

namespace {
constexpr const char* kImportColumns =
    "SELECT id, sha256, path, bytes, modified, records, imported_at, imported_by FROM imports ";
bool importRow(const Statement& st, ImportEntry& e, std::string&) {
    e.id = st.int64(0);
    e.sha256 = st.text(1);
    e.path = st.text(2);
    e.bytes = st.int64(3);
    e.modifiedMs = st.int64(4);
    e.records = st.int64(5);
    e.importedAtMs = st.int64(6);
    e.importedBy = st.text(7);
    return true;
}
}  // namespace

Result<std::vector<ImportEntry>> StoreReader::imports() const {
    return queryAll<ImportEntry>(db_, (std::string(kImportColumns) + "ORDER BY id").c_str(), noBind, importRow);
}

Result<std::optional<ImportEntry>> StoreReader::importWithHash(const std::string& sha256) const {
    auto rows = queryAll<ImportEntry>(db_, (std::string(kImportColumns) + "WHERE sha256 = ?1").c_str(),
                                      [&](Statement& st) { st.bind(1, std::string_view(sha256)); }, importRow);
    if (!rows) return Status::failure(rows.error());
    if (rows->empty()) return std::optional<ImportEntry>();
    return std::optional<ImportEntry>(rows->front());
}

}  // namespace vigil::store
