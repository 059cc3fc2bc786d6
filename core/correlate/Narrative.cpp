#include "correlate/Narrative.h"

#include "detect/ExplanationMessages.h"
#include "record/NarrativeMessages.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

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
}  // namespace

std::string detectorWords(const std::string& d) {
    for (const auto& [name, words] : kDetectorWords)
        if (name == d) return words;
    return d;
}

namespace {
using Msg = NarrativeMsg;

NarrativeArg text(std::string t) { return NarrativeArg{std::move(t), {}}; }
NarrativeArg number(std::int64_t n) { return text(std::to_string(n)); }
NarrativeArg words(std::vector<std::string> w) { return NarrativeArg{{}, std::move(w)}; }

void say(std::vector<NarrativeSentence>& story, Msg m, std::vector<NarrativeArg> args = {}) {
    story.push_back(NarrativeSentence{static_cast<std::uint16_t>(m), std::move(args)});
}

void summary(const NarrativeFacts& f, std::vector<NarrativeSentence>& story) {
    std::vector<std::string> what;
    for (std::size_t i = 0; i < f.seen.size() && i < 3; ++i) what.push_back(detectorWords(f.seen[i]));
    if (what.empty()) what.emplace_back(kNoDetectorWord);
    std::string where;
    for (std::size_t i = 0; i < f.targets.size() && i < 4; ++i) where += (i ? ", " : "") + f.targets[i];
    const NarrativeArg severity = words({kSeverityWords[static_cast<std::size_t>(f.severity)]});
    if (f.targets.size() > 4)
        say(story, Msg::SummaryMore,
            {severity, words(std::move(what)), text(std::move(where)), number(std::int64_t(f.targets.size() - 4)),
             text(formatUtc(f.since)), text(span(f.lastAnomaly - f.since))});
    else
        say(story, Msg::Summary,
            {severity, words(std::move(what)), text(std::move(where)), text(formatUtc(f.since)),
             text(span(f.lastAnomaly - f.since))});
}

void cause(const NarrativeFacts& f, std::vector<NarrativeSentence>& story) {
    if (f.cause.empty()) return;
    std::vector<NarrativeArg> args{text(f.cause)};
    const bool seen = !f.causeDetector.empty();
    if (seen) args.push_back(words({detectorWords(f.causeDetector)}));
    if (f.explained > 1) args.push_back(number(f.explained));
    static constexpr Msg kForms[2][3] = {{Msg::Cause, Msg::CauseExplainsOne, Msg::CauseExplains},
                                         {Msg::CauseSeen, Msg::CauseSeenExplainsOne, Msg::CauseSeenExplains}};
    say(story, kForms[seen][std::clamp(f.explained, 0, 2)], std::move(args));
    // The detector's first sentence as its message, so it is quoted in the reader's
    // language; an anomaly read back from a store has only its English text.
    if (f.causeExplanationLead) story.push_back(*f.causeExplanationLead);
    else if (!f.causeExplanation.empty()) say(story, Msg::Verbatim, {text(firstSentence(f.causeExplanation))});
    if (f.otherCauses.size() == 1)
        say(story, Msg::AlsoUpstream1, {text(f.otherCauses[0].first), number(f.otherCauses[0].second)});
    else if (f.otherCauses.size() >= 2)
        say(story, Msg::AlsoUpstream2,
            {text(f.otherCauses[0].first), number(f.otherCauses[0].second), text(f.otherCauses[1].first),
             number(f.otherCauses[1].second)});
}

void changes(const NarrativeFacts& f, std::vector<NarrativeSentence>& story) {
    for (std::size_t i = 0; i < f.changes.size(); ++i) {
        const Change& c = f.changes[i];
        say(story, i ? Msg::AlsoChanged : Msg::ChangedBefore,
            {text(c.source), text(firstSentence(c.message)), text(formatUtc(c.ts)), text(span(f.since - c.ts))});
    }
}

void count(const NarrativeFacts& f, std::vector<NarrativeSentence>& story) {
    const bool one = f.anomalies == 1;
    if (f.flaps <= 0) say(story, one ? Msg::OneAnomaly : Msg::Anomalies, one ? std::vector<NarrativeArg>{} : std::vector{number(f.anomalies)});
    else if (one) say(story, f.flaps == 1 ? Msg::OneAnomalyReopenedOnce : Msg::OneAnomalyReopened, f.flaps == 1 ? std::vector<NarrativeArg>{} : std::vector{number(f.flaps)});
    else if (f.flaps == 1) say(story, Msg::AnomaliesReopenedOnce, {number(f.anomalies)});
    else say(story, Msg::AnomaliesReopened, {number(f.anomalies), number(f.flaps)});
}

void state(const NarrativeFacts& f, std::vector<NarrativeSentence>& story) {
    switch (f.state) {
    case IncidentState::Open: break;
    case IncidentState::Mitigated:
        if (f.remedied) say(story, Msg::MitigatedRemedied);
        else say(story, Msg::MitigatedQuiet, {text(formatUtc(f.lastAnomaly))});
        break;
    case IncidentState::Resolved:
        say(story, Msg::Resolved, {text(formatUtc(f.at)), text(span(f.at - f.lastAnomaly))});
        break;
    }
}

}  // namespace

std::string renderStory(const std::vector<NarrativeSentence>& story, const NarrativeTranslate& translate) {
    return renderMessages(story, {narrativeMessages(), explanationMessages(true)}, translate);
}

bool knownStory(const std::vector<NarrativeSentence>& story) {
    return knownMessages(story, {narrativeMessages(), explanationMessages(true)});
}

std::vector<NarrativeSentence> narrativeStory(const NarrativeFacts& f) {
    std::vector<NarrativeSentence> story;
    summary(f, story);
    cause(f, story);
    changes(f, story);
    count(f, story);
    state(f, story);
    return story;
}

}  // namespace vigil
