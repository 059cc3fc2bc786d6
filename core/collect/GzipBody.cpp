#include "collect/GzipBody.h"

#include <zlib.h>

#include <algorithm>

namespace vigil::collect {

namespace {

GzipResult failed(GzipStatus s, std::string why) { return {s, std::move(why)}; }

}  // namespace

GzipResult inflateGzip(std::string_view in, std::size_t limit, std::string& out) {
    out.clear();
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return failed(GzipStatus::Corrupt, "gzip: zlib could not start");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());  // bodies are under the body limit, far below 4 GiB
    // Grow as needed, but never past limit + 1: one byte more is enough to know it is too large.
    const std::size_t cap = limit + 1;
    out.resize(std::min(cap, std::max<std::size_t>(in.size() * 4, 64 << 10)));
    std::size_t have = 0;
    GzipResult r;
    const auto at = [&z] { return " at compressed byte " + std::to_string(z.total_in); };  // built only on failure
    for (;;) {
        if (have == out.size()) {
            if (out.size() == cap) {
                r = failed(GzipStatus::TooLarge, "gzip body inflates to more than " + std::to_string(limit) + " bytes");
                break;
            }
            out.resize(std::min(cap, out.size() * 2));
        }
        z.next_out = reinterpret_cast<Bytef*>(out.data() + have);
        z.avail_out = static_cast<uInt>(std::min<std::size_t>(out.size() - have, 1u << 30));
        const uInt before = z.avail_out;
        const int rc = inflate(&z, Z_NO_FLUSH);
        have += before - z.avail_out;
        if (rc == Z_STREAM_END) {
            if (have > limit) {  // the stream ended on exactly limit + 1 bytes
                r = failed(GzipStatus::TooLarge, "gzip body inflates to more than " + std::to_string(limit) + " bytes");
                break;
            }
            if (z.avail_in == 0) break;
            inflateReset(&z);  // another gzip member follows
            continue;
        }
        if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
            r = failed(GzipStatus::Corrupt, std::string("corrupt gzip body: ") + (z.msg ? z.msg : "bad data") + at());
            break;
        }
        if (rc == Z_MEM_ERROR) {
            r = failed(GzipStatus::Corrupt, "gzip body: out of memory inflating" + at());
            break;
        }
        if (z.avail_in == 0 && z.avail_out != 0) {  // all input used, stream not finished
            r = failed(GzipStatus::Truncated, "truncated gzip body: the data ends" + at() + " before the end of the gzip stream");
            break;
        }
        // rc == Z_OK or Z_BUF_ERROR with output room used up: grow and go on.
    }
    inflateEnd(&z);
    out.resize(have);
    return r;
}

}  // namespace vigil::collect
