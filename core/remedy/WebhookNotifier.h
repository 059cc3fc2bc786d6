// Sends notifications (Alertmanager v4 payloads) to the policy's
// `notify.webhook` on a thread of its own, so a slow or dead receiver never
// holds up healing: post() only queues. One POST per notification through
// net::HttpClient (http://) or TlsWebhookPost (https://, the receiver verified
// against notify.ca_file or the system's CAs) with a 2 s deadline, no retries (a notification is news, not
// state). Bounded: past kMaxQueued waiting payloads a new one is counted as
// dropped, never silently. The owner decides what is sent; replay and dry run
// send nothing (they have no notifier).
#pragma once

#include "net/HttpClient.h"
#include "remedy/TlsWebhookPost.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace vigil::remedy {

struct WebhookStats {
    std::int64_t sent = 0, failed = 0, dropped = 0;
    std::string lastError;  // the newest failure, in words
};

class WebhookNotifier {
public:
    static constexpr std::size_t kMaxQueued = 256;

    // nullptr with error for a malformed URL or an unreadable CA file. caFile:
    // https only, the CAs to trust instead of the system's.
    static std::unique_ptr<WebhookNotifier> create(const std::string& url, std::string& error,
                                                   std::chrono::milliseconds deadline = std::chrono::milliseconds(2000),
                                                   const std::string& caFile = {});
    ~WebhookNotifier();  // sends what is queued (each within its deadline), then stops
    WebhookNotifier(const WebhookNotifier&) = delete;
    WebhookNotifier& operator=(const WebhookNotifier&) = delete;

    void post(std::string payload);
    void flush();  // returns when everything queued before the call was sent or failed
    WebhookStats stats() const;
    const std::string& url() const { return url_; }

private:
    WebhookNotifier(net::HttpTarget target, std::string url, std::chrono::milliseconds deadline,
                    std::unique_ptr<TlsWebhookPost> tls);
    void run();

    net::HttpTarget target_;
    std::unique_ptr<TlsWebhookPost> tls_;  // set for https://
    std::string url_;
    std::chrono::milliseconds deadline_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::deque<std::string> queue_;
    bool stop_ = false, busy_ = false;
    WebhookStats stats_;
    std::thread thread_;
};

}  // namespace vigil::remedy
