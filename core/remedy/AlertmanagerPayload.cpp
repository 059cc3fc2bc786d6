#include "remedy/AlertmanagerPayload.h"

#include "record/NdjsonCodec.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace vigil::remedy {
namespace {

using Fields = std::map<std::string, std::string>;  // sorted keys: stable bytes

void appendObject(std::string& o, const Fields& f) {
    o += '{';
    bool first = true;
    for (const auto& [k, v] : f) {
        if (!first) o += ',';
        first = false;
        appendJsonString(o, k);
        o += ':';
        appendJsonString(o, v);
    }
    o += '}';
}

void appendField(std::string& o, const char* key, const std::string& value, bool comma = true) {
    appendJsonString(o, key);
    o += ':';
    appendJsonString(o, value);
    if (comma) o += ',';
}

// Alertmanager's fingerprint is a hash of the label set; FNV-1a 64 of the sorted labels, as hex.
std::string fingerprint(const Fields& labels) {
    std::uint64_t h = 1469598103934665603ull;
    for (const auto& [k, v] : labels)
        for (const unsigned char c : k + '\x1f' + v + '\x1e') h = (h ^ c) * 1099511628211ull;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// RFC 3339 with milliseconds; always a date (Alertmanager reads one), although the
// engine lets no record outside the range through.
std::string rfc3339(TimestampMs ts) { return isoTime(std::clamp<TimestampMs>(ts, 0, kLatestTimestampMs - 1)); }

}  // namespace

std::string alertmanagerPayload(const ActionContext& ctx, const std::string& receiver) {
    const Action& a = ctx.action;
    const ActionSummary sum = summarizeAction(ctx);
    const bool resolved = ctx.outcome.has_value();
    const std::string status = resolved ? "resolved" : "firing";

    Fields labels{{"alertname", "VigilAction"},
                  {"action", a.kind},
                  {"target", a.target},
                  {"action_status", std::string(toString(a.status))},
                  {"severity", a.critical ? "critical" : "warning"}};
    if (!a.incident_id.empty()) labels["incident"] = a.incident_id;
    if (!ctx.rule.empty()) labels["rule"] = ctx.rule;
    Fields annotations{{"summary", sum.title}, {"description", sum.text}, {"action_id", a.id}};
    if (resolved) annotations["outcome"] = (ctx.outcome->success ? "succeeded: " : "failed: ") + ctx.outcome->detail;
    const Fields group{{"alertname", "VigilAction"}};

    std::string alert = "{";
    appendField(alert, "status", status);
    alert += "\"labels\":";
    appendObject(alert, labels);
    alert += ",\"annotations\":";
    appendObject(alert, annotations);
    alert += ',';
    appendField(alert, "startsAt", rfc3339(a.ts));
    // Alertmanager's zero time for "not ended yet".
    appendField(alert, "endsAt", resolved ? rfc3339(ctx.outcome->ts) : "0001-01-01T00:00:00Z");
    appendField(alert, "generatorURL", "");
    appendField(alert, "fingerprint", fingerprint(labels), false);
    alert += '}';

    std::string o = "{";
    appendField(o, "version", "4");
    appendField(o, "groupKey", "{}:{alertname=\"VigilAction\"}");
    o += "\"truncatedAlerts\":0,";
    appendField(o, "status", status);
    appendField(o, "receiver", receiver);
    o += "\"groupLabels\":";
    appendObject(o, group);
    o += ",\"commonLabels\":";
    appendObject(o, labels);  // one alert per notification: its labels are the common ones
    o += ",\"commonAnnotations\":";
    appendObject(o, annotations);
    o += ',';
    appendField(o, "externalURL", "");
    o += "\"alerts\":[" + alert + "]}";
    return o;
}

}  // namespace vigil::remedy
