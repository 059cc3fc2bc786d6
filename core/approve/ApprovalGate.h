// The approval gate: the one place that decides whether a person-approved
// action may run. Requests carry their evidence and the canonical content of
// what would be sent; the requester never approves its own request; at or
// above the two-person limit two distinct people approve; a request expires
// (then it is rejected and escalated); and authorize() at execution time checks
// again that a valid approval exists for exactly the content about to be sent.
//
// State lives in the store, not in this object: every call is one IMMEDIATE
// transaction on its connection, so the engine and `vigilctl approvals` in
// another process decide on the same rows safely (SQLite WAL).
#pragma once

#include "approve/ApprovalRequest.h"
#include "approve/ApprovalTable.h"
#include "record/Clock.h"
#include "remedy/ActionAdmission.h"
#include "store/Database.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vigil::approve {

enum class GateCode : std::uint8_t {
    Ok,
    NotFound,  // no request with that id
    Refused,   // the rules say no (self-approval, expired, content differs, ...)
    BadInput,  // malformed call: empty identity, bad content, ...
    Storage,   // the database failed
};

struct GateStatus {
    GateCode code = GateCode::Ok;
    std::string message;  // one line, operator-readable
    explicit operator bool() const { return code == GateCode::Ok; }
    static GateStatus fail(GateCode c, std::string m) { return {c, std::move(m)}; }
};

// Identities compare case-insensitively after trimming ("Alice " is "alice"),
// so case cannot make one person count twice. Empty, or holding control
// characters or spaces: not an identity.
bool normaliseIdentity(const std::string& raw, std::string& out);

class ApprovalGate {
public:
    // expiryMs: how long a request stays valid (Policy::approvalExpiryMs).
    ApprovalGate(store::Database& db, const Clock& clock, TimestampMs expiryMs = 15 * 60'000)
        : db_(db), table_(db), clock_(clock), expiryMs_(expiryMs) {}

    // Every Approval and Action record the gate writes, for the audit log and
    // the console (the gate has already stored them: do not store them again).
    void onRecord(std::function<void(const Record&)> f) { onRecord_ = std::move(f); }

    GateStatus request(const NewApprovalRequest& req, ApprovalRequest& out);
    GateStatus approve(const std::string& id, const std::string& who, const std::string& comment,
                       ApprovalRequest* out = nullptr);
    GateStatus reject(const std::string& id, const std::string& who, const std::string& comment,
                      ApprovalRequest* out = nullptr);
    // At execution: ok only if the request is approved, unexpired, not yet
    // executed and `content` is byte for byte what was approved. Ok marks it
    // executed (one approval, one execution).
    GateStatus authorize(const std::string& id, const std::string& content);
    // Expires every pending or approved request past its expiry; each becomes
    // an escalation for the planner to raise.
    GateStatus expireDue(std::vector<remedy::Escalation>& escalations);

    GateStatus find(const std::string& id, ApprovalRequest& out);
    GateStatus list(const std::vector<RequestState>& states, std::vector<ApprovalRequest>& out);

private:
    GateStatus decide(const std::string& id, const std::string& who, const std::string& comment, bool approve,
                      ApprovalRequest* out);
    // Within an open transaction: marks r expired and records it.
    store::Status expire(ApprovalRequest& r, TimestampMs now, std::vector<remedy::Escalation>* escalations);
    store::Status record(const ApprovalRequest& r, ApprovalDecision d, const std::string& approver,
                         const std::string& reason, TimestampMs now);
    store::Status recordAction(const ApprovalRequest& r, ActionStatus status, TimestampMs now);
    void publish(const Record& r) const;

    store::Database& db_;
    ApprovalTable table_;
    const Clock& clock_;
    TimestampMs expiryMs_;
    std::function<void(const Record&)> onRecord_;
    std::vector<Record> pending_;  // emitted after commit only
};

}  // namespace vigil::approve
