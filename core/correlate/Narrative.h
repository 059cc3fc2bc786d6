// The short text an on-call engineer reads first: what was seen, where, since
// when, the likely cause and where the incident stands. Built only from record
// times, so a replay writes the same words. Built as messages with arguments
// (NarrativeMessages.h), rendered in English here and in the user's language by
// the UI.
#pragma once

#include "correlate/RecentChanges.h"
#include "record/NarrativeText.h"
#include "record/Record.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vigil {

struct NarrativeFacts {
    IncidentState state = IncidentState::Open;
    Severity severity = Severity::Warning;
    TimestampMs since = 0, lastAnomaly = 0, at = 0;
    std::vector<std::string> seen;     // detector names, strongest first
    std::vector<std::string> targets;  // cause first
    std::string cause, causeDetector, causeExplanation;
    std::optional<NarrativeSentence> causeExplanationLead;  // its first sentence as a message, when the detector gave one
    int explained = 0;                 // targets the cause accounts for
    std::vector<std::pair<std::string, int>> otherCauses;  // other upstream roots and how many they explain
    std::int64_t anomalies = 0;
    int flaps = 0;
    bool remedied = false;
    std::vector<Change> changes;  // announced on affected targets shortly before `since`
};

std::vector<NarrativeSentence> narrativeStory(const NarrativeFacts& f);
// A story's text: the narrative's messages and the first sentence of a detector's
// explanation (detect/ExplanationMessages.h); English without `translate`.
std::string renderStory(const std::vector<NarrativeSentence>& story, const NarrativeTranslate& translate = {});
// True if this build knows every message of the story.
bool knownStory(const std::vector<NarrativeSentence>& story);
inline std::string buildNarrative(const NarrativeFacts& f) { return renderStory(narrativeStory(f)); }
// "2026-03-01 12:03:10Z"
std::string formatUtc(TimestampMs ts);
// "task failures" for "task.failure_ratio"; unknown detectors keep their name.
std::string detectorWords(const std::string& detector);

}  // namespace vigil
