#include "remedy/WebhookNotifier.h"

namespace vigil::remedy {

std::unique_ptr<WebhookNotifier> WebhookNotifier::create(const std::string& url, std::string& error,
                                                         std::chrono::milliseconds deadline) {
    auto target = net::HttpTarget::parse(url, error);
    if (!target) {
        error = "notify.webhook: " + error;
        return nullptr;
    }
    return std::unique_ptr<WebhookNotifier>(new WebhookNotifier(std::move(*target), url, deadline));
}

WebhookNotifier::WebhookNotifier(net::HttpTarget target, std::string url, std::chrono::milliseconds deadline)
    : target_(std::move(target)), url_(std::move(url)), deadline_(deadline), thread_([this] { run(); }) {}

WebhookNotifier::~WebhookNotifier() {
    {
        std::lock_guard lk(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void WebhookNotifier::post(std::string payload) {
    {
        std::lock_guard lk(mutex_);
        if (queue_.size() >= kMaxQueued) {
            ++stats_.dropped;
            stats_.lastError = "queue full (" + std::to_string(kMaxQueued) + " waiting): notification dropped";
            return;
        }
        queue_.push_back(std::move(payload));
    }
    wake_.notify_one();
}

void WebhookNotifier::flush() {
    std::unique_lock lk(mutex_);
    idle_.wait(lk, [this] { return queue_.empty() && !busy_; });
}

WebhookStats WebhookNotifier::stats() const {
    std::lock_guard lk(mutex_);
    return stats_;
}

void WebhookNotifier::run() {
    std::unique_lock lk(mutex_);
    for (;;) {
        wake_.wait(lk, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, nothing left
        std::string body = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        lk.unlock();
        const net::HttpResponse r = net::HttpClient::post(target_, std::move(body), deadline_);
        lk.lock();
        busy_ = false;
        if (r.error == net::NetError::None) {
            ++stats_.sent;
        } else {
            ++stats_.failed;
            stats_.lastError = url_ + ": " + r.detail;
        }
        if (queue_.empty()) idle_.notify_all();
    }
}

}  // namespace vigil::remedy
