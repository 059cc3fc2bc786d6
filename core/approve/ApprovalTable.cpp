#include "approve/ApprovalTable.h"

#include "store/Statement.h"

namespace vigil::approve {

using store::Statement;
using store::Status;

namespace {

constexpr const char* kColumns =
    "id, action_id, action_kind, target, incident_id, narrative, metric_window, content, content_sha256, rule, "
    "requester, value_wei, approvers_needed, created, expires, state, updated";

ApprovalRequest readRow(const Statement& st) {
    ApprovalRequest r;
    r.id = st.text(0);
    r.what.actionId = st.text(1);
    r.what.actionKind = st.text(2);
    r.what.target = st.text(3);
    r.what.incidentId = st.text(4);
    r.what.narrative = st.text(5);
    r.what.metricWindow = st.text(6);
    r.what.content = st.text(7);
    r.contentSha256 = st.text(8);
    r.what.rule = st.text(9);
    r.what.requester = st.text(10);
    remedy::parseWei(st.textView(11), r.what.value);
    r.what.approversNeeded = static_cast<int>(st.int64(12));
    r.created = st.int64(13);
    r.expires = st.int64(14);
    fromString(st.textView(15), r.state);
    r.updated = st.int64(16);
    return r;
}

}  // namespace

WriteTransaction::~WriteTransaction() {
    if (open_) db_.exec("ROLLBACK");
}

Status WriteTransaction::begin() {
    Status s = db_.exec("BEGIN IMMEDIATE");
    open_ = s.ok();
    return s;
}

Status WriteTransaction::commit() {
    Status s = db_.exec("COMMIT");
    if (s) open_ = false;
    return s;
}

Status ApprovalTable::insert(const ApprovalRequest& r) {
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(),
                    std::string("INSERT INTO approval_requests(") + kColumns +
                        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                    err))
        return Status::failure(db_.path() + ": " + err);
    const std::string value = remedy::weiToString(r.what.value);
    st.bind(1, std::string_view(r.id));
    st.bind(2, std::string_view(r.what.actionId));
    st.bind(3, std::string_view(r.what.actionKind));
    st.bind(4, std::string_view(r.what.target));
    st.bind(5, std::string_view(r.what.incidentId));
    st.bind(6, std::string_view(r.what.narrative));
    st.bind(7, std::string_view(r.what.metricWindow));
    st.bind(8, std::string_view(r.what.content));
    st.bind(9, std::string_view(r.contentSha256));
    st.bind(10, std::string_view(r.what.rule));
    st.bind(11, std::string_view(r.what.requester));
    st.bind(12, std::string_view(value));
    st.bind(13, r.what.approversNeeded);
    st.bind(14, r.created);
    st.bind(15, r.expires);
    st.bind(16, toString(r.state));
    st.bind(17, r.updated);
    if (!st.run(err)) return Status::failure(db_.path() + ": cannot store approval request " + r.id + ": " + err);
    return {};
}

Status ApprovalTable::votes(ApprovalRequest& r) {
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(),
                    "SELECT ts, approver, decision, reason FROM approvals WHERE id = ?1 AND decision IN "
                    "('approved', 'rejected') ORDER BY seq",
                    err))
        return Status::failure(db_.path() + ": " + err);
    st.bind(1, std::string_view(r.id));
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        Vote v;
        v.ts = st.int64(0);
        v.approver = st.text(1);
        vigil::fromString(st.textView(2), v.decision);
        v.comment = st.text(3);
        r.votes.push_back(std::move(v));
    }
    if (rc != SQLITE_DONE) return Status::failure(db_.describe("cannot read decisions of " + r.id));
    return {};
}

Status ApprovalTable::find(const std::string& id, std::optional<ApprovalRequest>& out) {
    out.reset();
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(), std::string("SELECT ") + kColumns + " FROM approval_requests WHERE id = ?1", err))
        return Status::failure(db_.path() + ": " + err);
    st.bind(1, std::string_view(id));
    const int rc = st.step();
    if (rc == SQLITE_DONE) return {};
    if (rc != SQLITE_ROW) return Status::failure(db_.describe("cannot read approval request " + id));
    ApprovalRequest r = readRow(st);
    if (Status s = votes(r); !s) return s;
    out = std::move(r);
    return {};
}

Status ApprovalTable::list(const std::vector<RequestState>& states, std::vector<ApprovalRequest>& out) {
    out.clear();
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(), std::string("SELECT ") + kColumns + " FROM approval_requests ORDER BY created DESC, id",
                    err))
        return Status::failure(db_.path() + ": " + err);
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        ApprovalRequest r = readRow(st);
        bool wanted = states.empty();
        for (RequestState s : states) wanted = wanted || s == r.state;
        if (wanted) out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return Status::failure(db_.describe("cannot list approval requests"));
    for (auto& r : out)
        if (Status s = votes(r); !s) return s;
    return {};
}

Status ApprovalTable::due(TimestampMs now, std::vector<std::string>& ids) {
    ids.clear();
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(),
                    "SELECT id FROM approval_requests WHERE state IN ('pending', 'approved') AND expires <= ?1 "
                    "ORDER BY expires, id",
                    err))
        return Status::failure(db_.path() + ": " + err);
    st.bind(1, now);
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) ids.push_back(st.text(0));
    if (rc != SQLITE_DONE) return Status::failure(db_.describe("cannot list expired approval requests"));
    return {};
}

Status ApprovalTable::setState(const std::string& id, RequestState state, TimestampMs ts) {
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(), "UPDATE approval_requests SET state = ?2, updated = ?3 WHERE id = ?1", err))
        return Status::failure(db_.path() + ": " + err);
    st.bind(1, std::string_view(id));
    st.bind(2, toString(state));
    st.bind(3, ts);
    if (!st.run(err)) return Status::failure(db_.path() + ": cannot update approval request " + id + ": " + err);
    return {};
}

Status ApprovalTable::appendDecision(const Approval& a) {
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(),
                    "INSERT INTO approvals(ts, id, action_id, requester, approver, decision, expires, reason) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    err))
        return Status::failure(db_.path() + ": " + err);
    st.bind(1, a.ts);
    st.bind(2, std::string_view(a.id));
    st.bind(3, std::string_view(a.action_id));
    st.bind(4, std::string_view(a.requester));
    st.bind(5, std::string_view(a.approver));
    st.bind(6, vigil::toString(a.decision));
    st.bind(7, a.expires);
    st.bind(8, std::string_view(a.reason));
    if (!st.run(err)) return Status::failure(db_.path() + ": cannot store decision on " + a.id + ": " + err);
    return {};
}

Status ApprovalTable::upsertAction(const Action& a) {
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(),
                    "INSERT INTO actions(id, ts, incident_id, kind, target, params, status, critical) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET "
                    "ts = excluded.ts, incident_id = excluded.incident_id, kind = excluded.kind, "
                    "target = excluded.target, params = excluded.params, status = excluded.status, "
                    "critical = excluded.critical WHERE excluded.ts >= actions.ts",
                    err))
        return Status::failure(db_.path() + ": " + err);
    st.bind(1, std::string_view(a.id));
    st.bind(2, a.ts);
    st.bind(3, std::string_view(a.incident_id));
    st.bind(4, std::string_view(a.kind));
    st.bind(5, std::string_view(a.target));
    st.bind(6, std::string_view(a.params));
    st.bind(7, vigil::toString(a.status));
    st.bind(8, a.critical);
    if (!st.run(err)) return Status::failure(db_.path() + ": cannot store action " + a.id + ": " + err);
    return {};
}

}  // namespace vigil::approve
