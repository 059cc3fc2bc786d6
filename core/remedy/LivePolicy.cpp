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

Policy LivePolicy::withOverrides(Policy p) const {
    if (adjust_) p = adjust_(p);
    if (killOverride_) p.killSwitch = *killOverride_;
    if (dryOverride_) p.dryRun = *dryOverride_;
    return p;
}

void LivePolicy::swap(Policy next) {
    std::lock_guard lock(mutex_);
    file_ = std::move(next);
    current_ = std::make_shared<const Policy>(withOverrides(file_));
    ++generation_;
}

void LivePolicy::setAdjust(Adjust f) {
    std::lock_guard lock(mutex_);
    adjust_ = std::move(f);
    current_ = std::make_shared<const Policy>(withOverrides(file_));
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
    std::optional<bool> dry;
    {
        std::lock_guard lock(mutex_);
        dry = dryOverride_;
    }
    setOverrides(on, dry);
}

void LivePolicy::setOverrides(std::optional<bool> killSwitch, std::optional<bool> dryRun, const std::string& detail) {
    bool killBefore, killAfter, dryBefore, dryAfter;
    {
        std::lock_guard lock(mutex_);  // copy and swap under one lock: a concurrent reload is not lost
        killBefore = current_->killSwitch;
        dryBefore = current_->dryRun;
        killOverride_ = killSwitch;
        dryOverride_ = dryRun;
        current_ = std::make_shared<const Policy>(withOverrides(file_));
        killAfter = current_->killSwitch;
        dryAfter = current_->dryRun;
        ++generation_;
    }
    if (killBefore != killAfter) notify(killAfter ? "kill_switch.on" : "kill_switch.off", detail);
    if (dryBefore != dryAfter) notify(dryAfter ? "dry_run.on" : "dry_run.off", detail);
}

}  // namespace vigil::remedy
