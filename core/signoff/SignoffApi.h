// The sign-off service's routes, without any networking: an HTTP request's
// method, target, Authorization header and body in, a status and JSON body
// out (docs/signoff.md has the table). The approver is the identity of the
// bearer token, never something the body says. Every refusal carries the
// gate's message verbatim.
#pragma once

#include "approve/ApprovalGate.h"
#include "record/Clock.h"
#include "signoff/ApproverTokens.h"

#include <string>

namespace vigil::signoff {

inline constexpr std::size_t kMaxCommentChars = 2000;

struct ApiRequest {
    std::string method;         // "GET", "POST", ...
    std::string target;         // "/v1/approvals/apr-0123456789?x=y"
    std::string authorization;  // the Authorization header's value, "" when absent
    std::string body;
};

struct ApiReply {
    int status = 200;
    std::string body;   // JSON
    std::string allow;  // the Allow header for 405
    bool challenge = false;  // 401: send WWW-Authenticate: Bearer
};

class SignoffApi {
public:
    // gate, tokens and clock outlive this; used from one thread (the service's).
    SignoffApi(approve::ApprovalGate& gate, const ApproverTokens& tokens, const Clock& clock)
        : gate_(gate), tokens_(tokens), clock_(clock) {}

    ApiReply handle(const ApiRequest& req);

private:
    ApiReply list(const std::string& query);
    ApiReply show(const std::string& id);
    ApiReply decide(const std::string& id, bool approve, const std::string& who, const std::string& body);

    approve::ApprovalGate& gate_;
    const ApproverTokens& tokens_;
    const Clock& clock_;
};

// The status a gate refusal is answered with (docs/signoff.md).
int statusFor(const approve::GateStatus& s, bool selfApproval);

}  // namespace vigil::signoff
