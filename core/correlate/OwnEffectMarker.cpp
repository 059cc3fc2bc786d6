#include "correlate/OwnEffectMarker.h"

namespace vigil {

void OwnEffectMarker::observe(const Record& r) {
    if (const auto* a = std::get_if<Action>(&r)) effects_.observe(*a);
    else if (const auto* o = std::get_if<Outcome>(&r)) effects_.observe(*o);
}

bool OwnEffectMarker::process(const Record& in, std::vector<Record>&) {
    observe(in);
    return true;
}

void OwnEffectMarker::markOutput(Record& fresh) {
    auto* a = std::get_if<Anomaly>(&fresh);
    if (!a) return observe(fresh);  // an earlier stage's action or outcome
    if (!a->own_effect_of.empty() || effects_.tracked() == 0) return;
    if (const std::string* by = effects_.expectedBy(*a)) {
        a->own_effect_of = *by;
        ++marked_;
    }
}

std::unique_ptr<Stage> makeOwnEffectMarker(const std::vector<ActionEffect>& effects, TimestampMs settleMs,
                                           std::size_t maxTracked) {
    if (effects.empty()) return nullptr;
    return std::make_unique<OwnEffectMarker>(OwnActionEffects(effects, settleMs, maxTracked));
}

}  // namespace vigil
