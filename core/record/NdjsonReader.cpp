// Decoding side of the NDJSON codec (simdjson DOM, run-time dispatched kernels). Every
// field of a line is visited once into a staging area, then the record of the line's
// kind is built from it (NdjsonFields.h); a missing or mistyped field is an error
// naming the field.
//
// Chunks of lines go through parse_many: one simdjson pass over many lines costs far
// less than one parse per ~120-byte line, whose fixed cost dominated. parse_many does
// not know about lines, so its documents are trusted only where they provably are the
// lines: document k must begin at line k's first byte, and line k's result is kept
// only once document k+1 begins at line k+1 (so line k held exactly one value). The
// first line that breaks this, the line before it and a chunk's last line (after
// which parse_many silently drops an incomplete document) go through the
// line-by-line path, whose results and messages are the reference.
#include "record/NdjsonCodec.h"
#include "record/NdjsonFields.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace vigil {
namespace {

using namespace simdjson;
using namespace ndjson;

// Chunk bounds: big enough to amortise parse_many's set-up, small enough that stage 1's
// index of a chunk is still in cache when stage 2 walks it.
constexpr std::size_t kChunkBytes = 64 << 10;
constexpr std::size_t kMaxChunkLines = 4096;
// Below this, parse_many's set-up and the lines parsed twice at a chunk's end cost more
// than they save: such chunks go line by line.
constexpr std::size_t kMinChunkLines = 16;

bool isText(int id) {
    return id == fMsg || id == fExplanation || id == fNarrative || id == fParams || id == fDetail ||
           id == fReason || id == fError;
}

std::string tooLong(std::string_view what, std::size_t size, std::size_t limit) {
    return std::string(what) + " is " + std::to_string(size) + " bytes, over the " + std::to_string(limit) +
           "-byte limit";
}

// Byte limits of the string fields by id, from DecodeLimits.
struct FieldCaps {
    std::array<std::size_t, kStrCount> str{};
    std::size_t name = 0, targets = 0;
    explicit FieldCaps(const DecodeLimits& l) : name(l.maxNameBytes), targets(l.maxTargets) {
        for (int id = 0; id < kStrCount; ++id) str[id] = isText(id) ? l.maxTextBytes : l.maxNameBytes;
    }
};

// Walks one parsed line into st, then builds its record into out.
bool decodeElement(dom::element doc, Staging& st, const FieldCaps& caps, Record& out, std::string& error) {
    st.reset();
    auto fail = [&](std::string why) {
        error = std::move(why);
        return false;
    };
    auto typeError = [&](std::string_view key, const char* want) {
        return fail("field '" + std::string(key) + "': expected " + want);
    };

    dom::object obj;
    if (doc.get_object().get(obj)) return fail("not a JSON object");
    for (auto [key, val] : obj) {
        const int id = fieldId(key);
        if (id == fUnknown) continue;  // forward compatible: unknown fields are ignored
        if (id < kStrCount) {
            std::string_view s;
            if (val.get_string().get(s)) return typeError(key, "a string");
            if (s.size() > caps.str[id]) return fail(tooLong("field '" + std::string(key) + "'", s.size(), caps.str[id]));
            st.setStr(id, s);
        } else if (id < kNumEnd) {
            double d;
            if (val.is_null()) {
                d = std::numeric_limits<double>::quiet_NaN();
            } else if (val.get_double().get(d)) {
                return typeError(key, "a number");
            }
            st.setNum(id, d);
        } else if (id < kIntEnd) {
            std::int64_t n;
            if (val.get_int64().get(n)) return typeError(key, "an integer");
            st.setInt(id, n);
        } else if (id == fKind) {
            if (val.get_string().get(st.kind)) return typeError(key, "a string");
            if (st.kind.size() > caps.name) return fail(tooLong("field 'kind'", st.kind.size(), caps.name));
            st.hasKind = true;
        } else if (id == fTargets) {
            dom::array arr;
            if (val.get_array().get(arr)) return typeError(key, "an array of strings");
            if (arr.size() > caps.targets)
                return fail("field 'targets' has " + std::to_string(arr.size()) + " entries, over the limit of " +
                            std::to_string(caps.targets));
            for (auto el : arr) {
                std::string_view s;
                if (el.get_string().get(s)) return typeError(key, "an array of strings");
                if (s.size() > caps.name) return fail(tooLong("an entry of field 'targets'", s.size(), caps.name));
                st.targets.emplace_back(s);
            }
        } else if (id == fCritical || id == fSuccess) {
            bool b;
            if (val.get_bool().get(b)) return typeError(key, "true or false");
            (id == fCritical ? st.critical : st.success) = b;
        }
    }
    if (!st.hasInteger(fV)) return fail("missing field 'v'");
    if (st.i(fV) != kWireVersion)
        return fail("unsupported wire version " + std::to_string(st.i(fV)) + " (this build reads 1)");
    if (!st.hasKind) return fail("missing field 'kind'");
    if (!st.hasInteger(fTs)) return fail("missing field 'ts'");
    if (!build(st, out)) return fail(st.error);
    return true;
}

}  // namespace

