// An approval request and its evidence, as stored in approval_requests, plus
// the decisions people took on it (rows of the approvals table).
#pragma once

#include "record/Record.h"
#include "remedy/Wei.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil::approve {

// pending -> approved -> executed; pending|approved -> rejected|expired.
enum class RequestState : std::uint8_t { Pending, Approved, Rejected, Expired, Executed };
std::string_view toString(RequestState s);
bool fromString(std::string_view s, RequestState& out);

// What the planner hands over when an action needs people.
struct NewApprovalRequest {
    std::string actionId;
    std::string actionKind;   // transfer, retry_tx, rollback_workflow, ...
    std::string target;
    std::string incidentId;
    std::string narrative;     // the incident's story in words
    std::string metricWindow;  // compact JSON of the triggering metric window
    std::string content;       // canonical JSON (ExecutionContent.h)
    std::string rule;          // policy rule that proposed it
    std::string requester;     // "vigil" for the engine, or the proposing operator
    remedy::Wei value = 0;     // funds moved
    int approversNeeded = 1;   // 1 or 2 (Policy::approversFor)
};

struct Vote {
    TimestampMs ts = 0;
    std::string approver;
    ApprovalDecision decision = ApprovalDecision::Approved;
    std::string comment;
};

struct ApprovalRequest {
    std::string id;  // "apr-" + 10 hex digits of the content-bound hash
    NewApprovalRequest what;
    std::string contentSha256;
    TimestampMs created = 0;
    TimestampMs expires = 0;
    RequestState state = RequestState::Pending;
    TimestampMs updated = 0;
    std::vector<Vote> votes;  // approvals and rejections, oldest first

    int approvals() const;
};

}  // namespace vigil::approve
