// The automation switches people flip at run time, headless or from the
// console: pause (the kill switch: no automatic action at all) and resume, dry
// run on and off. The state lives in the database (the meta row "automation"),
// so every process on the file agrees: `vigilctl automation` or the console
// writes it, a running engine reads it within a second (DemoHealing polls) and
// lays it over its policy file (LivePolicy::setOverrides), and a restarted
// engine starts with it. Each change is one IMMEDIATE transaction and yields an
// audit draft naming who, what and why; the caller appends it to the audit log
// (vigilctl: AuditLog; the console: its audited writer). docs/policy.md.
#pragma once

#include "record/Clock.h"
#include "store/AuditEntry.h"
#include "store/Database.h"
#include "store/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::approve {

struct AutomationState {
    std::optional<bool> paused;  // unset: the policy file's kill_switch decides
    std::optional<bool> dryRun;  // unset: the policy file's dry_run decides
    std::int64_t version = 0;    // bumps on every change; 0 = never changed
    TimestampMs ts = 0;          // wall clock of the last change
    std::string by, reason;      // who changed it last, and why
    bool operator==(const AutomationState&) const = default;
};

enum class AutomationChange : std::uint8_t { Pause, Resume, DryRunOn, DryRunOff };
// "automation.pause", "automation.resume", "automation.dry_run_on", "automation.dry_run_off" (audit kinds).
std::string_view auditKind(AutomationChange c);
// "paused", "resumed", "dry run on", "dry run off".
std::string_view describe(AutomationChange c);

class AutomationSwitch {
public:
    static constexpr const char* kMetaKey = "automation";

    AutomationSwitch(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

    // The stored state (all unset when nobody changed it yet).
    store::Status read(AutomationState& out);
    // Applies `change` for `who` (an identity as the approval gate takes it:
    // no spaces, not empty) and stores it; `after` is the new state and `audit`
    // the entry to append (ts, kind, subject, body set). Fails with a one-line
    // reason and changes nothing on a bad identity or a storage error.
    store::Status change(AutomationChange change, const std::string& who, const std::string& reason,
                         AutomationState& after, store::AuditEntry& audit);

private:
    store::Database& db_;
    const Clock& clock_;
};

}  // namespace vigil::approve
