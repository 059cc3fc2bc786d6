// Small helpers shared by the simulator tests: run a simulator, pick records.
#pragma once

#include "record/NdjsonCodec.h"
#include "sim/FleetSimulator.h"

#include <functional>
#include <string>
#include <vector>

namespace simtest {

using namespace vigil;

inline std::vector<Record> runFor(FleetSimulator& sim, TimestampMs until) {
    std::vector<Record> out;
    sim.advance(until, out);
    return out;
}

inline std::string encode(const std::vector<Record>& records) {
    std::string text;
    for (const auto& r : records) appendNdjson(text, r);
    return text;
}

template <class T>
std::vector<T> only(const std::vector<Record>& records, const std::function<bool(const T&)>& keep = {}) {
    std::vector<T> out;
    for (const auto& r : records)
        if (const T* x = std::get_if<T>(&r); x && (!keep || keep(*x))) out.push_back(*x);
    return out;
}

inline std::vector<MetricSample> samples(const std::vector<Record>& records, const std::string& series,
                                         const std::string& target, TimestampMs from, TimestampMs to) {
    return only<MetricSample>(records, [&](const MetricSample& m) {
        return m.series == series && m.target == target && m.ts > from && m.ts <= to;
    });
}

inline double mean(const std::vector<MetricSample>& v) {
    double s = 0;
    for (const auto& m : v) s += m.value;
    return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

inline double maxOf(const std::vector<MetricSample>& v) {
    double s = v.empty() ? 0.0 : v.front().value;
    for (const auto& m : v) s = std::max(s, m.value);
    return s;
}

inline std::string bare(const std::string& target) {
    const auto colon = target.find(':');
    return colon == std::string::npos ? target : target.substr(colon + 1);
}

}  // namespace simtest
