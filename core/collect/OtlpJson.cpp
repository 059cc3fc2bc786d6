#include "collect/OtlpJson.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace vigil::collect {

using namespace simdjson;

namespace {

// OTLP JSON writes 64-bit integers as strings ("timeUnixNano":"1700000000000000000"); accept numbers too.
bool readUint64(dom::element e, std::uint64_t& out) {
    if (e.is_string()) {
        std::string_view s = e.get_string().value_unsafe();
        auto r = std::from_chars(s.data(), s.data() + s.size(), out);
        return r.ec == std::errc() && r.ptr == s.data() + s.size();
    }
    if (e.is_uint64()) { out = e.get_uint64().value_unsafe(); return true; }
    if (e.is_int64() && e.get_int64().value_unsafe() >= 0) { out = std::uint64_t(e.get_int64().value_unsafe()); return true; }
    return false;
}

std::string_view fieldString(dom::object o, std::string_view key) {
    std::string_view s;
    if (o[key].get_string().get(s)) return {};
    return s;
}

// An AnyValue as text: strings as they are, numbers and bools written out, anything else as JSON.
std::string anyValueText(dom::element v) {
    dom::object o;
    if (v.get_object().get(o)) return {};
    for (auto [k, x] : o) {
        if (k == "stringValue" && x.is_string()) return std::string(x.get_string().value_unsafe());
        if (k == "boolValue" && x.is_bool()) return x.get_bool().value_unsafe() ? "true" : "false";
        if (k == "intValue") {
            if (x.is_string()) return std::string(x.get_string().value_unsafe());
            return simdjson::minify(x);
        }
        if (k == "doubleValue") return simdjson::minify(x);
        return simdjson::minify(x);
    }
    return {};
}

// key=value pairs of an attribute list, sorted by key (deterministic series names).
std::vector<std::pair<std::string, std::string>> attributes(dom::object parent) {
    std::vector<std::pair<std::string, std::string>> kv;
    dom::array arr;
    if (parent["attributes"].get_array().get(arr)) return kv;
    for (dom::element a : arr) {
        dom::object ao;
        if (a.get_object().get(ao)) continue;
        std::string_view key = fieldString(ao, "key");
        dom::element val;
        if (key.empty() || ao["value"].get(val)) continue;
        kv.emplace_back(std::string(key), anyValueText(val));
    }
    std::sort(kv.begin(), kv.end());
    return kv;
}

std::string serviceOf(dom::object resourceHolder) {
    dom::object res;
    if (resourceHolder["resource"].get_object().get(res)) return {};
    for (const auto& [k, v] : attributes(res))
        if (k == "service.name") return v;
    return {};
}

std::string labelled(std::string_view name, const std::vector<std::pair<std::string, std::string>>& attrs) {
    std::string s(name);
    if (attrs.empty()) return s;
    s += '{';
    for (std::size_t i = 0; i < attrs.size(); ++i) {
        if (i) s += ',';
        s += attrs[i].first;
        s += "=\"";
        for (char c : attrs[i].second) {
            if (c == '"' || c == '\\') s += '\\';
            s += c;
        }
        s += '"';
    }
    s += '}';
    return s;
}

class Mapper {
public:
    Mapper(const DecodeLimits& l, std::vector<Record>& out, OtlpResult& r) : lim_(l), out_(out), r_(r) {}

    void refuse(std::string why) {
        if (r_.refused++ == 0) r_.error = std::move(why);
    }
    bool nameFits(const std::string& s, const char* field) {
        if (s.size() <= lim_.maxNameBytes) return true;
        refuse(std::string("field '") + field + "' is " + std::to_string(s.size()) + " bytes, over the " +
               std::to_string(lim_.maxNameBytes) + "-byte limit");
        return false;
    }
    bool tsOf(dom::object o, std::string_view key, TimestampMs& ts) {
        std::uint64_t ns = 0;
        dom::element e;
        if (o[key].get(e) || !readUint64(e, ns) || ns == 0) return false;
        ts = TimestampMs(ns / 1'000'000);
        return true;
    }

