#include "replay/LogFileReader.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace vigil {

namespace {
constexpr std::size_t kChunk = 4 << 20;  // 4 MiB reads: big enough to amortise gzread
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
    gzbuffer(static_cast<gzFile>(gz_), 1 << 20);
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

bool LogFileReader::readBatch(std::vector<Record>& out, std::size_t maxRecords) {
    if (!gz_) return false;
    const std::size_t first = out.size();
    while (out.size() - first < maxRecords) {
        // Whole lines already in the buffer are decoded in one go (the decoder parses
        // them in chunks); they are views into buf_, so this happens before fill().
        lines_.clear();
        pos_ += splitNdjsonLines(std::string_view(buf_.data() + pos_, end_ - pos_), eof_ && !truncated_, lineNo_, lines_,
                                 maxRecords - (out.size() - first));
        if (!lines_.empty()) {
            decoder_.decodeLines(lines_, out, stats_);
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
        fill();
    }
    return true;
}

}  // namespace vigil
