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

void LivePolicy::onChange(Listener l) {
    std::lock_guard lock(mutex_);
    listener_ = std::move(l);
}

void LivePolicy::notify(const std::string& kind, const std::string& detail) const {
    Listener l;
    {
        std::lock_guard lock(mutex_);
        l = listener_;
    }
    if (l) l(kind, detail);
}

bool LivePolicy::reload(const std::string& path, std::string& error) {
    Policy next;
    if (!loadPolicyFile(path, next, error)) {
        notify("policy.refused", error + " (the running policy stays in force)");
        return false;
    }
    swap(std::move(next));
    notify("policy.loaded", path);
    return true;
}

bool LivePolicy::reloadText(const std::string& yamlText, const std::string& source, std::string& error) {
    Policy next;
    if (!parsePolicy(yamlText, source, next, error)) {
        notify("policy.refused", error + " (the running policy stays in force)");
        return false;
    }
    swap(std::move(next));
    notify("policy.loaded", source);
    return true;
}

void LivePolicy::setKillSwitch(bool on) {
    {
        std::lock_guard lock(mutex_);  // copy and swap under one lock: a concurrent reload is not lost
        Policy next = *current_;
        next.killSwitch = on;
        current_ = std::make_shared<const Policy>(std::move(next));
        ++generation_;
    }
    notify(on ? "kill_switch.on" : "kill_switch.off", "");
}

}  // namespace vigil::remedy
