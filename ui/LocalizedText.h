// The engine's sentences in the user's language: an incident's narrative
// rendered from its messages through the installed translators ("Narrative"
// context, translations/vigil_*.ts). An incident without messages, or with one
// this build does not know (read back from a store, from a newer engine), shows
// its stored English text instead of a narrative with a sentence missing.
#pragma once

#include "record/Record.h"

#include <QString>

namespace vigil::ui {

QString narrativeText(const Incident& incident);

}  // namespace vigil::ui
