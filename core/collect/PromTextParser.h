// Prometheus text exposition format 0.0.4, parsed line by line: HELP and TYPE
// comments, other comments, samples with escaped label values (\\ \" \n) and
// optional millisecond timestamps; counters, gauges, histograms (_bucket with
// `le`, _sum, _count), summaries (`quantile`, _sum, _count) and untyped.
// A bad line is an error with its 1-based line number and reason, and parsing
// goes on with the next line: one bad line never costs the rest of a scrape.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigil::collect {

enum class PromType { Untyped, Counter, Gauge, Histogram, Summary };
std::string_view promTypeName(PromType t);

struct PromSample {
    std::string name;                                         // as written, e.g. "http_duration_seconds_bucket"
    std::vector<std::pair<std::string, std::string>> labels;  // in written order, values unescaped
    double value = 0;                                         // NaN and +-Inf as written
    std::optional<std::int64_t> timestampMs;
    std::size_t line = 0;
};

struct PromParseError {
    std::size_t line = 0;  // 1-based
    std::string reason;
};

struct PromParseResult {
    std::vector<PromSample> samples;
    std::unordered_map<std::string, PromType> types;  // family name -> declared TYPE
    std::unordered_map<std::string, std::string> help;
    std::vector<PromParseError> errors;               // the first maxErrors, in line order
    std::size_t errorCount = 0;                       // all of them
    std::size_t samplesDropped = 0;                   // good samples beyond maxSamples
};

struct PromParseLimits {
    std::size_t maxSamples = 50000;
    std::size_t maxErrors = 100;
    std::size_t maxLineBytes = 64u << 10;
};

PromParseResult parsePromText(std::string_view text, const PromParseLimits& limits = {});

// The family a sample belongs to given the declared types: "x_bucket" -> "x" when
// x is a histogram, "x_sum"/"x_count" when x is a histogram or summary; else the name.
std::string_view promFamilyOf(std::string_view sampleName, const std::unordered_map<std::string, PromType>& types);

// name{a="1",b="x\"y"}: the sample's identity as one string, labels sorted by
// name and escaped as in the format, so the same series always reads the same.
std::string promSeriesKey(const PromSample& s);

}  // namespace vigil::collect
