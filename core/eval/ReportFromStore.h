// An incident report from a live database (`vigilctl report --db`, the
// console's Export): the incident's latest state, the anomalies on its targets
// while it was open, its actions, approvals and outcomes, and the stored points
// of its most anomalous series. The audit verdict is the caller's (it needs
// the key).
#pragma once

#include "eval/IncidentReport.h"
#include "store/StoreReader.h"

namespace vigil {

// incidentId empty: every incident in the database. An unknown id is an error
// naming the database and the id.
store::Result<IncidentReport> reportFromStore(const store::StoreReader& reader, const std::string& incidentId);

}  // namespace vigil
