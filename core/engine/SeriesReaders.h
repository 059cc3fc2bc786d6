// For a metric sample, which of the engine's metric readers read its series
// (Stage::readsSeries), found by the sample's hint (record/Record.h, SeriesHint).
// Nine records in ten are metric samples and most detectors watch a few series:
// asking each of them per sample ("is this series mine?") cost a virtual call and a
// scan of its list, for a no on most samples. The answer depends on the series
// alone, so it is asked once per (series, target) pair and kept by the pair's
// number; a sample without a hint (live input) goes to every metric reader, and
// each reader answers for itself as before.
#pragma once

#include "record/Record.h"
#include "record/SeriesHintCache.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <string_view>
#include <vector>

namespace vigil {

class SeriesReaders {
public:
    // A stage (its position in the engine) and a series: does the stage read it?
    using Ask = std::function<bool(std::uint16_t stage, std::string_view series)>;

    // The metric readers, in engine order. Forgets every answer kept so far.
    void setAll(const std::vector<std::uint16_t>& all);
    const std::vector<std::uint16_t>& all() const { return all_; }

    // The readers of m's series, in engine order: all() without a hint.
    const std::vector<std::uint16_t>& of(const MetricSample& m, const Ask& ask) {
        if (const auto* known = byHint_.find(m.hint)) return *known;
        return m.hint.table == 0 ? all_ : learn(m, ask);
    }

    std::size_t distinctLists() const { return lists_.size(); }  // for tests

private:
    const std::vector<std::uint16_t>& learn(const MetricSample& m, const Ask& ask);

    std::vector<std::uint16_t> all_;
    // The distinct answers (subsets of all_; a handful: pairs of a series share one),
    // in a deque so that their addresses stay put as more come.
    std::deque<std::vector<std::uint16_t>> lists_;
    SeriesHintCache<const std::vector<std::uint16_t>> byHint_;  // each pair's answer, by its hint
};

}  // namespace vigil
