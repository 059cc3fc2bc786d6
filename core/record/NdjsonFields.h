// Internal to the NDJSON reader: the wire field names, a staging area that holds one
// line's field values (views into the parser's buffers), and the step that turns a
// staged line into the Record of its kind. Knows nothing about simdjson.
#pragma once

#include "record/Record.h"
#include "record/SameText.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::ndjson {

// Field ids, grouped by wire type so that one range test tells how to read a value.
enum F : int {
    fSeries, fTarget, fTaskId, fAgent, fWorkflow, fState, fEndpoint, fError, fTxHash, fChain,
    fIdem, fSource, fLevel, fMsg, fId, fDetector, fExplanation, fSeverity, fCause, fNarrative,
    fIncidentId, fType, fParams, fStatus, fActionId, fRequester, fApprover, fDecision, fReason,
    fDetail, kStrCount,
    // numbers (double)
    fValue = 100, fDurationMs, fValueEth, fMaxFee, fPrioFee, fScore, fObserved, fExpLow, fExpHigh,
    kNumEnd,
    // integers
    fV = 200, fTs, fNonce, fOpened, fAnomalyCount, fExpires, fTimeToBreachMs, kIntEnd,
    fKind = 300, fTargets, fCritical, fSuccess,
    fUnknown = -1
};

namespace detail {
struct Name { std::string_view n; int id; };
inline constexpr Name kNames[] = {
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
    {"time_to_breach_ms", fTimeToBreachMs},
    {"kind", fKind}, {"targets", fTargets}, {"critical", fCritical}, {"success", fSuccess},
};

// Every key of every line goes through fieldId(), so it is a perfect hash over the
// known names (length and three bytes) plus one comparison, instead of a scan with a
// memcmp call per same-length candidate (≈10 % of parse time before).
inline constexpr unsigned kSlotCount = 128;
constexpr unsigned slotOf(std::string_view k) {  // k non-empty
    const unsigned c1 = k.size() > 1 ? static_cast<unsigned char>(k[1]) : 0u;
    return (static_cast<unsigned>(k.size()) * 17u + static_cast<unsigned char>(k[0]) * 4u +
            static_cast<unsigned char>(k.back()) * 31u + c1) % kSlotCount;
}
// Built at compile time; a new name that collides stops the build here (the throw is
// not a constant expression): change the multipliers in slotOf() then.
inline constexpr auto kSlots = [] {
    std::array<std::int8_t, kSlotCount> t{};
    t.fill(-1);
    for (std::size_t i = 0; i < std::size(kNames); ++i) {
        const unsigned s = slotOf(kNames[i].n);
        if (t[s] != -1) throw "NDJSON field names collide in slotOf()";
        t[s] = static_cast<std::int8_t>(i);
    }
    return t;
}();

}  // namespace detail

// The id of a wire field name, fUnknown for a name this build does not know. Inline
// (forced: g++ kept it a call, ≈ 10 of its ≈ 50 instructions a key): it runs for
// every key of every line.
[[gnu::always_inline]] inline int fieldId(std::string_view k) {
    if (k.empty()) return fUnknown;
    const int i = detail::kSlots[detail::slotOf(k)];
    if (i < 0) return fUnknown;
    const std::string_view n = detail::kNames[i].n;
    if (n.size() != k.size() || !sameBytes(n.data(), k.data(), n.size())) return fUnknown;
    return detail::kNames[i].id;
}
std::string_view fieldName(int id);

inline constexpr int kNumCount = kNumEnd - fValue;
inline constexpr int kIntCount = kIntEnd - fV;

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
        error.clear();
    }
    void setStr(int id, std::string_view v) { str[id] = v; hasStr |= std::uint64_t{1} << id; }
    void setNum(int id, double v) { num[id - fValue] = v; hasNum |= 1u << (id - fValue); }
    void setInt(int id, std::int64_t v) { integer[id - fV] = v; hasInt |= 1u << (id - fV); }
    bool hasInteger(int id) const { return (hasInt >> (id - fV)) & 1; }

    // True when the field is present; otherwise records "missing field" as the error.
    // Inline: two or more a line; the error path is out of line.
    bool need(int id) {
        const bool ok = id < kStrCount ? (hasStr >> id) & 1
                        : id < kNumEnd ? (hasNum >> (id - fValue)) & 1
                                       : (hasInt >> (id - fV)) & 1;
        return ok || missing(id);
    }
    std::string_view s(int id) const { return (hasStr >> id) & 1 ? str[id] : std::string_view(); }
    double d(int id) const { return (hasNum >> (id - fValue)) & 1 ? num[id - fValue] : 0.0; }
    std::int64_t i(int id) const { return (hasInt >> (id - fV)) & 1 ? integer[id - fV] : 0; }

private:
    bool missing(int id);  // records the error; false
};

// Builds the record of the staged line's kind into out (out is left alone on failure,
// with st.error naming the field). Common fields (v, kind, ts) are checked by the caller.
bool build(Staging& st, Record& out);

}  // namespace vigil::ndjson
