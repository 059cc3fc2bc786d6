// Narratives in the user's language: under the German translator a story
// renders in German; a story with a message id this build does not know (a
// newer engine) or without messages (read back from a store) shows the stored
// English text whole rather than a narrative with a sentence missing.
#include "record/NarrativeMessages.h"
#include "ui/LocalizedText.h"

#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace vigil;

namespace {
NarrativeSentence say(NarrativeMsg m, std::vector<NarrativeArg> args = {}) {
    return NarrativeSentence{static_cast<std::uint16_t>(m), std::move(args)};
}
}  // namespace

class TestNarrativeLanguage : public QObject {
    Q_OBJECT
private slots:
    void germanUnderTheGermanTranslator() {
        Incident i;
        i.narrative = "Likely cause: rpc:eth-main-a. 1 anomaly so far.";
        i.story = {say(NarrativeMsg::Cause, {{"rpc:eth-main-a", {}}}), say(NarrativeMsg::OneAnomaly)};
        QCOMPARE(ui::narrativeText(i), QString::fromStdString(i.narrative));
        QTranslator de;
        QVERIFY(de.load(QLocale(QLocale::German), QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&de);
        const QString german = ui::narrativeText(i);
        QCoreApplication::removeTranslator(&de);
        QVERIFY2(german.startsWith(QStringLiteral("Wahrscheinliche Ursache: rpc:eth-main-a.")), qPrintable(german));
        QVERIFY(german != QString::fromStdString(i.narrative));
    }

    void unknownIdsShowTheStoredEnglishText() {
        Incident i;
        i.narrative = "critical: repeated task failures on agent:agent-07. 1 anomaly so far.";
        i.story = {say(NarrativeMsg::OneAnomaly), NarrativeSentence{9999, {}}};
        QCOMPARE(ui::narrativeText(i), QString::fromStdString(i.narrative));
        i.story.clear();  // read back from a store
        QCOMPARE(ui::narrativeText(i), QString::fromStdString(i.narrative));
        i.story = {say(NarrativeMsg::OneAnomaly)};
        QCOMPARE(ui::narrativeText(i), QStringLiteral("1 anomaly so far."));
    }
};

QTEST_MAIN(TestNarrativeLanguage)
#include "tst_narrativelanguage.moc"