    void points(const std::string& metric, const std::string& target, dom::object data) {
        dom::array pts;
        if (data["dataPoints"].get_array().get(pts)) return;
        for (dom::element p : pts) {
            dom::object po;
            if (p.get_object().get(po)) { refuse(metric + ": a data point is not an object"); continue; }
            MetricSample m;
            if (!tsOf(po, "timeUnixNano", m.ts)) { refuse(metric + ": data point without timeUnixNano"); continue; }
            dom::element v;
            double d = 0;
            if (!po["asDouble"].get(v)) {
                if (v.get_double().get(d)) { refuse(metric + ": asDouble is not a number"); continue; }
            } else if (!po["asInt"].get(v)) {
                std::int64_t i = 0;
                if (v.is_string()) {
                    auto s = v.get_string().value_unsafe();
                    if (std::from_chars(s.data(), s.data() + s.size(), i).ec != std::errc()) { refuse(metric + ": asInt is not an integer"); continue; }
                } else if (v.get_int64().get(i)) { refuse(metric + ": asInt is not an integer"); continue; }
                d = double(i);
            } else {
                refuse(metric + ": data point without asDouble or asInt");
                continue;
            }
            m.value = d;
            m.series = labelled(metric, attributes(po));
            m.target = target;
            if (!nameFits(m.series, "series") || !nameFits(m.target, "target")) continue;
            out_.push_back(std::move(m));
            ++r_.mapped;
        }
    }

    void metrics(dom::object root) {
        dom::array rms;
        if (root["resourceMetrics"].get_array().get(rms)) {
            if (root.size() != 0) unreadable("no resourceMetrics array");  // {} is an empty request
            return;
        }
        for (dom::element rm : rms) {
            dom::object rmo;
            if (rm.get_object().get(rmo)) continue;
            const std::string target = targetOf(rmo);
            dom::array sms;
            if (rmo["scopeMetrics"].get_array().get(sms)) continue;
            for (dom::element sm : sms) {
                dom::array ms;
                if (sm["metrics"].get_array().get(ms)) continue;
                for (dom::element me : ms) {
                    dom::object mo;
                    if (me.get_object().get(mo)) continue;
                    const std::string name(fieldString(mo, "name"));
                    if (name.empty()) { refuse("a metric without a name"); continue; }
                    dom::object data;
                    if (!mo["gauge"].get_object().get(data) || !mo["sum"].get_object().get(data)) points(name, target, data);
                    else refuse(name + ": only gauge and sum metrics are mapped");
                }
            }
        }
    }

    void logs(dom::object root) {
        dom::array rls;
        if (root["resourceLogs"].get_array().get(rls)) {
            if (root.size() != 0) unreadable("no resourceLogs array");  // {} is an empty request
            return;
        }
        for (dom::element rl : rls) {
            dom::object rlo;
            if (rl.get_object().get(rlo)) continue;
            const std::string source = serviceOf(rlo);
            dom::array sls;
            if (rlo["scopeLogs"].get_array().get(sls)) continue;
            for (dom::element sl : sls) {
                dom::array lrs;
                if (sl["logRecords"].get_array().get(lrs)) continue;
                for (dom::element lr : lrs) {
                    dom::object lo;
                    if (lr.get_object().get(lo)) continue;
                    LogLine l;
                    if (!tsOf(lo, "timeUnixNano", l.ts) && !tsOf(lo, "observedTimeUnixNano", l.ts)) {
                        refuse("a log record without timeUnixNano or observedTimeUnixNano");
                        continue;
                    }
                    l.source = source;
                    l.level = levelOf(lo);
                    dom::element body;
                    if (!lo["body"].get(body)) l.message = anyValueText(body);
                    if (l.message.size() > lim_.maxTextBytes) {
                        refuse("log body is " + std::to_string(l.message.size()) + " bytes, over the " +
                               std::to_string(lim_.maxTextBytes) + "-byte limit");
                        continue;
                    }
                    if (!nameFits(l.source, "source")) continue;
                    out_.push_back(std::move(l));
                    ++r_.mapped;
                }
            }
        }
    }

