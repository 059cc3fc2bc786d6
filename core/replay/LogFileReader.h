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
    // Lines over limits.maxLineBytes are counted as malformed and skipped without
    // being held whole: the reader keeps at most about that much plus one read.
    explicit LogFileReader(const DecodeLimits& limits) : decoder_(limits) {}
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
    // The same, and appends each record's 1-based line number to lines (0 when it
    // cannot be told: a batch with malformed lines after the first kMaxKeptErrors).
    bool readBatch(std::vector<Record>& out, std::size_t maxRecords, std::vector<std::int64_t>& lines);

    // Where the next line starts, with the counts so far: a replay checkpoint.
    struct Position {
        std::int64_t offset = 0;  // decompressed bytes before the next line
        std::int64_t lineNo = 0;  // lines before it
        DecodeStats stats;
    };
    Position position() const;
    // Goes back (or forward) to a position this reader gave. A plain file seeks;
    // a gzip file is decompressed again from its start (zlib's gzseek), which costs
    // about a second per GB (docs/replay.md). False with error() set on failure.
    bool seek(const Position& p);

    const DecodeStats& stats() const { return stats_; }
    const std::string& error() const { return error_; }
    const std::string& path() const { return path_; }
    std::int64_t bytesRead() const { return bytes_; }
    std::int64_t compressedOffset() const;  // of the file read so far (its size when plain)
    std::size_t bufferBytes() const { return buf_.size(); }  // what it holds at most, for tests

private:
    bool read(std::vector<Record>& out, std::size_t maxRecords, std::vector<std::int64_t>* numbers);
    void noteLines(std::size_t records, std::int64_t malformedBefore, std::size_t keptBefore,
                   std::vector<std::int64_t>& numbers) const;
    bool fill();
    std::size_t skipLongLine();  // its length in bytes, '\n' not counted
    void* gz_ = nullptr;  // gzFile
    std::string path_;
    std::string error_;
    std::string buf_;        // unconsumed bytes [pos_, end_) + simdjson padding room
    std::size_t pos_ = 0, end_ = 0;
    bool eof_ = false;
    bool skipping_ = false;  // inside a line over the length limit: discard up to its '\n'
    bool truncated_ = false;  // a gzip stream that stopped before its end
    std::int64_t lineNo_ = 0;
    std::int64_t bytes_ = 0;
    std::vector<NdjsonLine> lines_;  // the complete lines of buf_ being decoded
    DecodeStats stats_;
    NdjsonDecoder decoder_;
};

}  // namespace vigil
