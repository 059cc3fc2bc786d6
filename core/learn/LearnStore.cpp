#include "learn/LearnStore.h"

#include "remedy/RemediationPlanner.h"  // compactJson
#include "store/Statement.h"

#include <cstdio>

namespace vigil::learn {

using store::Result;
using store::Statement;
using store::Status;

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

// Runs `write` and inserts the chained audit entries in one write transaction:
// a change is stored and audited together, or neither.
template <class Write>
Status inTransaction(store::Database& db, const std::optional<audit::AuditKey>& key,
                     std::vector<store::AuditEntry>& drafts, Write&& write) {
    if (Status s = db.exec("BEGIN IMMEDIATE"); !s) return s;
    std::string err;
    bool ok = write(err);
    if (ok && key && !drafts.empty()) ok = audit::appendInTransaction(db.handle(), *key, drafts, err);
    if (!ok) {
        db.exec("ROLLBACK");
        return Status::failure(db.path() + ": " + err);
    }
    if (Status s = db.exec("COMMIT"); !s) {
        db.exec("ROLLBACK");
        return s;
    }
    return {};
}

LearnChange changeFromRow(const Statement& q) {
    LearnChange c;
    c.id = q.int64(0);
    c.ts = q.int64(1);
    fromString(q.textView(2), c.kind);
    c.series = q.text(3);
    c.target = q.text(4);
    c.cutBefore = q.real(5);
    c.cutAfter = q.real(6);
    c.rule = q.text(7);
    c.orderBefore = splitList(q.textView(8));
    c.orderAfter = splitList(q.textView(9));
    c.reason = q.text(10);
    c.evidence = splitList(q.textView(11));
    c.by = q.text(12);
    c.revertedTs = q.int64(13);
    c.revertedBy = q.text(14);
    return c;
}

constexpr const char* kChangeColumns =
    "SELECT id, ts, kind, series, target, cut_before, cut_after, rule, order_before, order_after, reason, evidence, "
    "made_by, reverted_ts, reverted_by FROM learn_changes";

}  // namespace

std::string auditBody(const LearnChange& c) {
    std::map<std::string, std::string> f{{"id", std::to_string(c.id)},
                                         {"kind", std::string(toString(c.kind))},
                                         {"reason", c.reason},
                                         {"by", c.by},
                                         {"evidence", joinList(c.evidence)}};
    if (c.kind == ChangeKind::SeriesCut) {
        f["series"] = c.series;
        f["target"] = c.target;
        f["cut_before"] = number(c.cutBefore);
        f["cut_after"] = number(c.cutAfter);
    } else {
        f["rule"] = c.rule;
        f["order_before"] = joinList(c.orderBefore);
        f["order_after"] = joinList(c.orderAfter);
    }
    if (c.reverted()) f["reverted_by"] = c.revertedBy;
    return remedy::compactJson(f);
}

std::string auditBody(const Feedback& f) {
    return remedy::compactJson({{"incident", f.incidentId},
                                {"verdict", std::string(toString(f.verdict))},
                                {"action", f.actionId},
                                {"user", f.user},
                                {"comment", f.comment}});
}

Result<std::unique_ptr<LearnStore>> LearnStore::open(const std::string& dbPath, std::optional<audit::AuditKey> key) {
    auto db = store::Database::open(dbPath, store::OpenMode::ReadWrite);
    if (!db) return Status::failure(db.error());
    return std::unique_ptr<LearnStore>(new LearnStore(std::move(db).value(), std::move(key)));
}