static_assert(kJsonPadding >= SIMDJSON_PADDING);

struct NdjsonDecoder::Impl {
    DecodeLimits limits;
    FieldCaps caps;
    dom::parser parser;
    Staging st;
    std::string scratch;       // for decodeCopy
    std::string error;         // reason of the line being decoded
    std::size_t chunkLines = kMaxChunkLines;  // shrinks after a chunk with a bad line

    // Single-threaded by design: without this, parse_many may start simdjson's
    // stage-1 worker thread on input longer than one batch.
    explicit Impl(const DecodeLimits& l) : limits(l), caps(l) {
#ifdef SIMDJSON_THREADS_ENABLED
        parser.threaded = false;
#endif
    }

    // The reference path: one parse per line.
    bool decodeLine(std::string_view line, Record& out, std::string& why) {
        if (line.size() > limits.maxLineBytes) {
            why = tooLong("line", line.size(), limits.maxLineBytes);
            return false;
        }
        dom::element doc;
        if (auto e = parser.parse(reinterpret_cast<const std::uint8_t*>(line.data()), line.size(), false).get(doc); e) {
            why = std::string("invalid JSON: ") + error_message(e);
            return false;
        }
        return decodeElement(doc, st, caps, out, why);
    }

    void decodeOne(const NdjsonLine& l, std::vector<Record>& out, DecodeStats& stats) {
        ++stats.lines;
        Record& r = out.emplace_back();
        if (decodeLine(l.text, r, error)) {
            ++stats.records;
            ++stats.perKind[r.index()];
        } else {
            out.pop_back();
            stats.addError(l.number, std::move(error));
        }
    }

    // Decodes a prefix of w (at least one line, w.size() when nothing went wrong) and
    // returns its length. See the comment at the top of the file.
    std::size_t decodeChunk(std::span<const NdjsonLine> w, std::vector<Record>& out, DecodeStats& stats) {
        const char* base = w.front().text.data();
        const std::size_t len = static_cast<std::size_t>(w.back().text.data() + w.back().text.size() - base);
        const std::size_t n = w.size();
        auto startOf = [&](std::size_t k) {  // where line k's JSON value has to begin
            return static_cast<std::size_t>(w[k].text.data() - base) + w[k].text.find_first_not_of(" \t");
        };
        std::size_t i = 0;        // documents that began exactly at lines 0..i-1
        bool pendingOk = false;   // line i-1's result: out.back() when ok, else `error`
        {
            dom::document_stream stream;
            // batch_size = len: the whole chunk is one batch, parsed in this thread.
            if (!parser.parse_many(base, len, len).get(stream)) {
                for (auto it = stream.begin(); it != stream.end(); ++it) {
                    dom::element doc;
                    if ((*it).get(doc)) break;
                    if (i == n || it.current_index() != startOf(i)) break;
                    if (i > 0) {  // document i begins line i: line i-1 held exactly one value
                        ++stats.lines;
                        if (pendingOk) {
                            ++stats.records;
                            ++stats.perKind[out.back().index()];
                        } else {
                            stats.addError(w[i - 1].number, std::move(error));
                        }
                    }
                    Record& r = out.emplace_back();
                    pendingOk = decodeElement(doc, st, caps, r, error);
                    if (!pendingOk) out.pop_back();
                    ++i;
                }
            }
        }
        // Line i-1 is unconfirmed and line i (if any) is where parse_many went astray
        // or ended: both take the reference path.
        if (i > 0 && pendingOk) out.pop_back();
        const std::size_t from = i > 0 ? i - 1 : 0, to = std::min(i, n - 1);
        for (std::size_t k = from; k <= to; ++k) decodeOne(w[k], out, stats);
        return to + 1;
    }
};

