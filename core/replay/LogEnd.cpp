#include "replay/LogEnd.h"

#include "record/NdjsonCodec.h"

#include <zlib.h>

#include <cstdio>
#include <string_view>

namespace vigil {

namespace {
constexpr std::size_t kTail = 1 << 20;  // the last lines are in the last MiB

// The newest decodable line of the text, from its end backwards.
bool lastInText(std::string_view text, TimestampMs& out) {
    NdjsonDecoder decoder;
    Record r;
    std::string error;
    std::size_t end = text.size();
    for (int tries = 0; tries < 1000 && end > 0; ++tries) {
        const std::size_t nl = text.rfind('\n', end - 1);
        const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty() && decoder.decodeCopy(line, r, error)) {
            out = timestampOf(r);
            return true;
        }
        if (nl == std::string_view::npos) break;
        end = nl;
    }
    return false;
}
}  // namespace

bool lastTimestampOf(const std::string& path, TimestampMs& out) {
    gzFile gz = gzopen(path.c_str(), "rb");
    if (!gz) return false;
    gzbuffer(gz, 1 << 20);
    std::string buf(2 * kTail, '\0');
    std::size_t have = 0;
    int n = gzread(gz, buf.data(), static_cast<unsigned>(kTail));
    if (n > 0) have = static_cast<std::size_t>(n);
    if (n > 0 && gzdirect(gz)) {
        gzclose(gz);
        // Plain text: read only the end of the file.
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) return false;
        std::fseek(f, 0, SEEK_END);
        const long size = std::ftell(f);
        const long from = size > long(kTail) ? size - long(kTail) : 0;
        std::fseek(f, from, SEEK_SET);
        have = std::fread(buf.data(), 1, kTail, f);
        std::fclose(f);
        std::string_view text(buf.data(), have);
        if (from > 0) {  // the first line may be cut
            const auto nl = text.find('\n');
            text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        }
        return lastInText(text, out);
    }
    // gzip: keep the last two MiB seen while decompressing through.
    while (n > 0) {
        if (have >= kTail) {
            if (have > kTail) std::copy(buf.begin() + std::ptrdiff_t(have - kTail), buf.begin() + std::ptrdiff_t(have), buf.begin());
            have = kTail;
        }
        n = gzread(gz, buf.data() + have, static_cast<unsigned>(kTail));
        if (n > 0) have += static_cast<std::size_t>(n);
    }
    gzclose(gz);
    return lastInText(std::string_view(buf.data(), have), out);
}

}  // namespace vigil