    void traces(dom::object root) {
        dom::array rss;
        if (root["resourceSpans"].get_array().get(rss)) {
            if (root.size() != 0) unreadable("no resourceSpans array");  // {} is an empty request
            return;
        }
        for (dom::element rs : rss) {
            dom::object rso;
            if (rs.get_object().get(rso)) continue;
            const std::string agent = serviceOf(rso);
            dom::array sss;
            if (rso["scopeSpans"].get_array().get(sss)) continue;
            for (dom::element ss : sss) {
                dom::array spans;
                if (ss["spans"].get_array().get(spans)) continue;
                for (dom::element sp : spans) {
                    dom::object so;
                    if (sp.get_object().get(so)) continue;
                    TimestampMs start = 0, end = 0;
                    std::uint64_t startNs = 0, endNs = 0;
                    dom::element e;
                    if (so["startTimeUnixNano"].get(e) || !readUint64(e, startNs) || so["endTimeUnixNano"].get(e) ||
                        !readUint64(e, endNs) || endNs < startNs || endNs == 0) {
                        refuse("a span without valid startTimeUnixNano/endTimeUnixNano");
                        continue;
                    }
                    start = TimestampMs(startNs / 1'000'000);
                    end = TimestampMs(endNs / 1'000'000);
                    (void)start;
                    TaskEvent t;
                    t.ts = end;
                    t.task_id = std::string(fieldString(so, "spanId"));
                    t.agent = agent.empty() ? std::string("unknown_service") : agent;
                    t.workflow = std::string(fieldString(so, "name"));
                    t.duration_ms = double(endNs - startNs) / 1e6;
                    t.state = TaskState::Succeeded;
                    dom::object status;
                    if (!so["status"].get_object().get(status)) {
                        dom::element code;
                        bool error = false;
                        if (!status["code"].get(code)) {
                            if (code.is_string()) error = code.get_string().value_unsafe() == "STATUS_CODE_ERROR";
                            else if (code.is_int64()) error = code.get_int64().value_unsafe() == 2;
                        }
                        if (error) {
                            t.state = TaskState::Failed;
                            t.error = std::string(fieldString(status, "message"));
                            if (t.error.empty()) t.error = "error";
                        }
                    }
                    for (const auto& [k, v] : attributes(so))
                        if (k == "vigil.endpoint") t.endpoint = v;
                    if (!nameFits(t.task_id, "spanId") || !nameFits(t.agent, "service.name") ||
                        !nameFits(t.workflow, "name") || !nameFits(t.endpoint, "vigil.endpoint"))
                        continue;
                    if (t.error.size() > lim_.maxTextBytes) t.error.resize(lim_.maxTextBytes);
                    out_.push_back(std::move(t));
                    ++r_.mapped;
                }
            }
        }
    }

private:
    void unreadable(std::string why) {
        r_.readable = false;
        r_.error = std::move(why);
    }
    std::string targetOf(dom::object rm) {
        const std::string svc = serviceOf(rm);
        return svc.empty() ? std::string("service:unknown_service") : "service:" + svc;
    }
    static LogLevel levelOf(dom::object lo) {
        std::int64_t n = 0;
        dom::element e;
        if (!lo["severityNumber"].get(e)) {
            if (e.is_int64()) n = e.get_int64().value_unsafe();
        }
        if (n > 0) return n >= 17 ? LogLevel::Error : n >= 13 ? LogLevel::Warn : n >= 9 ? LogLevel::Info : LogLevel::Debug;
        std::string text(fieldString(lo, "severityText"));
        for (auto& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
        if (text.rfind("err", 0) == 0 || text.rfind("fatal", 0) == 0 || text == "critical") return LogLevel::Error;
        if (text.rfind("warn", 0) == 0) return LogLevel::Warn;
        if (text == "debug" || text == "trace") return LogLevel::Debug;
        return LogLevel::Info;
    }

    const DecodeLimits& lim_;
    std::vector<Record>& out_;
    OtlpResult& r_;
};

}  // namespace

OtlpResult decodeOtlpJson(OtlpSignal signal, std::string_view body, const DecodeLimits& limits,
                          std::vector<Record>& out) {
    OtlpResult r;
    dom::parser parser;
    dom::element doc;
    if (auto err = parser.parse(body.data(), body.size(), true).get(doc)) {
        r.error = std::string("not JSON: ") + error_message(err);
        return r;
    }
    dom::object root;
    if (doc.get_object().get(root)) {
        r.error = "not a JSON object";
        return r;
    }
    r.readable = true;
    const std::size_t before = out.size();
    Mapper m(limits, out, r);
    switch (signal) {
    case OtlpSignal::Metrics: m.metrics(root); break;
    case OtlpSignal::Logs: m.logs(root); break;
    case OtlpSignal::Traces: m.traces(root); break;
    }
    if (!r.readable) out.resize(before);
    return r;
}

}  // namespace vigil::collect
