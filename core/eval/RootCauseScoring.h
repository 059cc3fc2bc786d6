// Whether each incident named the right root cause. An incident is matched with
// the labelled faults it covers (the coverage rule of scoreRun: a non-resolved
// record inside the fault's window + grace whose cause or targets are the fault's
// target or directly linked to it); the cause it should name is the target of the
// earliest of those faults (in a cascade, the first fault of the chain it spans).
// Its named cause is the one on its last record. Incidents that cover no fault
// are counted apart (unmatched), not judged.
#pragma once

#include "correlate/IncidentScoring.h"
#include "correlate/Topology.h"

#include <string>
#include <vector>

namespace vigil {

struct IncidentCauseResult {
    std::string incident;
    std::string named;     // the cause on the incident's last record
    std::string expected;  // the earliest covered fault's target; empty when unmatched
    bool right = false;
};

struct RootCauseScore {
    std::vector<IncidentCauseResult> incidents;  // in order of first appearance
    int judged = 0, right = 0, unmatched = 0;
    double accuracy() const { return judged ? static_cast<double>(right) / judged : 1.0; }
};

RootCauseScore scoreRootCause(const std::vector<FaultWindow>& faults, const std::vector<Incident>& updates,
                              const Topology* topology, TimestampMs graceMs = 60'000);

}  // namespace vigil
