#include "replay/LogFileReader.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace vigil {

namespace {
// 256 KiB reads: the bytes the kernel copies in are still in the core's L2 when the
// line split and simdjson's stage 1 read them (4 MiB reads went through to memory:
// the replay thread alone took ≈ 5 % more CPU, docs/performance.md). zlib reads
// straight into buf_ when a request is at least twice its own buffer (gzbuffer).
constexpr std::size_t kChunk = 256 << 10;
constexpr unsigned kZlibBuffer = 64 << 10;
}

LogFileReader::~LogFileReader() {
    if (gz_) gzclose(static_cast<gzFile>(gz_));
}

bool LogFileReader::open(const std::string& path) {
    path_ = path;
    gz_ = gzopen(path.c_str(), "rb");
    if (!gz_) {
        error_ = path + ": cannot open (" + std::strerror(errno) + ")";
        return false;
    }
    gzbuffer(static_cast<gzFile>(gz_), kZlibBuffer);
    buf_.assign(kChunk + kJsonPadding, '\0');
    return true;
}

bool LogFileReader::fill() {
    // Move the unfinished tail line to the front, then read more after it.
    const std::size_t rest = end_ - pos_;
    if (pos_ > 0 && rest > 0) std::memmove(buf_.data(), buf_.data() + pos_, rest);
    pos_ = 0;
    end_ = rest;
    if (end_ + kChunk / 2 + kJsonPadding > buf_.size()) buf_.resize(end_ + kChunk + kJsonPadding);
    const std::size_t room = buf_.size() - kJsonPadding - end_;
    int n = gzread(static_cast<gzFile>(gz_), buf_.data() + end_, static_cast<unsigned>(room));
    if (n < 0) {
        int errnum = 0;
        error_ = path_ + ": read error (" + gzerror(static_cast<gzFile>(gz_), &errnum) + ")";
        eof_ = true;
        return false;
    }
    if (n == 0) {
        eof_ = true;
        // zlib reports a stream that stops before its end (cut file, missing
        // trailer) as Z_BUF_ERROR and returns 0 like a clean end: check it.
        int errnum = Z_OK;
        gzerror(static_cast<gzFile>(gz_), &errnum);
        truncated_ = errnum == Z_BUF_ERROR;
    }
    // A UTF-8 byte-order mark at the start of the text is not part of line 1.
    const bool first = bytes_ == 0;
    end_ += static_cast<std::size_t>(n);
    bytes_ += n;
    if (first && end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
    std::memset(buf_.data() + end_, 0, kJsonPadding);
    return n > 0;
}

std::int64_t LogFileReader::compressedOffset() const {
    return gz_ ? static_cast<std::int64_t>(gzoffset(static_cast<gzFile>(gz_))) : 0;
}

LogFileReader::Position LogFileReader::position() const {
    return {bytes_ - static_cast<std::int64_t>(end_ - pos_), lineNo_, stats_};
}

bool LogFileReader::seek(const Position& p) {
    if (!gz_) return false;
    auto* gz = static_cast<gzFile>(gz_);
    gzclearerr(gz);
    if (gzseek(gz, static_cast<z_off_t>(p.offset), SEEK_SET) != static_cast<z_off_t>(p.offset)) {
        int errnum = 0;
        error_ = path_ + ": cannot seek to byte " + std::to_string(p.offset) + " (" + gzerror(gz, &errnum) + ")";
        return false;
    }
    pos_ = end_ = 0;
    eof_ = skipping_ = truncated_ = false;
    error_.clear();
    bytes_ = p.offset;
    lineNo_ = p.lineNo;
    stats_ = p.stats;
    return true;
}

bool LogFileReader::readBatch(std::vector<Record>& out, std::size_t maxRecords, std::vector<std::int64_t>& lines) {
    return read(out, maxRecords, &lines);
}

bool LogFileReader::readBatch(std::vector<Record>& out, std::size_t maxRecords) { return read(out, maxRecords, nullptr); }

void LogFileReader::noteLines(std::size_t records, std::int64_t malformedBefore, std::size_t keptBefore,
                              std::vector<std::int64_t>& numbers) const {
    // The records are the lines in order minus the malformed ones; the kept errors
    // name those (all of them unless more than kMaxKeptErrors were met).
    if (stats_.malformed - malformedBefore != std::int64_t(stats_.errors.size() - keptBefore)) {
        numbers.insert(numbers.end(), records, 0);
        return;
    }
    std::size_t e = keptBefore;
    for (const auto& l : lines_) {
        if (e < stats_.errors.size() && stats_.errors[e].line == l.number) {
            ++e;
            continue;
        }
        numbers.push_back(l.number);
    }
}

bool LogFileReader::read(std::vector<Record>& out, std::size_t maxRecords, std::vector<std::int64_t>* numbers) {
    if (!gz_) return false;
    const std::size_t first = out.size();
    while (out.size() - first < maxRecords) {
        // Whole lines already in the buffer are decoded in one go (the decoder parses
        // them in chunks); they are views into buf_, so this happens before fill().
        lines_.clear();
        pos_ += splitNdjsonLines(std::string_view(buf_.data() + pos_, end_ - pos_), eof_ && !truncated_, lineNo_, lines_,
                                 maxRecords - (out.size() - first));
        if (!lines_.empty()) {
            const std::size_t before = out.size(), kept = stats_.errors.size();
            const std::int64_t malformed = stats_.malformed;
            decoder_.decodeLines(lines_, out, stats_);
            if (numbers) noteLines(out.size() - before, malformed, kept, *numbers);
            continue;
        }
        if (eof_) {  // everything consumed, or all whole lines of a truncated gzip
            if (truncated_ && error_.empty())
                error_ = path_ + ": truncated gzip: the compressed data ends at compressed byte " +
                         std::to_string(gzoffset(static_cast<gzFile>(gz_))) + " (decompressed byte " +
                         std::to_string(bytes_) + ", after line " + std::to_string(lineNo_) +
                         ") before the end of the gzip stream";
            return false;
        }
        if (end_ - pos_ > decoder_.limits().maxLineBytes) {
            // No end in sight and already over the limit: count it now, then drop its
            // bytes as they come (a 1 GB line must not be buffered whole).
            // Its length is said once its end is found, whatever the read size.
            ++lineNo_;
            ++stats_.lines;
            skipping_ = true;
            const std::size_t length = skipLongLine();
            stats_.addError(lineNo_, "line is " + std::to_string(length) + " bytes, over the " +
                                         std::to_string(decoder_.limits().maxLineBytes) + "-byte limit, skipped");
            continue;
        }
        fill();
    }
    return true;
}

std::size_t LogFileReader::skipLongLine() {
    std::size_t length = 0;
    while (skipping_) {
        const void* nl = std::memchr(buf_.data() + pos_, '\n', end_ - pos_);
        if (nl) {
            const auto at = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data());
            length += at - pos_;
            pos_ = at + 1;
            skipping_ = false;
            break;
        }
        length += end_ - pos_;
        pos_ = end_ = 0;  // drop what was read of it
        if (eof_ || !fill()) skipping_ = false;  // the line ended with the file
    }
    return length;
}

}  // namespace vigil
