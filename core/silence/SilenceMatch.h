// Pure matching of silences against anomalies and incidents (no clock, no store).
// Labels an anomaly offers: detector, series, target, target_kind, target_name;
// an incident: severity, target (its likely cause), target_kind, target_name, and
// no kind (one incident may gather several kinds of fault). A silence naming a
// label the subject does not have does not match it.
#pragma once

#include "silence/Silence.h"

#include <functional>
#include <string_view>
#include <vector>

namespace vigil::silence {

// * matches any run of characters (also none), ? exactly one; anything else itself.
bool globMatch(std::string_view pattern, std::string_view text);

// True when every matcher the silence sets matches the subject (time not considered).
bool matches(const Silence& s, const SilenceSubject& subject);

// An anomaly's policy incident kind ("" when it says nothing specific); the
// apps supply remedy::signatureOf, which core/engine does not link.
using AnomalyKindFn = std::function<std::string(const Anomaly&)>;

SilenceSubject subjectOf(const Anomaly& a, const AnomalyKindFn& kindOf = {});
SilenceSubject subjectOf(const Incident& i);

// A silence is usable when it sets a matcher, ends after it starts, and has a
// reason and an author; else `why` names the field.
bool validSilence(const Silence& s, std::string& why);

// Parses "key=value" (label matchers on the command line and in the store).
bool parseLabel(std::string_view text, std::string& key, std::string& value, std::string& why);

// The matchers in words: "target=rpc:*, detector=gas.spike, kind=stuck-tx".
std::string describeMatchers(const Silence& s);

// An immutable set of silences, as the engine holds it.
class SilenceSet {
public:
    SilenceSet() = default;
    explicit SilenceSet(std::vector<Silence> silences) : silences_(std::move(silences)) {}
    // The first silence active at `t` that matches, or null.
    const Silence* find(const SilenceSubject& subject, TimestampMs t) const;
    const std::vector<Silence>& all() const { return silences_; }

private:
    std::vector<Silence> silences_;
};

}  // namespace vigil::silence
