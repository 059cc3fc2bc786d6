// Numbers each distinct (series, target) pair of the metric samples it is shown,
// densely from 0, and writes the number into the sample's hint (record/Record.h),
// so that the stages downstream find their per-series state by it. One per reader:
// the replay thread interns a batch after reading it, on the thread with time to
// spare, and the engine thread's stages each skip a hash of the two names.
//
// A pair keeps its number for the interner's life (numbers are never reused, so a
// hint can never mean two pairs), and each interner has its own table id, so hints
// from two interners cannot be confused either. Bounded: past `maxPairs` distinct
// pairs, new pairs get no hint and the stages look them up by name as before.
//
// Its own small open-addressing table over a hash of the two names as they are:
// std::unordered_map needed the names joined into a key, a std::hash call and a
// node walk, ≈ 300 instructions a sample, as much as it saved the engine thread.
#pragma once

#include "record/Record.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

class SeriesInterner {
public:
    explicit SeriesInterner(std::size_t maxPairs = std::size_t{1} << 18);
    // Not copyable: a copy numbering on its own under the same table id would give
    // one hint two meanings.
    SeriesInterner(const SeriesInterner&) = delete;
    SeriesInterner& operator=(const SeriesInterner&) = delete;

    // Sets m.hint (or leaves it empty when the interner is full).
    void intern(MetricSample& m);
    // Every metric sample of the batch.
    void internAll(std::vector<Record>& batch);

    std::uint32_t table() const { return table_; }
    std::size_t size() const { return pairs_.size(); }

    // The hash of a pair, exposed for tests: equal pairs hash equal, and the names
    // are hashed apart ("ab" on "c" is not "a" on "bc").
    static std::uint64_t hashPair(std::string_view series, std::string_view target);

private:
    struct Pair {
        std::string series, target;
        std::uint64_t hash;
    };
    void grow();

    std::uint32_t table_;
    std::size_t maxPairs_;
    std::vector<Pair> pairs_;           // by number
    std::vector<std::uint64_t> slots_;  // (hash's top 32 bits << 32) | (number + 1); 0: empty
};

}  // namespace vigil
