#include "audit/AuditSink.h"

#include "record/NdjsonCodec.h"

namespace vigil::audit {

std::string_view auditKind(const Record& r) {
    switch (kindOf(r)) {
    case RecordKind::Anomaly: return "anomaly";
    case RecordKind::Incident: return "incident";
    case RecordKind::Action: return "action";
    case RecordKind::Outcome: return "outcome";
    case RecordKind::Approval:
        switch (std::get<Approval>(r).decision) {
        case ApprovalDecision::Requested: return "approval_request";
        case ApprovalDecision::Approved: return "approval";
        case ApprovalDecision::Rejected: return "rejection";
        case ApprovalDecision::Expired: return "expiry";
        }
        return "approval";
    default: return {};
    }
}

namespace {

// What the entry is about: the record's own id; an outcome's is its action's.
std::string subjectOf(const Record& r) {
    switch (kindOf(r)) {
    case RecordKind::Anomaly: return std::get<Anomaly>(r).id;
    case RecordKind::Incident: return std::get<Incident>(r).id;
    case RecordKind::Action: return std::get<Action>(r).id;
    case RecordKind::Approval: return std::get<Approval>(r).id;
    case RecordKind::Outcome: return std::get<Outcome>(r).action_id;
    default: return {};
    }
}

}  // namespace

void appendAuditDrafts(const std::vector<Record>& records, std::vector<store::AuditEntry>& out) {
    for (const Record& r : records) {
        const std::string_view kind = auditKind(r);
        if (kind.empty()) continue;
        store::AuditEntry e;
        e.ts = timestampOf(r);
        e.kind = kind;
        e.subject = subjectOf(r);
        e.body = toNdjson(r);
        out.push_back(std::move(e));
    }
}

std::function<void(const std::vector<Record>&, const std::vector<Record>&)> auditSink(store::StoreWriter& writer) {
    return [&writer](const std::vector<Record>&, const std::vector<Record>& outputs) {
        if (outputs.empty()) return;
        std::vector<store::AuditEntry> drafts;
        appendAuditDrafts(outputs, drafts);
        if (!drafts.empty()) writer.appendAudit(std::move(drafts));
    };
}

}  // namespace vigil::audit
