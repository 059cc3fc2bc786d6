#include "remedy/LivePolicy.h"

#include "remedy/PolicyLoader.h"

namespace vigil::remedy {

std::shared_ptr<const Policy> LivePolicy::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

int LivePolicy::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

void LivePolicy::swap(Policy next) {
    auto p = std::make_shared<const Policy>(std::move(next));
    std::lock_guard lock(mutex_);
    current_ = std::move(p);
    ++generation_;
}

bool LivePolicy::reload(const std::string& path, std::string& error) {
    Policy next;
    if (!loadPolicyFile(path, next, error)) return false;
    swap(std::move(next));
    return true;
}

bool LivePolicy::reloadText(const std::string& yamlText, const std::string& source, std::string& error) {
    Policy next;
    if (!parsePolicy(yamlText, source, next, error)) return false;
    swap(std::move(next));
    return true;
}

void LivePolicy::setKillSwitch(bool on) {
    std::lock_guard lock(mutex_);  // copy and swap under one lock: a concurrent reload is not lost
    Policy next = *current_;
    next.killSwitch = on;
    current_ = std::make_shared<const Policy>(std::move(next));
    ++generation_;
}

}  // namespace vigil::remedy
