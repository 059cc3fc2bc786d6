#include "common/ReportAudit.h"

#include "audit/AuditKey.h"
#include "audit/AuditVerifier.h"

namespace vigil::app {

ReportAudit auditVerdict(const std::string& dbPath, const std::string& keyPath) {
    ReportAudit a;
    auto key = audit::loadKey(keyPath.empty() ? audit::defaultKeyPath() : keyPath);
    if (!key) {
        a.text = "not verified: " + key.error();
        return a;
    }
    auto v = audit::verifyAuditLog(dbPath, *key);
    if (!v) {
        a.text = "not verified: " + v.error();
        return a;
    }
    a.checked = true;
    a.intact = v->intact;
    a.entries = v->entries;
    a.text = v->intact ? "intact: " + std::to_string(v->entries) +
                             " entries, every hash and link checked, seal valid at seq " + std::to_string(v->headSeq)
                       : "BROKEN" + (v->badSeq ? " at entry " + std::to_string(v->badSeq) : std::string()) + ": " +
                             v->problem;
    return a;
}

}  // namespace vigil::app
