// Decoding side of the NDJSON codec (simdjson DOM, runtime-dispatched kernels). Every field of a line is
// visited once into a flat staging area, then the record of the line's kind is
// built from it; a missing or mistyped field is an error naming the field.
#include "record/NdjsonCodec.h"

#include <simdjson.h>

#include <cmath>
#include <limits>

namespace vigil {
namespace {

using namespace simdjson;

enum F : int {
    fSeries, fTarget, fTaskId, fAgent, fWorkflow, fState, fEndpoint, fError, fTxHash, fChain,
    fIdem, fSource, fLevel, fMsg, fId, fDetector, fExplanation, fSeverity, fCause, fNarrative,
    fIncidentId, fType, fParams, fStatus, fActionId, fRequester, fApprover, fDecision, fReason,
    fDetail, kStrCount,
    // numbers (double)
    fValue = 100, fDurationMs, fValueEth, fMaxFee, fPrioFee, fScore, fObserved, fExpLow, fExpHigh,
    kNumEnd,
    // integers
    fV = 200, fTs, fNonce, fOpened, fAnomalyCount, fExpires, kIntEnd,
    fKind = 300, fTargets, fCritical, fSuccess,
    fUnknown = -1
};

struct Name { std::string_view n; int id; };
constexpr Name kNames[] = {
    {"series", fSeries}, {"target", fTarget}, {"task_id", fTaskId}, {"agent", fAgent},
    {"workflow", fWorkflow}, {"state", fState}, {"endpoint", fEndpoint}, {"error", fError},
    {"tx_hash", fTxHash}, {"chain", fChain}, {"idem", fIdem}, {"source", fSource},
    {"level", fLevel}, {"msg", fMsg}, {"id", fId}, {"detector", fDetector},
    {"explanation", fExplanation}, {"severity", fSeverity}, {"cause", fCause},
    {"narrative", fNarrative}, {"incident_id", fIncidentId}, {"type", fType},
    {"params", fParams}, {"status", fStatus}, {"action_id", fActionId},
    {"requester", fRequester}, {"approver", fApprover}, {"decision", fDecision},
    {"reason", fReason}, {"detail", fDetail},
    {"value", fValue}, {"duration_ms", fDurationMs}, {"value_eth", fValueEth},
    {"max_fee_gwei", fMaxFee}, {"priority_fee_gwei", fPrioFee}, {"score", fScore},
    {"observed", fObserved}, {"expected_low", fExpLow}, {"expected_high", fExpHigh},
    {"v", fV}, {"ts", fTs}, {"nonce", fNonce}, {"opened", fOpened},
    {"anomaly_count", fAnomalyCount}, {"expires", fExpires},
    {"kind", fKind}, {"targets", fTargets}, {"critical", fCritical}, {"success", fSuccess},
};

int fieldId(std::string_view k) {
    // Linear scan over ~50 short names, compared by length first: cheaper than
    // hashing for keys this short, and there are only ~10 keys per line.
    for (const auto& n : kNames)
        if (n.n.size() == k.size() && n.n == k) return n.id;
    return fUnknown;
}

std::string_view fieldName(int id) {
    for (const auto& n : kNames)
        if (n.id == id) return n.n;
    return "?";
}

constexpr int kNumCount = kNumEnd - fValue;
constexpr int kIntCount = kIntEnd - fV;

struct Staging {
    std::string_view str[kStrCount];
    std::uint64_t hasStr = 0;
    double num[kNumCount];
    std::uint32_t hasNum = 0;
    std::int64_t integer[kIntCount];
    std::uint32_t hasInt = 0;
    std::string_view kind;
    bool hasKind = false;
    bool critical = false, success = false;
    std::vector<std::string> targets;
    std::string error;

