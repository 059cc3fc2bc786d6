// Renders an incident's narrative messages (Incident::story) as text: in English
// for the store and the CLI, or through a translation for the UI.
#pragma once

#include "record/Record.h"

#include <functional>
#include <string>
#include <vector>

namespace vigil {

// Maps an English template or word (NarrativeMessages.h) to the text to show.
using NarrativeTranslate = std::function<std::string(const char* english)>;

// The sentences joined by spaces; without `translate`, the English narrative.
std::string renderNarrative(const std::vector<NarrativeSentence>& story, const NarrativeTranslate& translate = {});

}  // namespace vigil
