// The policy in force, swappable at run time. reload() parses the new file
// completely first and swaps only when it is valid, so a bad edit is refused
// with its FILE:LINE reason and the running policy stays in force. Readers hold
// a shared_ptr, so a swap never changes a policy under a decision in progress.
// The kill switch and dry run can be overridden at run time (people pause
// automation from `vigilctl automation` or the console); an override stays in
// force across reloads of the file until it is changed again.
#pragma once

#include "remedy/Policy.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace vigil::remedy {

class LivePolicy {
public:
    explicit LivePolicy(Policy initial)
        : current_(std::make_shared<const Policy>(initial)), file_(std::move(initial)) {}

    std::shared_ptr<const Policy> current() const;
    // True when the file loaded and is now in force; otherwise error names
    // FILE:LINE: key: reason and nothing changed.
    bool reload(const std::string& path, std::string& error);
    // Same from text (tests, a policy held in the database).
    bool reloadText(const std::string& yamlText, const std::string& source, std::string& error);
    // Flips the kill switch of the running policy (a copy with the switch set);
    // the same as setOverrides(on, <dry run override unchanged>).
    void setKillSwitch(bool on);
    // Run-time overrides of the file's kill_switch and dry_run (nullopt: the
    // file decides). Effective changes are reported to the listener with
    // `detail` (who changed it and why).
    void setOverrides(std::optional<bool> killSwitch, std::optional<bool> dryRun, const std::string& detail = {});
    int generation() const;  // bumps on every successful swap
    // A rewrite laid over every policy in force, under the overrides: the
    // learned playbook orders (issue #12), so a reload of the file keeps what
    // was learned. Setting it again re-applies at once; null: none.
    using Adjust = std::function<Policy(const Policy&)>;
    void setAdjust(Adjust f);

    // Called (outside the lock) for every load, refused load and kill-switch
    // flip, for the audit log: kind is "policy.loaded", "policy.refused",
    // "kill_switch.on", "kill_switch.off", "dry_run.on" or "dry_run.off";
    // detail names the source or error.
    using Listener = std::function<void(const std::string& kind, const std::string& detail)>;
    void onChange(Listener l);

private:
    void swap(Policy next);
    void notify(const std::string& kind, const std::string& detail) const;
    Policy withOverrides(Policy p) const;  // mutex_ held

    mutable std::mutex mutex_;
    std::shared_ptr<const Policy> current_;
    Policy file_;  // as loaded, before the overrides
    std::optional<bool> killOverride_, dryOverride_;
    Adjust adjust_;
    int generation_ = 1;
    Listener listener_;
};

}  // namespace vigil::remedy