    void reset() {
        hasStr = 0; hasNum = 0; hasInt = 0; hasKind = false;
        critical = false; success = false;
        targets.clear();
    }
    bool need(int id) {
        bool ok = id < kStrCount      ? (hasStr >> id) & 1
                  : id < kNumEnd      ? (hasNum >> (id - fValue)) & 1
                                      : (hasInt >> (id - fV)) & 1;
        if (!ok && error.empty()) error = "missing field '" + std::string(fieldName(id)) + "'";
        return ok;
    }
    std::string s(int id) const { return (hasStr >> id) & 1 ? std::string(str[id]) : std::string(); }
    double d(int id) const { return (hasNum >> (id - fValue)) & 1 ? num[id - fValue] : 0.0; }
    std::int64_t i(int id) const { return (hasInt >> (id - fV)) & 1 ? integer[id - fV] : 0; }
};

template <class E>
bool enumField(Staging& st, int id, E& out) {
    if (!st.need(id)) return false;
    if (!fromString(st.str[id], out)) {
        st.error = "field '" + std::string(fieldName(id)) + "': unknown value '" +
                   std::string(st.str[id]) + "'";
        return false;
    }
    return true;
}

bool build(Staging& st, Record& out) {
    RecordKind kind;
    if (!kindFromName(st.kind, kind)) {
        st.error = "field 'kind': unknown record kind '" + std::string(st.kind) + "'";
        return false;
    }
    const TimestampMs ts = st.i(fTs);
    switch (kind) {
    case RecordKind::Metric: {
        if (!st.need(fSeries) || !st.need(fValue)) return false;
        out = MetricSample{ts, st.s(fSeries), st.s(fTarget), st.d(fValue)};
        return true;
    }
    case RecordKind::Task: {
        TaskEvent t;
        if (!st.need(fAgent) || !enumField(st, fState, t.state)) return false;
        t.ts = ts; t.task_id = st.s(fTaskId); t.agent = st.s(fAgent); t.workflow = st.s(fWorkflow);
        t.endpoint = st.s(fEndpoint); t.error = st.s(fError); t.duration_ms = st.d(fDurationMs);
        out = std::move(t);
        return true;
    }
    case RecordKind::Tx: {
        TxEvent t;
        if (!st.need(fTxHash) || !enumField(st, fState, t.state)) return false;
        t.ts = ts; t.tx_hash = st.s(fTxHash); t.agent = st.s(fAgent); t.chain = st.s(fChain);
        t.endpoint = st.s(fEndpoint); t.nonce = st.i(fNonce); t.value_eth = st.d(fValueEth);
        t.max_fee_gwei = st.d(fMaxFee); t.priority_fee_gwei = st.d(fPrioFee);
        t.idempotency_key = st.s(fIdem);
        out = std::move(t);
        return true;
    }
    case RecordKind::Log: {
        LogLine l;
        if (!st.need(fMsg) || !enumField(st, fLevel, l.level)) return false;
        l.ts = ts; l.source = st.s(fSource); l.message = st.s(fMsg);
        out = std::move(l);
        return true;
    }
    case RecordKind::Anomaly: {
        if (!st.need(fId) || !st.need(fDetector)) return false;
        out = Anomaly{ts, st.s(fId), st.s(fDetector), st.s(fSeries), st.s(fTarget), st.d(fScore),
                      st.d(fObserved), st.d(fExpLow), st.d(fExpHigh), st.s(fExplanation)};
        return true;
    }
    case RecordKind::Incident: {
        Incident i;
        if (!st.need(fId) || !enumField(st, fState, i.state) || !enumField(st, fSeverity, i.severity))
            return false;
        i.ts = ts; i.id = st.s(fId); i.opened = st.i(fOpened); i.targets = std::move(st.targets);
        i.cause = st.s(fCause); i.narrative = st.s(fNarrative); i.anomaly_count = st.i(fAnomalyCount);
        out = std::move(i);
        return true;
    }
    case RecordKind::Action: {
        Action a;
        if (!st.need(fId) || !st.need(fType) || !enumField(st, fStatus, a.status)) return false;
        a.ts = ts; a.id = st.s(fId); a.incident_id = st.s(fIncidentId); a.kind = st.s(fType);
        a.target = st.s(fTarget); a.params = st.s(fParams); a.critical = st.critical;
        out = std::move(a);
        return true;
    }
    case RecordKind::Approval: {
        Approval a;
        if (!st.need(fId) || !enumField(st, fDecision, a.decision)) return false;
        a.ts = ts; a.id = st.s(fId); a.action_id = st.s(fActionId); a.requester = st.s(fRequester);
        a.approver = st.s(fApprover); a.expires = st.i(fExpires); a.reason = st.s(fReason);
        out = std::move(a);
        return true;
    }
    case RecordKind::Outcome: {
        if (!st.need(fActionId)) return false;
        out = Outcome{ts, st.s(fActionId), st.success, st.s(fDetail)};
        return true;
    }
    }
    st.error = "unreachable record kind";
    return false;
}

}  // namespace

static_assert(kJsonPadding >= SIMDJSON_PADDING);

struct NdjsonDecoder::Impl {
    dom::parser parser;
    Staging st;
    std::string scratch;  // for decodeCopy
};

NdjsonDecoder::NdjsonDecoder() : impl_(new Impl) {}
NdjsonDecoder::~NdjsonDecoder() { delete impl_; }

bool NdjsonDecoder::decode(std::string_view line, Record& out, std::string& error) {
    Staging& st = impl_->st;
    st.reset();
    st.error.clear();
    auto fail = [&](std::string why) {
        error = std::move(why);
        return false;
    };
    auto typeError = [&](std::string_view key, const char* want) {
        return fail("field '" + std::string(key) + "': expected " + want);
    };

    // The DOM parser picks the best kernel at run time (AVX2, SSE4.2, ...), which the
    // on-demand front end of simdjson 3.0 does only at compile time.
    dom::element doc;
    if (auto e = impl_->parser.parse(reinterpret_cast<const std::uint8_t*>(line.data()), line.size(), false).get(doc); e)
        return fail(std::string("invalid JSON: ") + error_message(e));
    dom::object obj;
    if (doc.get_object().get(obj)) return fail("not a JSON object");

    for (auto [key, val] : obj) {
        const int id = fieldId(key);
        if (id == fUnknown) continue;  // forward compatible: unknown fields are ignored
        if (id < kStrCount) {
            if (val.get_string().get(st.str[id])) return typeError(key, "a string");
            st.hasStr |= std::uint64_t{1} << id;
        } else if (id < kNumEnd) {
            double d;
            if (val.is_null()) {
                d = std::numeric_limits<double>::quiet_NaN();
            } else if (val.get_double().get(d)) {
                return typeError(key, "a number");
            }
            st.num[id - fValue] = d;
            st.hasNum |= 1u << (id - fValue);
        } else if (id < kIntEnd) {
            std::int64_t n;
            if (val.get_int64().get(n)) return typeError(key, "an integer");
            st.integer[id - fV] = n;
            st.hasInt |= 1u << (id - fV);
        } else if (id == fKind) {
            if (val.get_string().get(st.kind)) return typeError(key, "a string");
            st.hasKind = true;
        } else if (id == fTargets) {
            dom::array arr;
            if (val.get_array().get(arr)) return typeError(key, "an array of strings");
            for (auto el : arr) {
                std::string_view s;
                if (el.get_string().get(s)) return typeError(key, "an array of strings");
                st.targets.emplace_back(s);
            }
        } else if (id == fCritical || id == fSuccess) {
            bool b;
            if (val.get_bool().get(b)) return typeError(key, "true or false");
            (id == fCritical ? st.critical : st.success) = b;
        }
    }
    if (!((st.hasInt >> (fV - fV)) & 1)) return fail("missing field 'v'");
    if (st.integer[0] != kWireVersion)
        return fail("unsupported wire version " + std::to_string(st.integer[0]) + " (this build reads 1)");
    if (!st.hasKind) return fail("missing field 'kind'");
    if (!((st.hasInt >> (fTs - fV)) & 1)) return fail("missing field 'ts'");
    if (!build(st, out)) return fail(st.error);
    return true;
}

bool NdjsonDecoder::decodeCopy(std::string_view line, Record& out, std::string& error) {
    auto& s = impl_->scratch;
    s.assign(line);
    s.append(kJsonPadding, '\0');
    return decode(std::string_view(s.data(), line.size()), out, error);
}

void DecodeStats::addError(std::int64_t line, std::string reason) {
    ++malformed;
    if (errors.size() < kMaxKeptErrors) errors.push_back({line, std::move(reason)});
}

std::vector<Record> decodeAll(std::string_view text, DecodeStats& stats) {
    std::vector<Record> out;
    NdjsonDecoder dec;
    std::string err;
    std::int64_t lineNo = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        ++stats.lines;
        Record r;
        if (dec.decodeCopy(line, r, err)) {
            ++stats.records;
            ++stats.perKind[r.index()];
            out.push_back(std::move(r));
        } else {
            stats.addError(lineNo, err);
        }
    }
    return out;
}

}  // namespace vigil
