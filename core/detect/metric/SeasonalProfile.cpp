#include "detect/metric/SeasonalProfile.h"

#include <algorithm>
#include <cmath>

namespace vigil::metric {
namespace {
constexpr int kMatureVisits = 3;
constexpr double kRate = 0.25;  // per visit of a slot, i.e. per period
}  // namespace

void SeasonalProfile::configure(std::int64_t interval_ms, std::int64_t period_ms) {
    if (interval_ms <= 0 || interval_ms > period_ms / 4) return;  // too coarse to see the period's shape
    period_ms_ = period_ms;
    slot_ms_ = std::max<std::int64_t>(interval_ms, period_ms / kMaxSlots);
    const int slots = static_cast<int>(period_ms / slot_ms_);
    slots_.assign(slots, Slot{});
}

int SeasonalProfile::slotOf(std::int64_t ts) const {
    const std::int64_t tod = ((ts % period_ms_) + period_ms_) % period_ms_;
    return std::min<int>(static_cast<int>(tod / slot_ms_), static_cast<int>(slots_.size()) - 1);
}

bool SeasonalProfile::expectAt(int s, double& mean, double& spread) const {
    if (s < 0) return false;
    const Slot& at = slots_[s];
    if (at.visits < kMatureVisits) return false;
    mean = at.mean;
    spread = at.dev;
    return true;
}

void SeasonalProfile::updateAt(int s, double x) {
    if (s < 0) return;
    Slot& at = slots_[s];
    if (at.visits == 0) {
        at.mean = x;
    } else {
        const double a = std::max(kRate, 1.0 / (at.visits + 1.0));
        const double r = x - at.mean;
        at.mean += a * r;
        at.dev += a * (std::abs(r) - at.dev);
    }
    if (at.visits < 0xFFFF) ++at.visits;
}

}  // namespace vigil::metric
