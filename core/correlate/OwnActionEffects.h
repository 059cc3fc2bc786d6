// What Vigil's own actions are meant to change, so the change is not taken for a new
// symptom. After Vigil scales a pool, the pool's worker count jumps: a metric detector
// rightly finds the jump unusual, but it is the action working. Taken as evidence, that
// anomaly ("signals are back") re-opened the very incident the action had just
// mitigated, and after a scale-back it could open a new one.
//
// An executing or finished action arms an expectation: the series its kind changes
// (ActionEffect), on the action's target, from the action's time until `settleMs`
// after its last news (the action record again, or its outcome). An anomaly on such a
// series and target in that span is the action's effect. A failed outcome disarms it:
// the action changed nothing, so a change then is news. The anomaly itself is kept and
// shown like any other; only the correlator does not take it as evidence (counted).
// Bounded: at most `maxTracked` actions, the oldest forgotten first.
#pragma once

#include "record/Record.h"

#include <deque>
#include <string>
#include <vector>

namespace vigil {

struct ActionEffect {
    std::string kind;                 // an action kind, e.g. "scale_workers"
    std::vector<std::string> series;  // what it changes on its target, e.g. "worker.count"
};

class OwnActionEffects {
public:
    OwnActionEffects(std::vector<ActionEffect> effects, TimestampMs settleMs, std::size_t maxTracked = 256);

    void observe(const Action& a);
    void observe(const Outcome& o);
    // The anomaly is on a series an armed action changes, on its target, in its span.
    bool expected(const Anomaly& a) const { return expectedBy(a) != nullptr; }
    // The id of the (oldest) armed action it is the effect of, or null.
    const std::string* expectedBy(const Anomaly& a) const;
    std::size_t tracked() const { return armed_.size(); }

private:
    struct Armed {
        std::string actionId, target;
        std::size_t effect;  // index into effects_ (copies stay self-contained: Stage::clone)
        TimestampMs since, lastNews;
    };
    // The index of the kind's effect in effects_, or effects_.size() when it has none.
    std::size_t effectOf(const std::string& kind) const;
    // News of an armed action (its record again, or its outcome): a failure disarms it,
    // anything else extends its span. False when the action is not armed.
    bool news(const std::string& actionId, bool failed, TimestampMs ts);

    std::vector<ActionEffect> effects_;
    TimestampMs settleMs_;
    std::size_t maxTracked_;
    std::deque<Armed> armed_;  // oldest first
};

}  // namespace vigil
