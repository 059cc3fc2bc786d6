#include "correlate/OwnActionEffects.h"

#include <algorithm>
#include <cstdint>

namespace vigil {

OwnActionEffects::OwnActionEffects(std::vector<ActionEffect> effects, TimestampMs settleMs, std::size_t maxTracked)
    : effects_(std::move(effects)),
      settleMs_(std::max<TimestampMs>(settleMs, 0)),
      maxTracked_(std::max<std::size_t>(maxTracked, 1)) {}

std::size_t OwnActionEffects::effectOf(const std::string& kind) const {
    std::size_t i = 0;
    while (i < effects_.size() && effects_[i].kind != kind) ++i;
    return i;
}

bool OwnActionEffects::news(const std::string& actionId, bool failed, TimestampMs ts) {
    auto known = std::find_if(armed_.begin(), armed_.end(), [&](const Armed& x) { return x.actionId == actionId; });
    if (known == armed_.end()) return false;
    if (failed) armed_.erase(known);
    else known->lastNews = std::max(known->lastNews, ts);
    return true;
}

void OwnActionEffects::observe(const Action& a) {
    if (news(a.id, a.status == ActionStatus::Failed, a.ts)) return;
    // Proposed, awaiting approval, rejected or suppressed: nothing was changed (yet).
    const bool acting = a.status == ActionStatus::Executing || a.status == ActionStatus::Succeeded;
    const std::size_t effect = acting && !a.id.empty() ? effectOf(a.kind) : effects_.size();
    if (effect == effects_.size()) return;
    armed_.push_back({a.id, a.target, effect, a.ts, a.ts});
    if (armed_.size() > maxTracked_) armed_.pop_front();
}

void OwnActionEffects::observe(const Outcome& o) { news(o.action_id, !o.success, o.ts); }

const std::string* OwnActionEffects::expectedBy(const Anomaly& a) const {
    for (const Armed& x : armed_) {
        if (a.ts < x.since || x.target != a.target) continue;
        // Unsigned: exact however far apart the times are (a log may hold int64's extremes).
        if (a.ts > x.lastNews && std::uint64_t(a.ts) - std::uint64_t(x.lastNews) > std::uint64_t(settleMs_)) continue;
        const auto& series = effects_[x.effect].series;
        if (std::find(series.begin(), series.end(), a.series) != series.end()) return &x.actionId;
    }
    return nullptr;
}

}  // namespace vigil
