// SQL for approval requests on one store connection: the request rows
// (approval_requests), their decisions (approvals) and the action's latest
// status (actions). No rules here; ApprovalGate decides, this reads and writes.
#pragma once

#include "approve/ApprovalRequest.h"
#include "store/Database.h"
#include "store/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil::approve {

// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed. IMMEDIATE takes the
// write lock up front, so two processes deciding on the same request are
// serialised: the second reads the first one's result (WAL + busy timeout).
class WriteTransaction {
public:
    explicit WriteTransaction(store::Database& db) : db_(db) {}
    ~WriteTransaction();
    store::Status begin();
    store::Status commit();

private:
    store::Database& db_;
    bool open_ = false;
};

class ApprovalTable {
public:
    explicit ApprovalTable(store::Database& db) : db_(db) {}

    store::Status insert(const ApprovalRequest& r);
    // nullopt in `out` when there is no such id.
    store::Status find(const std::string& id, std::optional<ApprovalRequest>& out);
    // Requests in `states` (all when empty), newest first.
    store::Status list(const std::vector<RequestState>& states, std::vector<ApprovalRequest>& out);
    // Pending or approved requests whose expiry is at or before now.
    store::Status due(TimestampMs now, std::vector<std::string>& ids);
    store::Status setState(const std::string& id, RequestState state, TimestampMs ts);
    store::Status appendDecision(const Approval& a);
    // Upsert of the action's latest state (same rule as the record inserter:
    // an older update never overwrites a newer one).
    store::Status upsertAction(const Action& a);

private:
    store::Status votes(ApprovalRequest& r);

    store::Database& db_;
};

}  // namespace vigil::approve
