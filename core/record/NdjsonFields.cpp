#include "record/NdjsonFields.h"

namespace vigil::ndjson {
namespace {

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

}  // namespace

std::string_view fieldName(int id) {
    for (const auto& n : detail::kNames)
        if (n.id == id) return n.n;
    return "?";
}

bool Staging::missing(int id) {
    if (error.empty()) error = "missing field '" + std::string(fieldName(id)) + "'";
    return false;
}

// Each case validates first, then constructs the record in place in out (no temporary
// Record to move), assigning strings straight from the parser's views.
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
        auto& m = out.emplace<MetricSample>();
        m.ts = ts; m.series = st.s(fSeries); m.target = st.s(fTarget); m.value = st.d(fValue);
        return true;
    }
    case RecordKind::Task: {
        TaskState state;
        if (!st.need(fAgent) || !enumField(st, fState, state)) return false;
        auto& t = out.emplace<TaskEvent>();
        t.ts = ts; t.task_id = st.s(fTaskId); t.agent = st.s(fAgent); t.workflow = st.s(fWorkflow);
        t.state = state; t.endpoint = st.s(fEndpoint); t.error = st.s(fError);
        t.duration_ms = st.d(fDurationMs);
        return true;
    }
    case RecordKind::Tx: {
        TxState state;
        if (!st.need(fTxHash) || !enumField(st, fState, state)) return false;
        auto& t = out.emplace<TxEvent>();
        t.ts = ts; t.tx_hash = st.s(fTxHash); t.agent = st.s(fAgent); t.chain = st.s(fChain);
        t.endpoint = st.s(fEndpoint); t.nonce = st.i(fNonce); t.state = state;
        t.value_eth = st.d(fValueEth); t.max_fee_gwei = st.d(fMaxFee); t.priority_fee_gwei = st.d(fPrioFee);
        t.idempotency_key = st.s(fIdem);
        return true;
    }
    case RecordKind::Log: {
        LogLevel level;
        if (!st.need(fMsg) || !enumField(st, fLevel, level)) return false;
        auto& l = out.emplace<LogLine>();
        l.ts = ts; l.source = st.s(fSource); l.level = level; l.message = st.s(fMsg);
        return true;
    }
    case RecordKind::Anomaly: {
        if (!st.need(fId) || !st.need(fDetector)) return false;
        auto& a = out.emplace<Anomaly>();
        a.ts = ts; a.id = st.s(fId); a.detector = st.s(fDetector); a.series = st.s(fSeries);
        a.target = st.s(fTarget); a.score = st.d(fScore); a.observed = st.d(fObserved);
        a.expected_low = st.d(fExpLow); a.expected_high = st.d(fExpHigh); a.explanation = st.s(fExplanation);
        if (st.hasInteger(fTimeToBreachMs)) a.time_to_breach_ms = st.i(fTimeToBreachMs);  // optional: older files lack it
        return true;
    }
    case RecordKind::Incident: {
        IncidentState state;
        Severity severity;
        if (!st.need(fId) || !enumField(st, fState, state) || !enumField(st, fSeverity, severity))
            return false;
        auto& i = out.emplace<Incident>();
        i.ts = ts; i.id = st.s(fId); i.state = state; i.severity = severity; i.opened = st.i(fOpened);
        i.targets = std::move(st.targets); i.cause = st.s(fCause); i.narrative = st.s(fNarrative);
        i.anomaly_count = st.i(fAnomalyCount);
        return true;
    }
    case RecordKind::Action: {
        ActionStatus status;
        if (!st.need(fId) || !st.need(fType) || !enumField(st, fStatus, status)) return false;
        auto& a = out.emplace<Action>();
        a.ts = ts; a.id = st.s(fId); a.incident_id = st.s(fIncidentId); a.kind = st.s(fType);
        a.target = st.s(fTarget); a.params = st.s(fParams); a.status = status; a.critical = st.critical;
        return true;
    }
    case RecordKind::Approval: {
        ApprovalDecision decision;
        if (!st.need(fId) || !enumField(st, fDecision, decision)) return false;
        auto& a = out.emplace<Approval>();
        a.ts = ts; a.id = st.s(fId); a.action_id = st.s(fActionId); a.requester = st.s(fRequester);
        a.approver = st.s(fApprover); a.decision = decision; a.expires = st.i(fExpires);
        a.reason = st.s(fReason);
        return true;
    }
    case RecordKind::Outcome: {
        if (!st.need(fActionId)) return false;
        auto& o = out.emplace<Outcome>();
        o.ts = ts; o.action_id = st.s(fActionId); o.success = st.success; o.detail = st.s(fDetail);
        return true;
    }
    }
    st.error = "unreachable record kind";
    return false;
}

}  // namespace vigil::ndjson
