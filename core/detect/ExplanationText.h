// How a detector writes its explanation: as messages (ExplanationMessages.h), of
// which Anomaly::explanation is the English rendering.
#pragma once

#include "detect/ExplanationMessages.h"
#include "record/Record.h"

#include <string>
#include <vector>

namespace vigil {

// An argument shown as is (a target, a number, a duration, a log line).
inline NarrativeArg asText(std::string text) { return NarrativeArg{std::move(text), {}}; }
// An argument that is an English word of ExplanationMessages.h, translated with it.
inline NarrativeArg asWord(std::string english) { return NarrativeArg{{}, {std::move(english)}}; }

inline NarrativeSentence sentence(ExplanationMsg m, std::vector<NarrativeArg> args = {}) {
    return NarrativeSentence{static_cast<std::uint16_t>(m), std::move(args)};
}

// The explanation's text from its messages, in English or through `translate`.
inline std::string renderExplanation(const std::vector<NarrativeSentence>& msgs, const NarrativeTranslate& translate = {}) {
    return renderMessages(msgs, {explanationMessages()}, translate);
}

// Sets both forms: the messages and their English rendering.
inline void setExplanation(Anomaly& a, std::vector<NarrativeSentence> msgs) {
    a.explanation = renderExplanation(msgs);
    a.explanation_msgs = std::move(msgs);
}

}  // namespace vigil
