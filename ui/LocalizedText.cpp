#include "ui/LocalizedText.h"

#include "correlate/Narrative.h"
#include "detect/ExplanationText.h"

#include <QCoreApplication>

namespace vigil::ui {

namespace {
std::string translated(const char* context, const char* english) {
    return QCoreApplication::translate(context, english).toStdString();
}
}  // namespace

QString narrativeText(const Incident& i) {
    if (i.story.empty() || !knownStory(i.story)) return QString::fromStdString(i.narrative);
    return QString::fromStdString(renderStory(i.story, translated));
}

QString explanationText(const Anomaly& a) {
    if (a.explanation_msgs.empty() || !knownMessages(a.explanation_msgs, {explanationMessages()}))
        return QString::fromStdString(a.explanation);
    return QString::fromStdString(renderExplanation(a.explanation_msgs, translated));
}

}  // namespace vigil::ui
