#include "silence/SilenceMatch.h"

#include "record/Target.h"

namespace vigil::silence {

bool globMatch(std::string_view p, std::string_view t) {
    // Iterative with one backtrack point: linear enough for targets, no recursion.
    std::size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
    while (ti < t.size()) {
        if (pi < p.size() && (p[pi] == '?' || p[pi] == t[ti])) {
            ++pi;
            ++ti;
        } else if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = ti;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

bool matches(const Silence& s, const SilenceSubject& subject) {
    if (!s.target.empty() && !globMatch(s.target, subject.target)) return false;
    if (!s.kind.empty() && s.kind != subject.kind) return false;
    for (const auto& [k, v] : s.labels) {
        const auto it = subject.labels.find(k);
        if (it == subject.labels.end() || it->second != v) return false;
    }
    return !s.target.empty() || !s.kind.empty() || !s.labels.empty();  // an empty silence matches nothing
}

namespace {
void targetLabels(SilenceSubject& s) {
    if (s.target.empty()) return;
    s.labels["target"] = s.target;
    s.labels["target_kind"] = std::string(targetKind(s.target));
    s.labels["target_name"] = std::string(targetName(s.target));
}
}  // namespace

SilenceSubject subjectOf(const Anomaly& a, const AnomalyKindFn& kindOf) {
    SilenceSubject s;
    s.target = a.target;
    targetLabels(s);
    s.labels["detector"] = a.detector;
    if (!a.series.empty()) s.labels["series"] = a.series;
    if (kindOf) s.kind = kindOf(a);
    return s;
}

SilenceSubject subjectOf(const Incident& i) {
    SilenceSubject s;
    s.target = i.cause;
    targetLabels(s);
    s.labels["severity"] = std::string(toString(i.severity));
    return s;
}

bool validSilence(const Silence& s, std::string& why) {
    if (s.target.empty() && s.kind.empty() && s.labels.empty()) {
        why = "a silence needs a target, a label or a kind to match";
        return false;
    }
    for (const auto& [k, v] : s.labels)
        if (k.empty() || k.find_first_of("=\n") != std::string::npos || v.find('\n') != std::string::npos) {
            why = "label '" + k + "': a key without '=' or line breaks, a value without line breaks";
            return false;
        }
    if (s.ends <= s.starts) {
        why = "ends: must be after starts";
        return false;
    }
    if (s.reason.empty()) {
        why = "reason: required";
        return false;
    }
    if (s.createdBy.empty()) {
        why = "created_by: required (who sets the silence)";
        return false;
    }
    return true;
}

bool parseLabel(std::string_view text, std::string& key, std::string& value, std::string& why) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0) {
        why = "label '" + std::string(text) + "': expected key=value";
        return false;
    }
    key = std::string(text.substr(0, eq));
    value = std::string(text.substr(eq + 1));
    return true;
}

std::string describeMatchers(const Silence& s) {
    std::string out;
    auto add = [&out](const std::string& k, const std::string& v) { out += (out.empty() ? "" : ", ") + k + "=" + v; };
    if (!s.target.empty()) add("target", s.target);
    for (const auto& [k, v] : s.labels) add(k, v);
    if (!s.kind.empty()) add("kind", s.kind);
    return out;
}

const Silence* SilenceSet::find(const SilenceSubject& subject, TimestampMs t) const {
    for (const auto& s : silences_)
        if (s.activeAt(t) && matches(s, subject)) return &s;
    return nullptr;
}

}  // namespace vigil::silence
