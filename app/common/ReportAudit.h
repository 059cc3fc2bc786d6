// The audit chain's verdict for an incident report: the database's log
// checked with the key (the same check as `vigilctl audit verify`), in words.
#pragma once

#include "eval/IncidentReport.h"

#include <string>

namespace vigil::app {

// keyPath empty: the default key. A missing key or unreadable log is "not verified: why".
ReportAudit auditVerdict(const std::string& dbPath, const std::string& keyPath = {});

}  // namespace vigil::app
