// The approver's side of the sign-off service: list, show, approve and reject
// against a URL with a bearer token. Synchronous, each call bounded by one
// deadline (resolve, connect, TLS, write and read together), so a worker
// thread can use it (the desk, `vigilctl approvals --url`); one connection per
// call, so a restarted service is simply reached again on the next call.
//
// https verifies the server: against a CA file (and the host name), or by the
// SHA-256 fingerprint of its certificate (pinned; for a self-signed one), or
// else against the system's CAs. Plain http is accepted for loopback hosts
// only, so a bearer token never crosses a network in clear.
#pragma once

#include "approve/ApprovalRequest.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace vigil::signoff {

struct SignoffClientOptions {
    std::string url;        // "http://127.0.0.1:8787" or "https://desk.example:8443"
    std::string token;      // the approver's bearer token
    std::string caFile;     // https: trust these CA certificates (PEM)
    std::string pinSha256;  // https: accept exactly the certificate with this SHA-256 (hex, colons allowed)
    std::chrono::milliseconds deadline{10'000};
};

enum class SignoffFailure {
    None,
    Connection,  // refused, reset, unreachable, no answer before the deadline: the service is not there
    Tls,         // the handshake failed or the server's certificate is not the trusted one
    Answer,      // the service answered with an error status; message is its text, verbatim
    Malformed,   // something answered, but not the sign-off API's JSON
};

struct SignoffResult {
    SignoffFailure failure = SignoffFailure::None;
    int status = 0;       // HTTP status, when there was an answer
    std::string message;  // success: what the decision did; failure: why, in one line
    explicit operator bool() const { return failure == SignoffFailure::None; }
};

class SignoffClient {
public:
    // nullptr with a one-line reason (bad URL, http to a remote host, unreadable CA
    // file, malformed pin) naming the option.
    static std::unique_ptr<SignoffClient> create(const SignoffClientOptions& options, std::string& error);
    ~SignoffClient();

    // Pending and approved requests (all: every request), newest first.
    // serverNow: the service's clock at the answer, for a countdown that does
    // not depend on the desk's clock.
    SignoffResult list(bool all, std::vector<approve::ApprovalRequest>& out, TimestampMs* serverNow = nullptr) const;
    SignoffResult show(const std::string& id, approve::ApprovalRequest& out, TimestampMs* serverNow = nullptr) const;
    // The approver is whoever holds the token. `out` is the request after the decision.
    SignoffResult approve(const std::string& id, const std::string& comment, approve::ApprovalRequest& out) const;
    SignoffResult reject(const std::string& id, const std::string& comment, approve::ApprovalRequest& out) const;

    // The identity the service knows this token by (GET /v1/whoami).
    SignoffResult whoami(std::string& identity) const;

    const std::string& url() const;

    struct Impl;

private:
    explicit SignoffClient(std::unique_ptr<Impl> impl);
    SignoffResult decide(const std::string& id, const char* verb, const std::string& comment,
                         approve::ApprovalRequest& out) const;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::signoff