Result<Feedback> LearnStore::addFeedback(Feedback f) {
    std::vector<store::AuditEntry> drafts;
    Status s = inTransaction(db_, key_, drafts, [&](std::string& err) {
        Statement ins;
        if (!ins.prepare(db_.handle(),
                         "INSERT INTO feedback(ts, incident_id, verdict, action_id, user, comment) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                         err))
            return false;
        ins.bind(1, f.ts);
        ins.bind(2, std::string_view(f.incidentId));
        ins.bind(3, toString(f.verdict));
        ins.bind(4, std::string_view(f.actionId));
        ins.bind(5, std::string_view(f.user));
        ins.bind(6, std::string_view(f.comment));
        if (!ins.run(err)) return false;
        f.seq = sqlite3_last_insert_rowid(db_.handle());
        drafts.push_back({0, f.ts, "feedback", f.incidentId, auditBody(f), {}, {}});
        return true;
    });
    if (!s) return s;
    return f;
}

Result<std::vector<Feedback>> LearnStore::feedback() const {
    std::string err;
    Statement q;
    if (!q.prepare(db_.handle(),
                   "SELECT seq, ts, incident_id, verdict, action_id, user, comment FROM feedback ORDER BY seq", err))
        return Status::failure(db_.path() + ": " + err);
    std::vector<Feedback> out;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        Feedback f;
        f.seq = q.int64(0);
        f.ts = q.int64(1);
        f.incidentId = q.text(2);
        fromString(q.textView(3), f.verdict);
        f.actionId = q.text(4);
        f.user = q.text(5);
        f.comment = q.text(6);
        out.push_back(std::move(f));
    }
    if (rc != SQLITE_DONE) return Status::failure(db_.describe("cannot read feedback"));
    return out;
}

Result<std::vector<LearnChange>> LearnStore::addChanges(std::vector<LearnChange> changes) {
    std::vector<store::AuditEntry> drafts;
    Status s = inTransaction(db_, key_, drafts, [&](std::string& err) {
        Statement ins;
        if (!ins.prepare(db_.handle(),
                         "INSERT INTO learn_changes(ts, kind, series, target, cut_before, cut_after, rule, "
                         "order_before, order_after, reason, evidence, made_by) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                         err))
            return false;
        for (LearnChange& c : changes) {
            const std::string before = joinList(c.orderBefore), after = joinList(c.orderAfter),
                              evidence = joinList(c.evidence);
            ins.bind(1, c.ts);
            ins.bind(2, toString(c.kind));
            ins.bind(3, std::string_view(c.series));
            ins.bind(4, std::string_view(c.target));
            ins.bind(5, c.cutBefore);
            ins.bind(6, c.cutAfter);
            ins.bind(7, std::string_view(c.rule));
            ins.bind(8, std::string_view(before));
            ins.bind(9, std::string_view(after));
            ins.bind(10, std::string_view(c.reason));
            ins.bind(11, std::string_view(evidence));
            ins.bind(12, std::string_view(c.by));
            if (!ins.run(err)) return false;
            c.id = sqlite3_last_insert_rowid(db_.handle());
            drafts.push_back({0, c.ts, "learn.change", std::to_string(c.id), auditBody(c), {}, {}});
        }
        return true;
    });
    if (!s) return s;
    return changes;
}

Result<std::vector<LearnChange>> LearnStore::changes() const {
    std::string err;
    Statement q;
    if (!q.prepare(db_.handle(), std::string(kChangeColumns) + " ORDER BY id", err))
        return Status::failure(db_.path() + ": " + err);
    std::vector<LearnChange> out;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) out.push_back(changeFromRow(q));
    if (rc != SQLITE_DONE) return Status::failure(db_.describe("cannot read learn_changes"));
    return out;
}

Result<LearnChange> LearnStore::revert(std::int64_t id, TimestampMs ts, const std::string& user) {
    std::optional<LearnChange> found;
    std::vector<store::AuditEntry> drafts;
    std::string refusal;
    Status s = inTransaction(db_, key_, drafts, [&](std::string& err) {
        Statement q;
        if (!q.prepare(db_.handle(), std::string(kChangeColumns) + " WHERE id = ?1", err)) return false;
        q.bind(1, id);
        if (q.step() != SQLITE_ROW) {
            err = "no learned change " + std::to_string(id);
            return false;
        }
        LearnChange c = changeFromRow(q);
        if (c.reverted()) {
            err = "learned change " + std::to_string(id) + " was already reverted by " + c.revertedBy;
            return false;
        }
        Statement up;
        if (!up.prepare(db_.handle(), "UPDATE learn_changes SET reverted_ts = ?1, reverted_by = ?2 WHERE id = ?3", err))
            return false;
        up.bind(1, ts);
        up.bind(2, std::string_view(user));
        up.bind(3, id);
        if (!up.run(err)) return false;
        c.revertedTs = ts;
        c.revertedBy = user;
        drafts.push_back({0, ts, "learn.revert", std::to_string(id), auditBody(c), {}, {}});
        found = std::move(c);
        return true;
    });
    if (!s) return s;
    return *found;
}

}  // namespace vigil::learn
