#include "correlate/Narrative.h"

#include <chrono>
#include <cstdio>
#include <map>

namespace vigil {

std::string formatUtc(TimestampMs ts) {
    using namespace std::chrono;
    const sys_time<milliseconds> tp{milliseconds{ts}};
    const auto day = floor<days>(tp);
    const year_month_day ymd{day};
    const hh_mm_ss hms{floor<seconds>(tp - day)};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02lld:%02lld:%02lldZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<long long>(hms.hours().count()), static_cast<long long>(hms.minutes().count()),
                  static_cast<long long>(hms.seconds().count()));
    return buf;
}

namespace {
std::string span(TimestampMs ms) {
    char buf[32];
    if (ms < 0) ms = 0;
    if (ms < 60'000) std::snprintf(buf, sizeof buf, "%llds", static_cast<long long>(ms / 1000));
    else if (ms < 3'600'000)
        std::snprintf(buf, sizeof buf, "%lldm%02llds", static_cast<long long>(ms / 60'000),
                      static_cast<long long>(ms / 1000 % 60));
    else
        std::snprintf(buf, sizeof buf, "%lldh%02lldm", static_cast<long long>(ms / 3'600'000),
                      static_cast<long long>(ms / 60'000 % 60));
    return buf;
}

// The first sentence, cut to a length that keeps the narrative short.
std::string firstSentence(const std::string& s, std::size_t max = 220) {
    std::size_t end = s.find(". ");
    std::string out = s.substr(0, end == std::string::npos ? s.size() : end + 1);
    if (out.size() > max) out = out.substr(0, max - 3) + "...";
    return out;
}
}  // namespace

std::string detectorWords(const std::string& d) {
    static const std::map<std::string, std::string> words = {
        {"task.failure_ratio", "repeated task failures"},
        {"tx.failure_ratio", "repeated transaction failures"},
        {"tx.stuck", "stuck transactions"},
        {"tx.confirmation_delay", "slow confirmations"},
        {"gas.spike", "a gas price spike"},
        {"worker.queue_growth", "a growing work queue"},
        {"metric.ensemble", "unusual metrics"},
        {"log.new_template", "a new error in the logs"},
        {"log.template_burst", "a burst of log messages"},
        {"level.shift", "sustained degradation"},
    };
    auto it = words.find(d);
    return it == words.end() ? d : it->second;
}

std::string buildNarrative(const NarrativeFacts& f) {
    std::string what;
    for (std::size_t i = 0; i < f.seen.size() && i < 3; ++i) {
        if (i) what += i + 1 == f.seen.size() || i == 2 ? " and " : ", ";
        what += detectorWords(f.seen[i]);
    }
    if (what.empty()) what = "anomalies";
    std::string where;
    for (std::size_t i = 0; i < f.targets.size() && i < 4; ++i) where += (i ? ", " : "") + f.targets[i];
    if (f.targets.size() > 4) where += " and " + std::to_string(f.targets.size() - 4) + " more";

    std::string s = std::string(toString(f.severity)) + ": " + what + " on " + where + " since " +
                    formatUtc(f.since) + " (" + span(f.lastAnomaly - f.since) + " of signals).";
    if (!f.cause.empty()) {
        s += " Likely cause: " + f.cause;
        if (!f.causeDetector.empty()) s += " (" + detectorWords(f.causeDetector) + ", first seen there)";
        if (f.explained > 0)
            s += ", which explains " + std::to_string(f.explained) + " affected target" + (f.explained > 1 ? "s" : "");
        s += ".";
        if (!f.causeExplanation.empty()) s += " " + firstSentence(f.causeExplanation);
        if (!f.otherCauses.empty()) {
            s += " Also upstream:";
            for (std::size_t i = 0; i < f.otherCauses.size() && i < 2; ++i) s += (i ? ", " : " ") + f.otherCauses[i];
            s += ".";
        }
    }
    for (std::size_t i = 0; i < f.changes.size(); ++i) {
        const Change& c = f.changes[i];
        s += std::string(i ? " Also changed: " : " Changed before it: ") + c.source + " \"" +
             firstSentence(c.message) + "\" at " + formatUtc(c.ts) + ", " + span(f.since - c.ts) +
             " before the first signal.";
    }
    s += " " + std::to_string(f.anomalies) + " anomal" + (f.anomalies == 1 ? "y" : "ies") + " so far";
    if (f.flaps > 0) s += ", re-opened " + std::to_string(f.flaps) + (f.flaps == 1 ? " time" : " times");
    s += ".";
    switch (f.state) {
    case IncidentState::Open: break;
    case IncidentState::Mitigated:
        s += f.remedied ? " Mitigated: a remediation succeeded; watching for recurrence."
                        : " Mitigated: no new signal since " + formatUtc(f.lastAnomaly) + ".";
        break;
    case IncidentState::Resolved:
        s += " Resolved at " + formatUtc(f.at) + " after " + span(f.at - f.lastAnomaly) + " without new signals.";
        break;
    }
    return s;
}

}  // namespace vigil
