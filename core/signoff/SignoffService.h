// The sign-off service: SignoffApi over HTTP/1.1 on Boost.Beast, with TLS
// (boost::asio::ssl) when given a certificate and key. It has its own store
// connection, ApprovalGate, io_context and thread; every gate call runs on
// that thread (never a caller's, never the GUI's). Loopback by default; any
// other bind address is refused unless TLS is on, so bearer tokens never
// cross a network in clear.
//
// Each request has one deadline (TLS handshake, headers and body together):
// a slow or silent client is disconnected when it passes. Bodies above the
// limit get 413 as soon as the headers say so.
#pragma once

#include "record/Clock.h"
#include "signoff/ListenAddress.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace vigil::signoff {

struct SignoffServiceOptions {
    std::string dbPath;      // an existing Vigil database (never created here)
    std::string tokensPath;  // ApproverTokens.h
    ListenAddress listen;    // default 127.0.0.1:8787
    std::string certFile;    // PEM certificate chain; TLS when set (with keyFile)
    std::string keyFile;     // PEM private key, mode 0600 like the tokens file
    std::chrono::milliseconds requestDeadline{10'000};
    std::size_t bodyLimit = 16 * 1024;
    const Clock* clock = nullptr;  // people decide in wall-clock time: SystemClock when null
    // When set, every record the gate writes for a decision (Approval, Action)
    // is appended to the database's audit log, sealed with this key (created
    // when missing, like the engine's; audit::defaultKeyPath() is the engine's).
    std::string auditKeyPath;
};

struct SignoffServiceStats {
    std::int64_t connections = 0;
    std::int64_t requests = 0;   // answered, any status
    std::int64_t refused = 0;    // answered with 4xx or 5xx
    std::int64_t dropped = 0;    // connections closed at the deadline
    std::int64_t auditFailures = 0;  // decisions taken but not appended to the audit log
    std::string lastAuditError;
};

class SignoffService {
public:
    // Opens the database, reads the tokens, sets up TLS, binds and starts the
    // thread. nullptr with a one-line reason naming the file or option otherwise.
    static std::unique_ptr<SignoffService> start(const SignoffServiceOptions& options, std::string& error);
    ~SignoffService();  // stop()
    SignoffService(const SignoffService&) = delete;
    SignoffService& operator=(const SignoffService&) = delete;

    // Closes the listener and every connection and joins the thread. Idempotent.
    void stop();

    std::uint16_t port() const;  // the bound port (listen.port 0 picks one)
    bool tls() const;
    std::string url() const;  // "https://127.0.0.1:8443"
    SignoffServiceStats stats() const;

    struct Impl;

private:
    explicit SignoffService(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::signoff
