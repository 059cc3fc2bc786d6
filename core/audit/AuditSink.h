// What the engine decided, as audit entries: one per Anomaly, Incident update,
// Action state, Approval decision and Outcome, in output order. The body is the
// record's NDJSON line (docs/telemetry.md), so the content is deterministic and
// readable with any JSON tool. Meant to be added with Engine::addSink next to
// the store sink, writing through a StoreWriter opened by openAuditedWriter().
#pragma once

#include "record/Record.h"
#include "store/AuditEntry.h"
#include "store/StoreWriter.h"

#include <functional>
#include <string_view>
#include <vector>

namespace vigil::audit {

// The audit kind of a decision record: "anomaly", "incident", "action",
// "approval_request", "approval", "rejection", "expiry", "outcome"; empty for
// inputs (metrics, tasks, txs, logs), which are not decisions.
std::string_view auditKind(const Record& r);

// Appends one draft (ts, kind, subject, body; seq and hashes unset) per decision
// in `records` to `out`.
void appendAuditDrafts(const std::vector<Record>& records, std::vector<store::AuditEntry>& out);

// An Engine::Sink (same signature) appending the engine's decisions to the
// writer's audit log; inputs are ignored. The writer must outlive the engine.
std::function<void(const std::vector<Record>&, const std::vector<Record>&)> auditSink(store::StoreWriter& writer);

}  // namespace vigil::audit