NdjsonDecoder::NdjsonDecoder() : impl_(new Impl(DecodeLimits{})) {}
NdjsonDecoder::NdjsonDecoder(const DecodeLimits& limits) : impl_(new Impl(limits)) {}
const DecodeLimits& NdjsonDecoder::limits() const { return impl_->limits; }
NdjsonDecoder::~NdjsonDecoder() { delete impl_; }

bool NdjsonDecoder::decode(std::string_view line, Record& out, std::string& error) {
    return impl_->decodeLine(line, out, error);
}

bool NdjsonDecoder::decodeCopy(std::string_view line, Record& out, std::string& error) {
    auto& s = impl_->scratch;
    s.assign(line);
    s.append(kJsonPadding, '\0');
    return decode(std::string_view(s.data(), line.size()), out, error);
}

void NdjsonDecoder::decodeLines(std::span<const NdjsonLine> lines, std::vector<Record>& out, DecodeStats& stats) {
    Impl& im = *impl_;
    std::size_t i = 0;
    while (i < lines.size()) {
        const char* begin = lines[i].text.data();
        const std::size_t last = std::min(lines.size(), i + im.chunkLines);
        std::size_t j = i + 1;
        // A line over the length limit goes alone through decodeOne(), which says so.
        const std::size_t maxLine = im.limits.maxLineBytes;
        if (lines[i].text.size() <= maxLine)
            while (j < last && lines[j].text.size() <= maxLine &&
                   static_cast<std::size_t>(lines[j].text.data() + lines[j].text.size() - begin) <= kChunkBytes)
                ++j;
        const auto chunk = lines.subspan(i, j - i);
        std::size_t done = chunk.size();
        if (chunk.size() < kMinChunkLines)
            for (const auto& l : chunk) im.decodeOne(l, out, stats);
        else
            done = im.decodeChunk(chunk, out, stats);
        // After a bad line, go on line by line and double the chunk while lines are
        // good, so that a file with many bad lines costs about what line-by-line costs.
        im.chunkLines = done == chunk.size() ? std::min(kMaxChunkLines, im.chunkLines * 2) : 1;
        i += done;
    }
}

void DecodeStats::addError(std::int64_t line, std::string reason) {
    ++malformed;
    if (errors.size() < kMaxKeptErrors) errors.push_back({line, std::move(reason)});
}

std::size_t splitNdjsonLines(std::string_view text, bool final, std::int64_t& lineNo,
                             std::vector<NdjsonLine>& lines, std::size_t maxLines) {
    std::size_t pos = 0, added = 0;
    while (added < maxLines && pos < text.size()) {
        const char* p = text.data() + pos;
        const void* nl = std::memchr(p, '\n', text.size() - pos);
        std::size_t end = text.size();
        if (nl)
            end = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
        else if (!final)
            break;  // an incomplete line: the caller reads more first
        std::string_view line(p, end - pos);
        pos = nl ? end + 1 : end;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank: not counted
        lines.push_back({line, lineNo});
        ++added;
    }
    return pos;
}

std::vector<Record> decodeAll(std::string_view text, DecodeStats& stats) {
    // One padded copy, so that chunks can be handed to simdjson in place.
    std::string buf;
    buf.reserve(text.size() + kJsonPadding);
    buf.assign(text);
    buf.append(kJsonPadding, '\0');
    std::vector<NdjsonLine> lines;
    std::int64_t lineNo = 0;
    splitNdjsonLines(std::string_view(buf.data(), text.size()), true, lineNo, lines,
                     std::numeric_limits<std::size_t>::max());
    std::vector<Record> out;
    out.reserve(lines.size());
    NdjsonDecoder dec;
    dec.decodeLines(lines, out, stats);
    return out;
}

}  // namespace vigil
