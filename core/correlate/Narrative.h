// The short text an on-call engineer reads first: what was seen, where, since
// when, the likely cause and where the incident stands. Built only from record
// times, so a replay writes the same words.
#pragma once

#include "correlate/RecentChanges.h"
#include "record/Record.h"

#include <string>
#include <vector>

namespace vigil {

struct NarrativeFacts {
    IncidentState state = IncidentState::Open;
    Severity severity = Severity::Warning;
    TimestampMs since = 0, lastAnomaly = 0, at = 0;
    std::vector<std::string> seen;     // detector names, strongest first
    std::vector<std::string> targets;  // cause first
    std::string cause, causeDetector, causeExplanation;
    int explained = 0;                 // targets the cause accounts for
    std::vector<std::string> otherCauses;  // other upstream roots, "rpc:x (explains 3)"
    std::int64_t anomalies = 0;
    int flaps = 0;
    bool remedied = false;
    std::vector<Change> changes;  // announced on affected targets shortly before `since`
};

std::string buildNarrative(const NarrativeFacts& f);
// "2026-03-01 12:03:10Z"
std::string formatUtc(TimestampMs ts);
// "task failures" for "task.failure_ratio"; unknown detectors keep their name.
std::string detectorWords(const std::string& detector);

}  // namespace vigil
