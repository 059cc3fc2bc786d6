#include "approve/AutomationSwitch.h"

#include "approve/ApprovalGate.h"
#include "approve/ApprovalTable.h"
#include "remedy/RemediationPlanner.h"
#include "remedy/SimFleetActuator.h"
#include "store/Statement.h"

#include <cstdlib>

namespace vigil::approve {

using store::Statement;
using store::Status;

namespace {

// The row is a flat JSON object of strings (compactJson): readable with the
// sqlite3 shell, and new fields do not need a schema migration.
std::string encode(const std::optional<bool>& v) { return v ? (*v ? "on" : "off") : ""; }
std::optional<bool> decode(const std::string& v) {
    if (v == "on") return true;
    if (v == "off") return false;
    return std::nullopt;
}

std::string toJson(const AutomationState& s) {
    return remedy::compactJson({{"paused", encode(s.paused)},
                                {"dry_run", encode(s.dryRun)},
                                {"version", std::to_string(s.version)},
                                {"ts", std::to_string(s.ts)},
                                {"by", s.by},
                                {"reason", s.reason}});
}

AutomationState fromJson(const std::string& json) {
    AutomationState s;
    s.paused = decode(remedy::jsonField(json, "paused"));
    s.dryRun = decode(remedy::jsonField(json, "dry_run"));
    s.version = std::strtoll(remedy::jsonField(json, "version").c_str(), nullptr, 10);
    s.ts = std::strtoll(remedy::jsonField(json, "ts").c_str(), nullptr, 10);
    s.by = remedy::jsonField(json, "by");
    s.reason = remedy::jsonField(json, "reason");
    return s;
}

Status readState(store::Database& db, AutomationState& out) {
    Statement st;
    std::string err;
    if (!st.prepare(db.handle(), "SELECT value FROM meta WHERE key = ?1", err))
        return Status::failure(db.path() + ": cannot read the automation switches: " + err);
    st.bind(1, std::string_view(AutomationSwitch::kMetaKey));
    const int rc = st.step();
    if (rc == SQLITE_DONE) {
        out = AutomationState();
        return {};
    }
    if (rc != SQLITE_ROW) return Status::failure(db.describe("cannot read the automation switches"));
    out = fromJson(st.text(0));
    return {};
}

}  // namespace

std::string_view auditKind(AutomationChange c) {
    switch (c) {
        case AutomationChange::Pause: return "automation.pause";
        case AutomationChange::Resume: return "automation.resume";
        case AutomationChange::DryRunOn: return "automation.dry_run_on";
        case AutomationChange::DryRunOff: return "automation.dry_run_off";
    }
    return "automation.unknown";
}

std::string_view describe(AutomationChange c) {
    switch (c) {
        case AutomationChange::Pause: return "paused";
        case AutomationChange::Resume: return "resumed";
        case AutomationChange::DryRunOn: return "dry run on";
        case AutomationChange::DryRunOff: return "dry run off";
    }
    return "unknown";
}

Status AutomationSwitch::read(AutomationState& out) { return readState(db_, out); }

Status AutomationSwitch::change(AutomationChange change, const std::string& who, const std::string& reason,
                                AutomationState& after, store::AuditEntry& audit) {
    std::string identity;
    if (!normaliseIdentity(who, identity))
        return Status::failure("'" + who + "' is not an identity (empty, or holds spaces or control characters)");
    if (db_.mode() != store::OpenMode::ReadWrite) return Status::failure(db_.path() + ": opened read-only");
    WriteTransaction txn(db_);
    if (Status s = txn.begin(); !s) return s;
    AutomationState s;
    if (Status r = readState(db_, s); !r) return r;
    switch (change) {
        case AutomationChange::Pause: s.paused = true; break;
        case AutomationChange::Resume: s.paused = false; break;
        case AutomationChange::DryRunOn: s.dryRun = true; break;
        case AutomationChange::DryRunOff: s.dryRun = false; break;
    }
    ++s.version;
    s.ts = clock_.now();
    s.by = identity;
    s.reason = reason;
    Statement st;
    std::string err;
    if (!st.prepare(db_.handle(), "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", err))
        return Status::failure(db_.path() + ": cannot store the automation switches: " + err);
    const std::string json = toJson(s);
    st.bind(1, std::string_view(kMetaKey));
    st.bind(2, std::string_view(json));
    if (!st.run(err)) return Status::failure(db_.path() + ": cannot store the automation switches: " + err);
    if (Status c = txn.commit(); !c) return c;
    after = s;
    audit = store::AuditEntry();
    audit.ts = s.ts;
    audit.kind = std::string(auditKind(change));
    audit.subject = "automation";
    audit.body = remedy::compactJson({{"kind", audit.kind},
                                      {"by", identity},
                                      {"reason", reason},
                                      {"paused", encode(s.paused)},
                                      {"dry_run", encode(s.dryRun)},
                                      {"version", std::to_string(s.version)}});
    return {};
}

}  // namespace vigil::approve
