// Encoding side of the NDJSON codec. Doubles use std::to_chars (shortest text that
// round-trips exactly), so encode(decode(x)) == x byte for byte.
#include "record/NdjsonCodec.h"

#include <charconv>
#include <cmath>

namespace vigil {
namespace {

class Writer {
public:
    explicit Writer(std::string& o) : out(o) {}

    void begin(RecordKind k, TimestampMs ts) {
        out += "{\"v\":1,\"kind\":\"";
        out += kindName(k);
        out += "\",\"ts\":";
        integer(ts);
    }
    void end() { out += '}'; }

    void key(std::string_view k) {
        out += ",\"";
        out += k;
        out += "\":";
    }
    void str(std::string_view k, std::string_view v) { key(k); quoted(v); }
    void num(std::string_view k, double v) { key(k); real(v); }
    void int64(std::string_view k, std::int64_t v) { key(k); integer(v); }
    void boolean(std::string_view k, bool v) { key(k); out += v ? "true" : "false"; }
    void strList(std::string_view k, const std::vector<std::string>& v) {
        key(k);
        out += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ',';
            quoted(v[i]);
        }
        out += ']';
    }

private:
    void integer(std::int64_t v) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    }
    void real(double v) {
        if (!std::isfinite(v)) {  // JSON has no NaN/Inf: null reads back as NaN
            out += "null";
            return;
        }
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    }
    void quoted(std::string_view s) { appendJsonString(out, s); }
    std::string& out;
};

struct Encode {
    Writer& w;
    void operator()(const MetricSample& m) {
        w.begin(RecordKind::Metric, m.ts);
        w.str("series", m.series);
        w.str("target", m.target);
        w.num("value", m.value);
    }
    void operator()(const TaskEvent& t) {
        w.begin(RecordKind::Task, t.ts);
        w.str("task_id", t.task_id);
        w.str("agent", t.agent);
        w.str("workflow", t.workflow);
        w.str("state", toString(t.state));
        w.str("endpoint", t.endpoint);
        w.str("error", t.error);
        w.num("duration_ms", t.duration_ms);
    }
    void operator()(const TxEvent& t) {
        w.begin(RecordKind::Tx, t.ts);
        w.str("tx_hash", t.tx_hash);
        w.str("agent", t.agent);
        w.str("chain", t.chain);
        w.str("endpoint", t.endpoint);
        w.int64("nonce", t.nonce);
        w.str("state", toString(t.state));
        w.num("value_eth", t.value_eth);
        w.num("max_fee_gwei", t.max_fee_gwei);
        w.num("priority_fee_gwei", t.priority_fee_gwei);
        w.str("idem", t.idempotency_key);
    }
    void operator()(const LogLine& l) {
        w.begin(RecordKind::Log, l.ts);
        w.str("source", l.source);
        w.str("level", toString(l.level));
        w.str("msg", l.message);
    }
    void operator()(const Anomaly& a) {
        w.begin(RecordKind::Anomaly, a.ts);
        w.str("id", a.id);
        w.str("detector", a.detector);
        w.str("series", a.series);
        w.str("target", a.target);
        w.num("score", a.score);
        w.num("observed", a.observed);
        w.num("expected_low", a.expected_low);
        w.num("expected_high", a.expected_high);
        w.str("explanation", a.explanation);
        if (a.time_to_breach_ms) w.int64("time_to_breach_ms", *a.time_to_breach_ms);  // only on predictions
    }
    void operator()(const Incident& i) {
        w.begin(RecordKind::Incident, i.ts);
        w.str("id", i.id);
        w.str("state", toString(i.state));
        w.str("severity", toString(i.severity));
        w.int64("opened", i.opened);
        w.strList("targets", i.targets);
        w.str("cause", i.cause);
        w.str("narrative", i.narrative);
        w.int64("anomaly_count", i.anomaly_count);
    }
    void operator()(const Action& a) {
        w.begin(RecordKind::Action, a.ts);
        w.str("id", a.id);
        w.str("incident_id", a.incident_id);
        w.str("type", a.kind);
        w.str("target", a.target);
        w.str("params", a.params);
        w.str("status", toString(a.status));
        w.boolean("critical", a.critical);
    }
    void operator()(const Approval& a) {
        w.begin(RecordKind::Approval, a.ts);
        w.str("id", a.id);
        w.str("action_id", a.action_id);
        w.str("requester", a.requester);
        w.str("approver", a.approver);
        w.str("decision", toString(a.decision));
        w.int64("expires", a.expires);
        w.str("reason", a.reason);
    }
    void operator()(const Outcome& o) {
        w.begin(RecordKind::Outcome, o.ts);
        w.str("action_id", o.action_id);
        w.boolean("success", o.success);
        w.str("detail", o.detail);
    }
};

}  // namespace

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char* hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendNdjson(std::string& out, const Record& r) {
    Writer w(out);
    std::visit(Encode{w}, r);
    w.end();
    out += '\n';
}

std::string toNdjson(const Record& r) {
    std::string s;
    appendNdjson(s, r);
    s.pop_back();
    return s;
}

}  // namespace vigil
