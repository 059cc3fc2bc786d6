// What `vigilctl feedback` and `vigilctl learn` share: the learning tables of a
// database opened with the engine's audit key, and the evidence learning reads
// from the stored records (incidents, anomalies, actions, outcomes).
#pragma once

#include "learn/Adaptation.h"
#include "learn/LearnStore.h"

#include <QString>

#include <memory>
#include <optional>

namespace vigilctl {

// The learning store of `db` (must exist), audited with the default key.
// On failure: nullptr and `error` is the one-line reason.
std::unique_ptr<vigil::learn::LearnStore> openLearnStore(const QString& db, QString& error);

struct StoredEvidence {
    std::vector<vigil::Incident> incidents;  // latest state of each
    std::map<std::string, vigil::learn::SeriesScores> incidentSeries;
    std::vector<vigil::learn::ActionResult> actions;
    std::vector<vigil::Action> actionRecords;
};
std::optional<StoredEvidence> readEvidence(const QString& db, QString& error);

// (series, target) -> the lowest highest-score of an incident confirmed real there.
std::map<vigil::learn::SeriesKey, double> realScores(const StoredEvidence& ev,
                                                     const std::vector<vigil::learn::Feedback>& feedback);

}  // namespace vigilctl
