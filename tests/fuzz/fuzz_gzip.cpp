// The replay file path (core/replay/LogFileReader) on a real temporary file: plain
// bytes, or NDJSON that the fuzzer gzips and then maybe truncates or corrupts. The
// reader must never crash, count every line, and never pass damaged data off as
// good: when it reports no error, what it read is exactly the payload's records.
// The same bytes go through the ingest server's in-memory gzip body inflater
// (collect/GzipBody), which must agree: whole gzip gives the payload, a cut one
// never passes for whole, and it never holds more than its limit + 1 bytes.
#include "FuzzSupport.h"
#include "collect/GzipBody.h"
#include "record/NdjsonCodec.h"
#include "replay/LogFileReader.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <zlib.h>

#include <cstdint>

using namespace vigil;

namespace {

std::string gzip(std::string_view text, int level) {
    z_stream z{};
    FUZZ_CHECK(deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, text.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    FUZZ_CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

enum class Damage { None, Truncate, Corrupt };

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fuzz::ScratchFile file(".ndjson.gz");
    FuzzedDataProvider in(data, size);
    const bool compress = in.ConsumeBool();
    const auto damage = static_cast<Damage>(in.ConsumeIntegralInRange<int>(0, 2));
    const int level = in.ConsumeIntegralInRange<int>(0, 9);
    const std::size_t cut = in.ConsumeIntegral<std::uint16_t>();
    const std::uint8_t flip = in.ConsumeIntegralInRange<std::uint8_t>(1, 255);
    const std::string payload = in.ConsumeRemainingBytesAsString();

    std::string bytes = compress ? gzip(payload, level) : payload;
    // What the reader must do with the file: give exactly the payload's records, or
    // (damaged gzip) report an error naming the file. A file that no longer starts
    // with the gzip magic is plain text to zlib, as any plain file: only the counts
    // are checked then.
    enum class Expect { Payload, Error, ErrorOrPayload, Counts } expect = Expect::Payload;
    if (!compress && bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b') expect = Expect::Counts;
    if (compress && damage == Damage::Truncate && cut < bytes.size()) {
        bytes.resize(cut);
        expect = cut >= 2 ? Expect::Error : Expect::Counts;
    } else if (compress && damage == Damage::Corrupt) {
        const std::size_t at = cut % bytes.size();
        bytes[at] = static_cast<char>(bytes[at] ^ flip);
        // Some header bits (time stamp, OS, FTEXT) do not change the content.
        expect = at < 2 ? Expect::Counts : Expect::ErrorOrPayload;
    }

    if (compress) {
        const std::size_t limit = cut;  // sometimes below the payload's size
        std::string body;
        const auto g = collect::inflateGzip(bytes, limit, body);
        FUZZ_CHECK(body.size() <= limit + 1);
        if (g.status == collect::GzipStatus::Ok) {
            FUZZ_CHECK(body.size() <= limit);
            if (damage == Damage::None) FUZZ_CHECK(body == payload);
        } else {
            FUZZ_CHECK(!g.error.empty());
        }
        if (damage == Damage::None) FUZZ_CHECK((g.status == collect::GzipStatus::Ok) == (payload.size() <= limit));
        if (damage == Damage::Truncate && cut < bytes.size() && cut >= 2) FUZZ_CHECK(g.status != collect::GzipStatus::Ok);
    }

    LogFileReader reader;
    FUZZ_CHECK(reader.open(file.write(bytes)));
    std::vector<Record> records;
    int batches = 0;
    while (reader.readBatch(records, 7)) FUZZ_CHECK(++batches < 1000000);
    const DecodeStats& st = reader.stats();
    FUZZ_CHECK(st.records == std::int64_t(records.size()));
    FUZZ_CHECK(st.records + st.malformed == st.lines);
    if (!reader.error().empty()) FUZZ_CHECK(reader.error().rfind(file.path(), 0) == 0);  // names the file

    DecodeStats payloadStats;
    std::string_view text = compress ? payload : bytes;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // the reader skips a leading BOM
    const std::vector<Record> payloadRecords = decodeAll(text, payloadStats);
    switch (expect) {
    case Expect::Payload:
        FUZZ_CHECK(reader.error().empty());
        FUZZ_CHECK(records == payloadRecords);
        FUZZ_CHECK(st.malformed == payloadStats.malformed);
        break;
    case Expect::Error:  // a cut gzip is never read as if it were whole
        FUZZ_CHECK(!reader.error().empty());
        break;
    case Expect::ErrorOrPayload:  // corrupt data is never passed off as good
        FUZZ_CHECK(!reader.error().empty() || records == payloadRecords);
        break;
    case Expect::Counts:
        break;
    }
    return 0;
}
