// Inflates a gzip request body (Content-Encoding: gzip, what OpenTelemetry SDKs
// and the Collector send by default) in memory, never past a limit: a small
// body that would inflate to gigabytes (a zip bomb) stops at limit + 1 bytes.
// The .ndjson.gz reader (core/replay/LogFileReader) reads files through gzread;
// a body is already in memory, so this drives zlib's inflate on it directly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vigil::collect {

enum class GzipStatus { Ok, TooLarge, Corrupt, Truncated };

struct GzipResult {
    GzipStatus status = GzipStatus::Ok;
    std::string error;  // why, naming the compressed byte offset, when not Ok
};

// Replaces `out` with the decompressed bytes of `in` (one gzip member or several
// concatenated, as gzip allows). TooLarge as soon as more than `limit` bytes
// would come out; `out` then holds at most `limit` + 1 bytes.
GzipResult inflateGzip(std::string_view in, std::size_t limit, std::string& out);

}  // namespace vigil::collect
