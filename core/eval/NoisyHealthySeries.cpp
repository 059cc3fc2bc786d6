#include "eval/NoisyHealthySeries.h"

#include <cmath>

namespace vigil {

namespace {
constexpr TimestampMs kStepMs = 5'000;
constexpr TimestampMs kWarmUpMs = 0;  // the first burst comes 12-20 min in, after the detector's 5 min warm-up
}  // namespace

NoisyHealthySeries::NoisyHealthySeries(std::uint64_t seed, TimestampMs start)
    : rng_(seed ^ 0x6261746368ULL), next_(start + kStepMs) {
    planBurst(start + kWarmUpMs);
}

void NoisyHealthySeries::planBurst(TimestampMs after) {
    burstStart_ = after + static_cast<TimestampMs>(rng_.uniform(12, 20) * 60'000) / kStepMs * kStepMs;
    burstEnd_ = burstStart_ + (rng_.chance(0.5) ? 15'000 : 20'000);
    burstFactor_ = rng_.uniform(3.0, 4.0);
}

void NoisyHealthySeries::advance(TimestampMs until, std::vector<Record>& out) {
    for (; next_ <= until; next_ += kStepMs) {
        double v = 2.0 * std::exp(0.04 * rng_.normal());
        if (next_ >= burstStart_ && next_ < burstEnd_) v *= burstFactor_;
        if (next_ >= burstEnd_) planBurst(burstEnd_);
        out.emplace_back(MetricSample{next_, kSeries, kTarget, std::round(v * 100.0) / 100.0});
    }
}

}  // namespace vigil
