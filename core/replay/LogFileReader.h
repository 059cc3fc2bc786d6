// Reads an NDJSON record log (plain or gzip, detected by zlib) in batches, without
// loading it whole. Malformed lines are counted in stats() with their line numbers
// and skipped; the rest of the file goes on.
#pragma once

#include "record/NdjsonCodec.h"

#include <string>
#include <vector>

namespace vigil {

class LogFileReader {
public:
    LogFileReader() = default;
    ~LogFileReader();
    LogFileReader(const LogFileReader&) = delete;
    LogFileReader& operator=(const LogFileReader&) = delete;

    // False with error() set ("<path>: <reason>") when the file cannot be opened.
    bool open(const std::string& path);
    // Appends up to maxRecords decoded records to out. Returns false at end of file
    // (out may still have received the last records) or on a read error (see error()):
    // corrupt gzip data, or a gzip stream cut short ("truncated gzip", naming the
    // compressed byte offset and the last whole line; the cut line is not decoded).
    bool readBatch(std::vector<Record>& out, std::size_t maxRecords);

    const DecodeStats& stats() const { return stats_; }
    const std::string& error() const { return error_; }
    const std::string& path() const { return path_; }
    std::int64_t bytesRead() const { return bytes_; }

private:
    bool fill();
    void* gz_ = nullptr;  // gzFile
    std::string path_;
    std::string error_;
    std::string buf_;        // unconsumed bytes [pos_, end_) + simdjson padding room
    std::size_t pos_ = 0, end_ = 0;
    bool eof_ = false;
    bool truncated_ = false;  // a gzip stream that stopped before its end
    std::int64_t lineNo_ = 0;
    std::int64_t bytes_ = 0;
    std::vector<NdjsonLine> lines_;  // the complete lines of buf_ being decoded
    DecodeStats stats_;
    NdjsonDecoder decoder_;
};

}  // namespace vigil
