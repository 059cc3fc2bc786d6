// NDJSON reader/decoder (core/record) on arbitrary bytes. Besides "no crash, no
// sanitizer report" it checks what NdjsonCodec.h promises:
//  - splitNdjsonLines with `final` consumes the whole text;
//  - decodeLines (simdjson parse_many chunks) gives exactly the records and errors
//    of decode() line by line;
//  - every line is counted: records + malformed == lines;
//  - a decoded record, encoded again, decodes to itself.
#include "FuzzSupport.h"
#include "record/NdjsonCodec.h"

#include <cstdint>
#include <limits>

using namespace vigil;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static NdjsonDecoder chunked, single;
    std::string buf(reinterpret_cast<const char*>(data), size);
    buf.append(kJsonPadding, '\0');
    const std::string_view text(buf.data(), size);

    std::vector<NdjsonLine> lines;
    std::int64_t lineNo = 0;
    const std::size_t used =
        splitNdjsonLines(text, true, lineNo, lines, std::numeric_limits<std::size_t>::max());
    FUZZ_CHECK(used == size);

    std::vector<Record> records;
    DecodeStats stats;
    chunked.decodeLines(lines, records, stats);
    FUZZ_CHECK(stats.lines == std::int64_t(lines.size()));
    FUZZ_CHECK(stats.records + stats.malformed == stats.lines);
    FUZZ_CHECK(std::int64_t(records.size()) == stats.records);

    std::vector<Record> one;
    DecodeStats oneStats;
    std::string error;
    for (const NdjsonLine& l : lines) {
        Record r;
        error.clear();
        if (single.decodeCopy(l.text, r, error)) one.push_back(std::move(r));
        else oneStats.addError(l.number, error);
    }
    FUZZ_CHECK(one == records);
    FUZZ_CHECK(oneStats.errors.size() == stats.errors.size());
    for (std::size_t i = 0; i < stats.errors.size(); ++i) {
        FUZZ_CHECK(oneStats.errors[i].line == stats.errors[i].line);
        FUZZ_CHECK(oneStats.errors[i].reason == stats.errors[i].reason);
    }

    for (const Record& r : records) {
        Record again;
        error.clear();
        FUZZ_CHECK(single.decodeCopy(toNdjson(r), again, error));
        FUZZ_CHECK(again == r);
    }
    return 0;
}
