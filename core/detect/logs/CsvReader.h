// A small RFC-4180 reader (quoted fields, "" escapes, CRLF or LF, newlines inside
// quotes). Qt has no CSV parser and the Loghub samples need quote handling
// (Spark's messages contain commas). Errors name the line where the record starts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::logs {

class CsvReader {
public:
    explicit CsvReader(std::string_view text) : text_(text) {}

    // Reads the next record into `fields`. Returns false at the end of input or on a
    // malformed record (then error() is non-empty and line() is where it started).
    bool next(std::vector<std::string>& fields);

    std::size_t line() const { return recordLine_; }  // 1-based start line of the last record
    const std::string& error() const { return error_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t lineNo_ = 1;
    std::size_t recordLine_ = 0;
    std::string error_;
};

// One field for writing: quoted (with "" escapes) when it holds a comma, quote or
// line break, as RFC 4180 asks; otherwise unchanged.
std::string csvField(std::string_view field);

}  // namespace vigil::logs
