// The policy in force, swappable at run time. reload() parses the new file
// completely first and swaps only when it is valid, so a bad edit is refused
// with its FILE:LINE reason and the running policy stays in force. Readers hold
// a shared_ptr, so a swap never changes a policy under a decision in progress.
#pragma once

#include "remedy/Policy.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace vigil::remedy {

class LivePolicy {
public:
    explicit LivePolicy(Policy initial) : current_(std::make_shared<const Policy>(std::move(initial))) {}

    std::shared_ptr<const Policy> current() const;
    // True when the file loaded and is now in force; otherwise error names
    // FILE:LINE: key: reason and nothing changed.
    bool reload(const std::string& path, std::string& error);
    // Same from text (tests, a policy held in the database).
    bool reloadText(const std::string& yamlText, const std::string& source, std::string& error);
    // Flips the kill switch of the running policy (a copy with the switch set).
    void setKillSwitch(bool on);
    int generation() const;  // bumps on every successful swap

    // Called (outside the lock) for every load, refused load and kill-switch
    // flip, for the audit log: kind is "policy.loaded", "policy.refused",
    // "kill_switch.on" or "kill_switch.off"; detail names the source or error.
    using Listener = std::function<void(const std::string& kind, const std::string& detail)>;
    void onChange(Listener l);

private:
    void swap(Policy next);
    void notify(const std::string& kind, const std::string& detail) const;

    mutable std::mutex mutex_;
    std::shared_ptr<const Policy> current_;
    int generation_ = 1;
    Listener listener_;
};

}  // namespace vigil::remedy
