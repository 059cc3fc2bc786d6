// One learned adjustment (issue #12), as stored, audited, listed and reverted:
// a per-series score cut (fewer false alarms where operators said so) or a
// playbook's order of choices (the most successful first). The learned model in
// force is the fold of the changes not reverted, in id order (LearnedModel), so
// reverting a change restores whatever was in force before it.
#pragma once

#include "correlate/SeriesCuts.h"
#include "record/Record.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil::learn {

enum class ChangeKind : std::uint8_t { SeriesCut, PlaybookOrder };
std::string_view toString(ChangeKind k);  // "series_cut", "playbook_order"
bool fromString(std::string_view s, ChangeKind& out);

struct LearnChange {
    std::int64_t id = 0;  // assigned by the store (1, 2, ...); 0 = not stored yet
    TimestampMs ts = 0;
    ChangeKind kind = ChangeKind::SeriesCut;
    // SeriesCut: the series; cut 0 = none (every score counts).
    std::string series, target;
    double cutBefore = 0, cutAfter = 0;
    // PlaybookOrder: the rule and its first step's choices (action kinds), first tried first.
    std::string rule;
    std::vector<std::string> orderBefore, orderAfter;
    std::string reason;                 // operator-readable: why, with the figures
    std::vector<std::string> evidence;  // incident ids (cuts) or action ids (orders) it rests on
    std::string by = "vigil";           // "vigil", a user, or "import:FILE"
    TimestampMs revertedTs = 0;         // 0 = in force
    std::string revertedBy;
    bool reverted() const { return revertedTs != 0; }
    std::string subject() const;        // "series target" or "rule NAME"
    bool operator==(const LearnChange&) const = default;
};

// What the changes in force add up to.
struct LearnedModel {
    std::map<std::pair<std::string, std::string>, double> cuts;  // (series, target) -> cut > 0
    std::map<std::string, std::vector<std::string>> orders;      // rule -> choice order
    bool operator==(const LearnedModel&) const = default;
};

// Folds the changes not reverted in id order (a later change on the same
// subject wins; a cut of 0 removes the series' cut).
LearnedModel modelOf(const std::vector<LearnChange>& changes);
SeriesCuts cutsOf(const LearnedModel& model);

// "a, b, c" and back (action kinds have no commas or spaces).
std::string joinList(const std::vector<std::string>& v);
std::vector<std::string> splitList(std::string_view s);

}  // namespace vigil::learn
