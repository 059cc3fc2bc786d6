#include "ui/LocalizedText.h"

#include "record/NarrativeMessages.h"
#include "record/NarrativeText.h"

#include <QCoreApplication>

#include <algorithm>

namespace vigil::ui {

QString narrativeText(const Incident& i) {
    const bool known = std::all_of(i.story.begin(), i.story.end(),
                                   [](const NarrativeSentence& s) { return s.msg < kNarrativeTemplates.size(); });
    if (i.story.empty() || !known) return QString::fromStdString(i.narrative);
    return QString::fromStdString(renderNarrative(i.story, [](const char* english) {
        return QCoreApplication::translate("Narrative", english).toStdString();
    }));
}

}  // namespace vigil::ui
