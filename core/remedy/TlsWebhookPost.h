// One HTTPS POST for the webhook notifier (Boost.Beast over an OpenSSL
// stream; all of it in TlsWebhookPost.cpp, heavy to compile). The receiver is
// verified: its certificate chain against the configured CA file, or else the
// system's CA store, and its name against the URL's host. One deadline covers
// resolve, connect, handshake, write and read.
#pragma once

#include "net/HttpClient.h"

#include <chrono>
#include <memory>
#include <string>

namespace vigil::remedy {

class TlsWebhookPost {
public:
    // nullptr with a one-line reason (unreadable CA file, no system CAs).
    static std::unique_ptr<TlsWebhookPost> create(const std::string& caFile, std::string& error);
    ~TlsWebhookPost();

    // Blocks for at most `deadline`. Errors: Refused, Timeout, Network (TLS
    // failures included, with the verification result in words), Http.
    net::HttpResponse post(const net::HttpTarget& target, const std::string& body, std::chrono::milliseconds deadline) const;

    struct Impl;

private:
    explicit TlsWebhookPost(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::remedy
