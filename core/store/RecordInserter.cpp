#include "store/RecordInserter.h"

#include "record/NarrativeJson.h"
#include "record/NdjsonCodec.h"

#include <algorithm>

namespace vigil::store {

namespace {

struct Sql {
    Statement* stmt;
    const char* text;
};

}  // namespace

Status RecordInserter::prepare(sqlite3* db, const std::string& path) {
    db_ = db;
    const Sql all[] = {
        {&begin_, "BEGIN IMMEDIATE"},
        {&commit_, "COMMIT"},
        {&rollback_, "ROLLBACK"},
        {&series_, "INSERT INTO series(series, target) VALUES (?1, ?2) ON CONFLICT DO NOTHING"},
        {&seriesLookup_, "SELECT id FROM series WHERE series = ?1 AND target = ?2"},
        {&metric_, "INSERT INTO metrics(ts, series_id, value) VALUES (?1, ?2, ?3)"},
        {&block_,
         "INSERT INTO metric_blocks(series_id, max_ts, first_row, last_row, min_ts, rows) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
        {&event_, "INSERT INTO events(ts, kind, agent, subject, state, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
        {&anomaly_,
         "INSERT INTO anomalies(id, ts, detector, series, target, score, observed, expected_low, expected_high, "
         "explanation, explanation_msgs, time_to_breach_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
         "ON CONFLICT(id) DO UPDATE SET ts = excluded.ts, detector = excluded.detector, series = excluded.series, "
         "target = excluded.target, score = excluded.score, observed = excluded.observed, "
         "expected_low = excluded.expected_low, expected_high = excluded.expected_high, "
         "explanation = excluded.explanation, explanation_msgs = excluded.explanation_msgs, "
         "time_to_breach_ms = excluded.time_to_breach_ms"},
        // Latest state wins; an update older than the stored one is ignored, so
        // out-of-order delivery cannot roll an incident back.
        {&incident_,
         "INSERT INTO incidents(id, ts, state, severity, opened, cause, narrative, anomaly_count, updates, story) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9) "
         "ON CONFLICT(id) DO UPDATE SET ts = excluded.ts, state = excluded.state, severity = excluded.severity, "
         "opened = excluded.opened, cause = excluded.cause, narrative = excluded.narrative, "
         "anomaly_count = excluded.anomaly_count, updates = incidents.updates + 1, story = excluded.story "
         "WHERE excluded.ts >= incidents.ts"},
        {&targetsDelete_, "DELETE FROM incident_targets WHERE incident_id = ?1"},
        {&target_, "INSERT INTO incident_targets(incident_id, pos, target) VALUES (?1, ?2, ?3)"},
        {&action_,
         "INSERT INTO actions(id, ts, incident_id, kind, target, params, status, critical) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
         "ON CONFLICT(id) DO UPDATE SET ts = excluded.ts, incident_id = excluded.incident_id, kind = excluded.kind, "
         "target = excluded.target, params = excluded.params, status = excluded.status, "
         "critical = excluded.critical WHERE excluded.ts >= actions.ts"},
        {&approval_,
         "INSERT INTO approvals(ts, id, action_id, requester, approver, decision, expires, reason) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
        {&outcome_, "INSERT INTO outcomes(ts, action_id, success, detail) VALUES (?1, ?2, ?3, ?4)"},
        {&auditAuto_,
         "INSERT INTO audit(ts, kind, subject, body, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
        {&audit_,
         "INSERT INTO audit(seq, ts, kind, subject, body, prev_hash, hash) VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6)"},
        {&import_,
         "INSERT INTO imports(sha256, path, bytes, modified, records, imported_at, imported_by) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
    };
    std::string err;
    for (const Sql& s : all)
        if (!s.stmt->prepare(db, s.text, err)) return Status::failure(path + ": cannot prepare statement: " + err);

    Statement load;
    if (!load.prepare(db, "SELECT id, series, target FROM series", err))
        return Status::failure(path + ": cannot read series: " + err);
    seriesIds_.clear();
    int rc;
    while ((rc = load.step()) == SQLITE_ROW) {
        key_.assign(load.textView(1));
        key_.push_back('\0');
        key_.append(load.textView(2));
        seriesIds_.emplace(key_, load.int64(0));
    }
    if (rc != SQLITE_DONE) return Status::failure(path + ": cannot read series: " + sqlite3_errmsg(db));
    return {};
}

bool RecordInserter::begin(std::string& error) {
    newSeries_.clear();
    held_.clear();
    return begin_.run(error);
}

bool RecordInserter::commit(std::string& error) {
    if (!writeHeldMetrics(error) || !commit_.run(error)) return false;
    newSeries_.clear();
    return true;
}

bool RecordInserter::writeHeldMetrics(std::string& error) {
    std::stable_sort(held_.begin(), held_.end(),
                     [](const HeldMetric& a, const HeldMetric& b) { return a.seriesId < b.seriesId; });
    std::size_t i = 0;
    while (i < held_.size()) {
        const std::int64_t sid = held_[i].seriesId;
        std::int64_t first = 0, last = 0, rows = 0;
        TimestampMs minTs = held_[i].ts, maxTs = held_[i].ts;
        for (; i < held_.size() && held_[i].seriesId == sid; ++i) {
            metric_.bind(1, held_[i].ts);
            metric_.bind(2, sid);
            metric_.bind(3, held_[i].value);
            if (!metric_.run(error)) return false;
            last = sqlite3_last_insert_rowid(db_);
            if (rows++ == 0) first = last;
            minTs = std::min(minTs, held_[i].ts);
            maxTs = std::max(maxTs, held_[i].ts);
        }
        block_.bind(1, sid);
        block_.bind(2, maxTs);
        block_.bind(3, first);
        block_.bind(4, last);
        block_.bind(5, minTs);
        block_.bind(6, rows);
        if (!block_.run(error)) return false;
    }
    held_.clear();
    return true;
}

void RecordInserter::rollback() {
    if (inTransaction()) {
        std::string ignored;
        rollback_.run(ignored);
    }
    for (const auto& k : newSeries_) seriesIds_.erase(k);
    newSeries_.clear();
    held_.clear();
}

bool RecordInserter::inTransaction() const { return db_ && sqlite3_get_autocommit(db_) == 0; }

bool RecordInserter::seriesId(const MetricSample& m, std::int64_t& id, std::string& error) {
    key_.assign(m.series);
    key_.push_back('\0');
    key_.append(m.target);
    if (auto it = seriesIds_.find(key_); it != seriesIds_.end()) {
        id = it->second;
        return true;
    }
    series_.bind(1, std::string_view(m.series));
    series_.bind(2, std::string_view(m.target));
    if (!series_.run(error)) return false;
    if (sqlite3_changes(db_) == 1) {
        id = sqlite3_last_insert_rowid(db_);
    } else {  // another process added it since we loaded the dictionary
        seriesLookup_.bind(1, std::string_view(m.series));
        seriesLookup_.bind(2, std::string_view(m.target));
        const int rc = seriesLookup_.step();
        id = seriesLookup_.int64(0);
        seriesLookup_.reset();
        if (rc != SQLITE_ROW) {
            error = "series lookup failed";
            return false;
        }
    }
    seriesIds_.emplace(key_, id);
    newSeries_.push_back(key_);
    return true;
}

bool RecordInserter::insertMetric(const MetricSample& m, std::string& error) {
    std::int64_t id = 0;
    if (!seriesId(m, id, error)) return false;
    held_.push_back({id, m.ts, m.value});  // written by commit()
    return true;
}

bool RecordInserter::insertEvent(std::string_view kind, std::string_view agent, std::string_view subject,
                                 std::string_view state, const Record& r, std::string& error) {
    body_.clear();
    appendNdjson(body_, r);
    if (!body_.empty() && body_.back() == '\n') body_.pop_back();
    event_.bind(1, timestampOf(r));
    event_.bind(2, kind);
    event_.bind(3, agent);
    event_.bind(4, subject);
    event_.bind(5, state);
    event_.bind(6, std::string_view(body_));
    return event_.run(error);
}

bool RecordInserter::insertIncident(const Incident& i, std::string& error) {
    incident_.bind(1, std::string_view(i.id));
    incident_.bind(2, i.ts);
    incident_.bind(3, toString(i.state));
    incident_.bind(4, toString(i.severity));
    incident_.bind(5, i.opened);
    incident_.bind(6, std::string_view(i.cause));
    incident_.bind(7, std::string_view(i.narrative));
    incident_.bind(8, i.anomaly_count);
    messages_ = messagesToJson(i.story);
    incident_.bind(9, std::string_view(messages_));
    if (!incident_.run(error)) return false;
    if (sqlite3_changes(db_) == 0) return true;  // older than the stored state: ignored
    targetsDelete_.bind(1, std::string_view(i.id));
    if (!targetsDelete_.run(error)) return false;
    for (std::size_t p = 0; p < i.targets.size(); ++p) {
        target_.bind(1, std::string_view(i.id));
        target_.bind(2, static_cast<std::int64_t>(p));
        target_.bind(3, std::string_view(i.targets[p]));
        if (!target_.run(error)) return false;
    }
    return true;
}

bool RecordInserter::insert(const Record& r, std::string& error) {
    switch (kindOf(r)) {
    case RecordKind::Metric:
        return insertMetric(std::get<MetricSample>(r), error);
    case RecordKind::Task: {
        const auto& t = std::get<TaskEvent>(r);
        return insertEvent("task", t.agent, t.task_id, toString(t.state), r, error);
    }
    case RecordKind::Tx: {
        const auto& t = std::get<TxEvent>(r);
        return insertEvent("tx", t.agent, t.tx_hash, toString(t.state), r, error);
    }
    case RecordKind::Log: {
        const auto& l = std::get<LogLine>(r);
        return insertEvent("log", l.source, {}, toString(l.level), r, error);
    }
    case RecordKind::Anomaly: {
        const auto& a = std::get<Anomaly>(r);
        anomaly_.bind(1, std::string_view(a.id));
        anomaly_.bind(2, a.ts);
        anomaly_.bind(3, std::string_view(a.detector));
        anomaly_.bind(4, std::string_view(a.series));
        anomaly_.bind(5, std::string_view(a.target));
        anomaly_.bind(6, a.score);
        anomaly_.bind(7, a.observed);
        anomaly_.bind(8, a.expected_low);
        anomaly_.bind(9, a.expected_high);
        anomaly_.bind(10, std::string_view(a.explanation));
        messages_ = messagesToJson(a.explanation_msgs);
        anomaly_.bind(11, std::string_view(messages_));
        if (a.time_to_breach_ms) anomaly_.bind(12, *a.time_to_breach_ms);
        else anomaly_.bindNull(12);  // not a prediction (run() keeps the last row's bindings)
        return anomaly_.run(error);
    }
    case RecordKind::Incident:
        return insertIncident(std::get<Incident>(r), error);
    case RecordKind::Action: {
        const auto& a = std::get<Action>(r);
        action_.bind(1, std::string_view(a.id));
        action_.bind(2, a.ts);
        action_.bind(3, std::string_view(a.incident_id));
        action_.bind(4, std::string_view(a.kind));
        action_.bind(5, std::string_view(a.target));
        action_.bind(6, std::string_view(a.params));
        action_.bind(7, toString(a.status));
        action_.bind(8, a.critical);
        return action_.run(error);
    }
    case RecordKind::Approval: {
        const auto& a = std::get<Approval>(r);
        approval_.bind(1, a.ts);
        approval_.bind(2, std::string_view(a.id));
        approval_.bind(3, std::string_view(a.action_id));
        approval_.bind(4, std::string_view(a.requester));
        approval_.bind(5, std::string_view(a.approver));
        approval_.bind(6, toString(a.decision));
        approval_.bind(7, a.expires);
        approval_.bind(8, std::string_view(a.reason));
        return approval_.run(error);
    }
    case RecordKind::Outcome: {
        const auto& o = std::get<Outcome>(r);
        outcome_.bind(1, o.ts);
        outcome_.bind(2, std::string_view(o.action_id));
        outcome_.bind(3, o.success);
        outcome_.bind(4, std::string_view(o.detail));
        return outcome_.run(error);
    }
    }
    error = "unknown record kind";
    return false;
}

bool RecordInserter::insertAudit(const AuditEntry& e, std::string& error) {
    Statement& st = e.seq > 0 ? audit_ : auditAuto_;
    st.bind(1, e.ts);
    st.bind(2, std::string_view(e.kind));
    st.bind(3, std::string_view(e.subject));
    st.bind(4, std::string_view(e.body));
    st.bind(5, std::string_view(e.prev_hash));
    st.bind(6, std::string_view(e.hash));
    if (e.seq > 0) st.bind(7, e.seq);
    return st.run(error);
}

bool RecordInserter::insertImport(const ImportEntry& e, std::string& error) {
    import_.bind(1, std::string_view(e.sha256));
    import_.bind(2, std::string_view(e.path));
    import_.bind(3, e.bytes);
    import_.bind(4, e.modifiedMs);
    import_.bind(5, e.records);
    import_.bind(6, e.importedAtMs);
    import_.bind(7, std::string_view(e.importedBy));
    return import_.run(error);
}

}  // namespace vigil::store
