// The engine's sentences in the user's language: an incident's narrative and an
// anomaly's explanation rendered from their messages through the installed
// translators ("Narrative" and "Explanation" contexts, translations/vigil_*.ts).
// Without messages (a row stored before schema v9, or NDJSON), or with one this build does not know
// (from a newer engine), the stored English text shows whole instead of a text
// with a sentence missing.
#pragma once

#include "record/Record.h"

#include <QString>

namespace vigil::ui {

QString narrativeText(const Incident& incident);
QString explanationText(const Anomaly& anomaly);

}  // namespace vigil::ui
