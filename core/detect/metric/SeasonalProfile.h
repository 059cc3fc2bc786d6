// Seasonality: the expected value for each slot of the period, a day or a week (at most
// 336 slots: 5-minute slots of a day, 30-minute slots of a week),
// learned per slot with an exponentially weighted mean and deviation. The profile
// only speaks once it has seen a slot in a few periods and it predicts the series
// clearly better than its plain level does, so a non-seasonal series ignores it.
#pragma once

#include <cstdint>
#include <vector>

namespace vigil::metric {

class SeasonalProfile {
public:
    static constexpr int kMaxSlots = 336;
    static constexpr std::int64_t kDayMs = 86'400'000;
    // `interval_ms`: the series' sampling interval (decides the slot width).
    void configure(std::int64_t interval_ms, std::int64_t period_ms = kDayMs);
    bool configured() const { return !slots_.empty(); }
    // Expected value and deviation for `ts`; false while the slot is immature.
    bool expect(std::int64_t ts, double& mean, double& spread) const { return expectAt(slot(ts), mean, spread); }
    void update(std::int64_t ts, double x) { updateAt(slot(ts), x); }
    // The same by slot (-1 while not configured): the detector asks each profile
    // about one point's time up to three times, and a slot costs two divisions.
    int slot(std::int64_t ts) const { return configured() ? slotOf(ts) : -1; }
    bool expectAt(int slot, double& mean, double& spread) const;
    void updateAt(int slot, double x);

private:
    int slotOf(std::int64_t ts) const;
    // A slot's mean, deviation and visits side by side: a sample reads and writes all
    // three, and the detector's state for ~50 series does not stay in L1 between two
    // samples of one series (three parallel arrays were three cache lines per access).
    struct Slot {
        double mean = 0.0, dev = 0.0;
        std::uint16_t visits = 0;
    };
    std::int64_t period_ms_ = kDayMs, slot_ms_ = 0;
    std::vector<Slot> slots_;
};

}  // namespace vigil::metric
