// Renders messages (Incident::story, Anomaly::explanation_msgs) as text: in
// English for the store and the CLI, or through a translation for the UI.
#pragma once

#include "record/Record.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

namespace vigil {

// Maps an English template or word to the text to show; `context` is the table's
// ("Narrative", "Explanation"), as lupdate saw it in QT_TRANSLATE_NOOP.
using NarrativeTranslate = std::function<std::string(const char* context, const char* english)>;

// Templates for the message ids base .. base + size - 1. A detector's explanation
// inside a narrative shows only its first sentence (`firstSentenceOnly`).
struct MessageTable {
    const char* context = "";
    std::uint16_t base = 0;
    const char* const* templates = nullptr;
    std::size_t size = 0;
    bool firstSentenceOnly = false;
};

// The narrative's own messages (NarrativeMessages.h).
MessageTable narrativeMessages();

// True if every sentence's id is in one of the tables.
bool knownMessages(const std::vector<NarrativeSentence>& sentences, std::initializer_list<MessageTable> tables);

// The sentences joined by spaces; unknown ids are skipped; without `translate`, English.
std::string renderMessages(const std::vector<NarrativeSentence>& sentences, std::initializer_list<MessageTable> tables,
                           const NarrativeTranslate& translate = {});

// A story of narrative messages only.
inline std::string renderNarrative(const std::vector<NarrativeSentence>& story, const NarrativeTranslate& translate = {}) {
    return renderMessages(story, {narrativeMessages()}, translate);
}

// The first sentence of `s`, cut to `max` bytes (at a UTF-8 character boundary)
// with "..." so a narrative stays short.
std::string firstSentence(const std::string& s, std::size_t max = 220);

}  // namespace vigil
