// A learned model as a file, so it moves between workstations (issue #12):
// `vigilctl learn export FILE` writes the changes in force, `learn import FILE`
// validates the whole file first (every error names the file and the field,
// e.g. "m.json: series_cuts[1].cut: must be a number in (0, 0.95]") and only
// then turns it into new changes of this database, each reversible on its own.
//
//   {"format": "vigil-learned-model", "version": 1, "exported_at": 1767225600000,
//    "series_cuts": [{"series": "net.latency_ms", "target": "host:batch-1", "cut": 0.9, "reason": "..."}],
//    "playbook_orders": [{"rule": "rpc-outage-failover", "order": ["failover_rpc", "notify"], "reason": "..."}]}
#pragma once

#include "learn/Adaptation.h"
#include "learn/LearnChange.h"

#include <map>
#include <string>
#include <vector>

namespace vigil::learn {

inline constexpr const char* kModelFormat = "vigil-learned-model";
inline constexpr int kModelVersion = 1;

// The changes in force (the latest per subject) as the file's text.
std::string exportModel(const std::vector<LearnChange>& changes, TimestampMs exportedAt);

struct ImportResult {
    bool ok = false;
    std::string error;                // "FILE: field: reason" when !ok
    std::vector<LearnChange> changes; // what differs from the model in force (ids 0)
    int unchanged = 0;                // entries the model already had
};

// Parses and validates `text` (named `file` in errors) against the changes so
// far. Cuts above cfg.cap are refused; a cut above (score - margin) of an
// incident confirmed real here (realScores) is held at that bound and says so.
ImportResult importModel(const std::string& text, const std::string& file, const std::vector<LearnChange>& history,
                         TimestampMs now, const std::map<SeriesKey, double>& realScores = {},
                         const LearnConfig& cfg = {});

}  // namespace vigil::learn
