// NDJSON wire form of records: one JSON object per line, "v":1, documented in
// docs/telemetry.md. Encoding is a small writer (no DOM); decoding uses simdjson's
// DOM parser (run-time selected kernels), the hot path of replay and ingest.
#pragma once

#include "record/Record.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// Bytes that must be readable past a line given to NdjsonDecoder::decode() or past
// the last of the lines given to decodeLines().
inline constexpr std::size_t kJsonPadding = 64;

// Appends s as a JSON string literal (quotes and escapes), for other small JSON writers.
void appendJsonString(std::string& out, std::string_view s);

// Appends the record's line (with trailing '\n') to out.
void appendNdjson(std::string& out, const Record& r);
std::string toNdjson(const Record& r);  // without trailing newline

// A line that could not be decoded: where and why. Never dropped silently.
struct DecodeError {
    std::int64_t line = 0;  // 1-based line number in its source
    std::string reason;
};

// Per-source decode bookkeeping; what `replay` prints and the UI shows.
struct DecodeStats {
    std::int64_t lines = 0;      // non-empty lines seen
    std::int64_t records = 0;    // decoded
    std::int64_t malformed = 0;  // rejected, each with a DecodeError (first kMaxKeptErrors kept)
    std::array<std::int64_t, kRecordKindCount> perKind{};
    std::vector<DecodeError> errors;
    static constexpr std::size_t kMaxKeptErrors = 1000;
    void addError(std::int64_t line, std::string reason);
};

// One non-blank line of an NDJSON text: its bytes (without the '\n' and a trailing
// '\r') and its 1-based line number in the source.
struct NdjsonLine {
    std::string_view text;
    std::int64_t number = 0;
};

// Splits text into lines and appends the non-blank ones (not only spaces and tabs) to
// `lines`, numbered after `lineNo`, until maxLines were appended or no complete line
// is left; an unterminated last line counts as complete only when `final`. Returns
// the bytes consumed (whole lines only); lineNo is advanced past every consumed line,
// blank ones included.
std::size_t splitNdjsonLines(std::string_view text, bool final, std::int64_t& lineNo,
                             std::vector<NdjsonLine>& lines, std::size_t maxLines);

// Size limits of one line and of its string fields (docs/telemetry.md, "Limits"). A
// line or field over its limit makes the line malformed, with a reason naming the
// field: one hostile record must not take gigabytes of memory downstream.
struct DecodeLimits {
    std::size_t maxLineBytes = 1 << 20;  // a whole line, without its '\n'
    std::size_t maxTextBytes = 64 << 10; // free text: msg, explanation, narrative, params, detail, reason, error
    std::size_t maxNameBytes = 1 << 10;  // every other string: ids, hashes, names, series, targets, states
    std::size_t maxTargets = 256;        // entries of an incident's "targets"
};

// Decodes lines; holds a simdjson parser, so keep one per thread.
class NdjsonDecoder {
public:
    NdjsonDecoder();
    explicit NdjsonDecoder(const DecodeLimits& limits);
    ~NdjsonDecoder();
    NdjsonDecoder(const NdjsonDecoder&) = delete;
    NdjsonDecoder& operator=(const NdjsonDecoder&) = delete;

    // `line` must be followed by at least kJsonPadding readable bytes (their
    // content does not matter). Use decodeCopy() when that is not known.
    bool decode(std::string_view line, Record& out, std::string& error);
    bool decodeCopy(std::string_view line, Record& out, std::string& error);

    // Decodes consecutive lines of one buffer, in order (what lies between them is
    // line breaks and blank lines), as splitNdjsonLines() gives them. Appends the
    // records to out and counts every line into stats, errors with their line
    // numbers. The buffer must be readable kJsonPadding bytes past the last line.
    // Results are exactly those of decode() line by line; it is faster because
    // whole chunks go through simdjson's parse_many (see NdjsonReader.cpp).
    void decodeLines(std::span<const NdjsonLine> lines, std::vector<Record>& out, DecodeStats& stats);

    const DecodeLimits& limits() const;

private:
    struct Impl;
    Impl* impl_;
};

// Decodes every line of an in-memory NDJSON text; malformed lines are counted in
// stats and skipped, the rest goes on. Convenience for tests and small inputs.
std::vector<Record> decodeAll(std::string_view text, DecodeStats& stats);

}  // namespace vigil
