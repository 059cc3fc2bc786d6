#include "remedy/WebhookNotifier.h"

namespace vigil::remedy {

std::unique_ptr<WebhookNotifier> WebhookNotifier::create(const std::string& url, std::string& error,
                                                         std::chrono::milliseconds deadline, const std::string& caFile) {
    constexpr std::string_view https = "https://";
    const bool secure = url.rfind(https, 0) == 0;
    std::string plain = secure ? "http://" + url.substr(https.size()) : url;
    // https without a port is 443 (HttpTarget's default is http's 80).
    if (secure) {
        const std::string authority = plain.substr(7, plain.find('/', 7) == std::string::npos ? std::string::npos : plain.find('/', 7) - 7);
        const auto colon = authority.rfind(':');
        if (colon == std::string::npos || authority.find(']', colon) != std::string::npos)
            plain.insert(7 + authority.size(), ":443");
    }
    auto target = net::HttpTarget::parse(plain, error);
    if (!target) {
        error = "notify.webhook: " + (secure ? url + ": endpoint url needs a host and a numeric port" : error);
        return nullptr;
    }
    std::unique_ptr<TlsWebhookPost> tls;
    if (secure) {
        tls = TlsWebhookPost::create(caFile, error);
        if (!tls) return nullptr;
    } else if (!caFile.empty()) {
        error = "notify.ca_file: set, but notify.webhook " + url + " is not https://";
        return nullptr;
    }
    return std::unique_ptr<WebhookNotifier>(new WebhookNotifier(std::move(*target), url, deadline, std::move(tls)));
}

WebhookNotifier::WebhookNotifier(net::HttpTarget target, std::string url, std::chrono::milliseconds deadline,
                                 std::unique_ptr<TlsWebhookPost> tls)
    : target_(std::move(target)), tls_(std::move(tls)), url_(std::move(url)), deadline_(deadline), thread_([this] { run(); }) {}

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
        const net::HttpResponse r = tls_ ? tls_->post(target_, body, deadline_) : net::HttpClient::post(target_, std::move(body), deadline_);
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
