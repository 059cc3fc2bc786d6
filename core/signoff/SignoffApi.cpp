#include "signoff/SignoffApi.h"

#include "net/Json.h"
#include "signoff/ApprovalJson.h"

#include <simdjson.h>

#include <cctype>

namespace vigil::signoff {

using approve::ApprovalRequest;
using approve::GateCode;
using approve::GateStatus;
using approve::RequestState;

namespace {

ApiReply error(int status, std::string_view message) { return {status, errorJson(status, message), {}, false}; }

ApiReply methodNotAllowed(const std::string& method, const std::string& path, const char* allow) {
    ApiReply r = error(405, method + " is not allowed on " + path + " (allowed: " + allow + ")");
    r.allow = allow;
    return r;
}

// "Bearer TOKEN" (scheme case-insensitive, RFC 6750); "" when it is not one.
std::string bearerToken(const std::string& header) {
    if (header.size() < 7) return {};
    for (std::size_t i = 0; i < 6; ++i)
        if (std::tolower(static_cast<unsigned char>(header[i])) != "bearer"[i]) return {};
    if (header[6] != ' ') return {};
    std::size_t b = 7;
    while (b < header.size() && header[b] == ' ') ++b;
    std::size_t e = header.size();
    while (e > b && header[e - 1] == ' ') --e;
    return header.substr(b, e - b);
}

// "apr-%41" -> "apr-A" (SignoffClient encodes ids as path segments); a
// malformed escape stays as it is and simply names no request.
std::string percentDecoded(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The comment of a decision body: {} or {"comment": "..."}; an empty body is
// {}. False with "FIELD: reason" otherwise.
bool readComment(const std::string& body, std::string& comment, std::string& why) {
    comment.clear();
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) return true;
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    simdjson::dom::object obj;
    if (parser.parse(simdjson::padded_string(body)).get(root) || root.get_object().get(obj)) {
        why = "body: not a JSON object (expected {\"comment\": \"...\"})";
        return false;
    }
    for (auto field : obj) {
        if (field.key == "comment") {
            std::string_view s;
            if (field.value.get_string().get(s)) {
                why = "comment: must be a string";
                return false;
            }
            if (s.size() > kMaxCommentChars) {
                why = "comment: " + std::to_string(s.size()) + " bytes, at most " + std::to_string(kMaxCommentChars);
                return false;
            }
            comment.assign(s);
        } else if (field.key == "as" || field.key == "approver" || field.key == "identity" || field.key == "who") {
            why = std::string(field.key) + ": not accepted; the approver is the identity of the bearer token";
            return false;
        } else {
            why = std::string(field.key) + ": unknown field (a decision takes only \"comment\")";
            return false;
        }
    }
    return true;
}

}  // namespace

int statusFor(const GateStatus& s, bool selfApproval) {
    switch (s.code) {
    case GateCode::Ok: return 200;
    case GateCode::NotFound: return 404;
    case GateCode::BadInput: return 400;
    case GateCode::Storage: return 503;
    case GateCode::Refused: return selfApproval ? 403 : 409;
    }
    return 500;
}

ApiReply SignoffApi::handle(const ApiRequest& req) {
    std::string path = req.target, query;
    if (const auto q = path.find('?'); q != std::string::npos) {
        query = path.substr(q + 1);
        path.resize(q);
    }
    // Who calls comes first: without a valid token nothing else is answered.
    const std::string token = bearerToken(req.authorization);
    if (token.empty()) {
        ApiReply r = error(401, "missing bearer token (Authorization: Bearer TOKEN)");
        r.challenge = true;
        return r;
    }
    const auto who = tokens_.identityFor(token);
    if (!who) {
        ApiReply r = error(401, "unknown bearer token");
        r.challenge = true;
        return r;
    }

    // Who the token is: a desk shows whom it is signed in as.
    if (path == "/v1/whoami") {
        if (req.method != "GET") return methodNotAllowed(req.method, path, "GET");
        return {200, net::JsonObject().add("identity", *who).str(), {}, false};
    }
    constexpr std::string_view prefix = "/v1/approvals";
    if (path == prefix || path == std::string(prefix) + "/") {
        if (req.method != "GET") return methodNotAllowed(req.method, path, "GET");
        return list(query);
    }
    if (path.rfind(std::string(prefix) + "/", 0) != 0) return error(404, "no such path: " + path);
    const std::string rest = path.substr(prefix.size() + 1);
    const auto slash = rest.find('/');
    const std::string id = percentDecoded(rest.substr(0, slash));
    if (slash == std::string::npos) {
        if (req.method != "GET") return methodNotAllowed(req.method, path, "GET");
        return show(id);
    }
    const std::string verb = rest.substr(slash + 1);
    if (verb != "approve" && verb != "reject") return error(404, "no such path: " + path);
    if (req.method != "POST") return methodNotAllowed(req.method, path, "POST");
    return decide(id, verb == "approve", *who, req.body);
}

ApiReply SignoffApi::list(const std::string& query) {
    std::vector<RequestState> states{RequestState::Pending, RequestState::Approved};
    if (query == "all=1" || query == "all=true") states.clear();
    else if (!query.empty())
        return error(400, "query: '" + query + "' is not understood (only all=1)");
    std::vector<ApprovalRequest> rs;
    if (GateStatus s = gate_.list(states, rs); !s) return error(statusFor(s, false), s.message);
    return {200, approvalListJson(rs, clock_.now()), {}, false};
}

ApiReply SignoffApi::show(const std::string& id) {
    ApprovalRequest r;
    if (GateStatus s = gate_.find(id, r); !s) return error(statusFor(s, false), s.message);
    return {200, approvalAnswerJson(r, clock_.now()), {}, false};
}

ApiReply SignoffApi::decide(const std::string& id, bool approve, const std::string& who, const std::string& body) {
    std::string comment, why;
    if (!readComment(body, comment, why)) return error(400, why);
    ApprovalRequest before;
    const GateStatus found = gate_.find(id, before);
    if (!found) return error(statusFor(found, false), found.message);
    ApprovalRequest after;
    const GateStatus s = approve ? gate_.approve(id, who, comment, &after) : gate_.reject(id, who, comment, &after);
    // The requester never changes, so this tells a self-approval (403: who you
    // are) from a refusal because of the request's state (409), in the gate's order:
    // a decided or expired request is refused for that before it is for who asks.
    const bool self = approve && before.what.requester == who && before.state == RequestState::Pending &&
                      clock_.now() < before.expires;
    if (!s) return error(statusFor(s, self), s.message);
    return {200, decisionAnswerJson(after, decisionSummary(after)), {}, false};
}

}  // namespace vigil::signoff
