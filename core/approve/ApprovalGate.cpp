#include "approve/ApprovalGate.h"

#include "approve/CanonicalJson.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace vigil::approve {

namespace {

GateStatus storage(const store::Status& s) { return GateStatus::fail(GateCode::Storage, s.error()); }

std::string minutes(TimestampMs ms) { return std::to_string(ms / 60'000) + " min"; }

std::string describe(const ApprovalRequest& r) { return r.what.actionKind + " on " + r.what.target; }

std::string stateRefusal(const ApprovalRequest& r) {
    switch (r.state) {
    case RequestState::Pending:
        return r.id + ": not approved yet (" + std::to_string(r.approvals()) + " of " +
               std::to_string(r.what.approversNeeded) + " approvals)";
    case RequestState::Approved: return r.id + ": already approved";
    case RequestState::Rejected: return r.id + ": was rejected";
    case RequestState::Expired: return r.id + ": expired unanswered; a new request is needed";
    case RequestState::Executed: return r.id + ": already executed (an approval allows one execution)";
    }
    return r.id + ": not approved";
}

}  // namespace

bool normaliseIdentity(const std::string& raw, std::string& out) {
    std::size_t b = 0, e = raw.size();
    while (b < e && std::isspace(static_cast<unsigned char>(raw[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(raw[e - 1]))) --e;
    std::string s = raw.substr(b, e - b);
    if (s.empty() || s.size() > 128) return false;
    for (char& c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u == 0x7f) return false;
        c = static_cast<char>(std::tolower(u));
    }
    out = std::move(s);
    return true;
}

void ApprovalGate::publish(const Record& r) const {
    if (onRecord_) onRecord_(r);
}

store::Status ApprovalGate::record(const ApprovalRequest& r, ApprovalDecision d, const std::string& approver,
                                   const std::string& reason, TimestampMs now) {
    Approval a{now, r.id, r.what.actionId, r.what.requester, approver, d, r.expires, reason};
    if (store::Status s = table_.appendDecision(a); !s) return s;
    pending_.emplace_back(std::move(a));
    return {};
}

store::Status ApprovalGate::recordAction(const ApprovalRequest& r, ActionStatus status, TimestampMs now) {
    Action a{now, r.what.actionId, r.what.incidentId, r.what.actionKind, r.what.target, r.what.content, status,
             r.what.value > 0};
    if (store::Status s = table_.upsertAction(a); !s) return s;
    pending_.emplace_back(std::move(a));
    return {};
}

store::Status ApprovalGate::expire(ApprovalRequest& r, TimestampMs now, std::vector<remedy::Escalation>* escalations) {
    const std::string reason = "expired unanswered after " + minutes(r.expires - r.created) + " (" +
                               std::to_string(r.approvals()) + " of " + std::to_string(r.what.approversNeeded) +
                               " approvals)";
    if (store::Status s = table_.setState(r.id, RequestState::Expired, now); !s) return s;
    if (store::Status s = record(r, ApprovalDecision::Expired, "", reason, now); !s) return s;
    if (store::Status s = recordAction(r, ActionStatus::Rejected, now); !s) return s;
    r.state = RequestState::Expired;
    if (escalations)
        escalations->push_back({now, r.what.target, r.what.rule,
                                "approval request " + r.id + " for " + describe(r) + " " + reason +
                                    ": rejected; a person should decide what to do"});
    return {};
}

GateStatus ApprovalGate::request(const NewApprovalRequest& req, ApprovalRequest& out) {
    NewApprovalRequest what = req;
    if (!normaliseIdentity(req.requester, what.requester))
        return GateStatus::fail(GateCode::BadInput, "requester: '" + req.requester + "' is not an identity");
    if (what.actionId.empty() || what.actionKind.empty() || what.target.empty())
        return GateStatus::fail(GateCode::BadInput, "action id, kind and target are required");
    if (what.approversNeeded != 1 && what.approversNeeded != 2)
        return GateStatus::fail(GateCode::BadInput, "approvers needed must be 1 or 2, not " + std::to_string(what.approversNeeded));
    if (!readFlatObject(what.content))
        return GateStatus::fail(GateCode::BadInput, "content: not a canonical flat JSON object");
    if (what.metricWindow.empty()) what.metricWindow = "{}";

    ApprovalRequest r;
    r.what = std::move(what);
    r.contentSha256 = sha256Hex(r.what.content);
    r.created = r.updated = clock_.now();
    r.expires = r.created + expiryMs_;
    // Derived from what is asked and when, never random: replays give the same ids.
    r.id = "apr-" + sha256Hex(r.what.actionId + "\n" + r.contentSha256 + "\n" + std::to_string(r.created)).substr(0, 10);

    pending_.clear();
    WriteTransaction tx(db_);
    if (store::Status s = tx.begin(); !s) return storage(s);
    std::optional<ApprovalRequest> existing;
    if (store::Status s = table_.find(r.id, existing); !s) return storage(s);
    if (existing) {  // the same request again: idempotent
        out = *existing;
        return {};
    }
    if (store::Status s = table_.insert(r); !s) return storage(s);
    if (store::Status s = record(r, ApprovalDecision::Requested, "", r.what.rule, r.created); !s) return storage(s);
    if (store::Status s = recordAction(r, ActionStatus::AwaitingApproval, r.created); !s) return storage(s);
    if (store::Status s = tx.commit(); !s) return storage(s);
    for (const auto& rec : pending_) publish(rec);
    pending_.clear();
    out = std::move(r);
    return {};
}

GateStatus ApprovalGate::approve(const std::string& id, const std::string& who, const std::string& comment,
                                 ApprovalRequest* out) {
    return decide(id, who, comment, true, out);
}

GateStatus ApprovalGate::reject(const std::string& id, const std::string& who, const std::string& comment,
                                ApprovalRequest* out) {
    return decide(id, who, comment, false, out);
}

GateStatus ApprovalGate::decide(const std::string& id, const std::string& rawWho, const std::string& comment,
                                bool approve, ApprovalRequest* out) {
    std::string who;
    if (!normaliseIdentity(rawWho, who))
        return GateStatus::fail(GateCode::BadInput, "'" + rawWho + "' is not an identity (one word, no spaces)");
    const TimestampMs now = clock_.now();
    pending_.clear();
    WriteTransaction tx(db_);
    if (store::Status s = tx.begin(); !s) return storage(s);
    std::optional<ApprovalRequest> found;
    if (store::Status s = table_.find(id, found); !s) return storage(s);
    if (!found) return GateStatus::fail(GateCode::NotFound, "no approval request '" + id + "'");
    ApprovalRequest& r = *found;

    GateStatus result;
    const bool open = r.state == RequestState::Pending || (!approve && r.state == RequestState::Approved);
    if (approve && sha256Hex(r.what.content) != r.contentSha256) {
        // Someone edited the stored content after the request was made: what a
        // person would read is not what the hash (and the executor) stands for.
        return GateStatus::fail(GateCode::Refused, r.id + ": stored content does not match its sha256; the request was altered");
    } else if (!open) {
        result = GateStatus::fail(GateCode::Refused, stateRefusal(r));
    } else if (now >= r.expires) {
        // Too late to decide: the request expires now (and stays expired).
        if (store::Status s = expire(r, now, nullptr); !s) return storage(s);
        result = GateStatus::fail(GateCode::Refused, r.id + ": expired at " + std::to_string(r.expires) +
                                                         " (ms since epoch); a new request is needed");
    } else if (approve && who == r.what.requester) {
        return GateStatus::fail(GateCode::Refused,
                                r.id + ": " + who + " requested this action and cannot approve it; another person must");
    } else if (approve && std::any_of(r.votes.begin(), r.votes.end(), [&](const Vote& v) {
                   return v.approver == who && v.decision == ApprovalDecision::Approved;
               })) {
        return GateStatus::fail(GateCode::Refused, r.id + ": " + who + " already approved it; a second, different person must");
    } else if (approve) {
        if (store::Status s = record(r, ApprovalDecision::Approved, who, comment, now); !s) return storage(s);
        std::set<std::string> approvers{who};
        for (const Vote& v : r.votes)
            if (v.decision == ApprovalDecision::Approved) approvers.insert(v.approver);
        if (static_cast<int>(approvers.size()) >= r.what.approversNeeded) {
            if (store::Status s = table_.setState(r.id, RequestState::Approved, now); !s) return storage(s);
        }
    } else {
        if (store::Status s = record(r, ApprovalDecision::Rejected, who, comment, now); !s) return storage(s);
        if (store::Status s = table_.setState(r.id, RequestState::Rejected, now); !s) return storage(s);
        if (store::Status s = recordAction(r, ActionStatus::Rejected, now); !s) return storage(s);
    }
    if (store::Status s = tx.commit(); !s) return storage(s);
    for (const auto& rec : pending_) publish(rec);
    pending_.clear();
    if (out) {
        std::optional<ApprovalRequest> after;
        if (store::Status s = table_.find(id, after); !s) return storage(s);
        if (after) *out = std::move(*after);
    }
    return result;
}

GateStatus ApprovalGate::authorize(const std::string& id, const std::string& content) {
    const TimestampMs now = clock_.now();
    pending_.clear();
    WriteTransaction tx(db_);
    if (store::Status s = tx.begin(); !s) return storage(s);
    std::optional<ApprovalRequest> found;
    if (store::Status s = table_.find(id, found); !s) return storage(s);
    if (!found) return GateStatus::fail(GateCode::NotFound, "no approval request '" + id + "'");
    ApprovalRequest& r = *found;

    GateStatus result;
    if ((r.state == RequestState::Pending || r.state == RequestState::Approved) && now >= r.expires) {
        const bool wasApproved = r.state == RequestState::Approved;
        if (store::Status s = expire(r, now, nullptr); !s) return storage(s);
        result = GateStatus::fail(GateCode::Refused, r.id + (wasApproved ? ": approval expired at " : ": request expired unanswered at ") +
                                                         std::to_string(r.expires) + " (ms since epoch); not executed");
    } else if (r.state != RequestState::Approved) {
        return GateStatus::fail(GateCode::Refused, stateRefusal(r) + "; not executed");
    } else if (sha256Hex(r.what.content) != r.contentSha256) {
        return GateStatus::fail(GateCode::Refused, r.id + ": stored content does not match its sha256; the request was altered; not executed");
    } else if (sha256Hex(content) != r.contentSha256) {
        const std::string keys = differingKeys(r.what.content, content);
        return GateStatus::fail(GateCode::Refused, r.id + ": what is about to be sent differs from what was approved" +
                                                       (keys.empty() ? std::string() : " (" + keys + ")") +
                                                       "; not executed");
    } else {
        if (store::Status s = table_.setState(r.id, RequestState::Executed, now); !s) return storage(s);
        if (store::Status s = recordAction(r, ActionStatus::Executing, now); !s) return storage(s);
    }
    if (store::Status s = tx.commit(); !s) return storage(s);
    for (const auto& rec : pending_) publish(rec);
    pending_.clear();
    return result;
}

GateStatus ApprovalGate::expireDue(std::vector<remedy::Escalation>& escalations) {
    const TimestampMs now = clock_.now();
    pending_.clear();
    WriteTransaction tx(db_);
    if (store::Status s = tx.begin(); !s) return storage(s);
    std::vector<std::string> ids;
    if (store::Status s = table_.due(now, ids); !s) return storage(s);
    for (const auto& id : ids) {
        std::optional<ApprovalRequest> r;
        if (store::Status s = table_.find(id, r); !s) return storage(s);
        if (!r) continue;
        if (store::Status s = expire(*r, now, &escalations); !s) return storage(s);
    }
    if (store::Status s = tx.commit(); !s) return storage(s);
    for (const auto& rec : pending_) publish(rec);
    pending_.clear();
    return {};
}

GateStatus ApprovalGate::find(const std::string& id, ApprovalRequest& out) {
    std::optional<ApprovalRequest> r;
    if (store::Status s = table_.find(id, r); !s) return storage(s);
    if (!r) return GateStatus::fail(GateCode::NotFound, "no approval request '" + id + "'");
    out = std::move(*r);
    return {};
}

GateStatus ApprovalGate::list(const std::vector<RequestState>& states, std::vector<ApprovalRequest>& out) {
    if (store::Status s = table_.list(states, out); !s) return storage(s);
    return {};
}

int ApprovalRequest::approvals() const {
    std::set<std::string> who;
    for (const Vote& v : votes)
        if (v.decision == ApprovalDecision::Approved) who.insert(v.approver);
    return static_cast<int>(who.size());
}

std::string_view toString(RequestState s) {
    switch (s) {
    case RequestState::Pending: return "pending";
    case RequestState::Approved: return "approved";
    case RequestState::Rejected: return "rejected";
    case RequestState::Expired: return "expired";
    case RequestState::Executed: return "executed";
    }
    return "pending";
}

bool fromString(std::string_view s, RequestState& out) {
    for (RequestState v : {RequestState::Pending, RequestState::Approved, RequestState::Rejected, RequestState::Expired,
                           RequestState::Executed})
        if (toString(v) == s) {
            out = v;
            return true;
        }
    return false;
}

}  // namespace vigil::approve
