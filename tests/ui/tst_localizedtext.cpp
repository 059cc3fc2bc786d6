// Detector explanations in the user's language: every explanation message (each
// detector's sentence forms) and every word they take renders in German under
// the German translator with none of its English template's words left, and an
// incident narrative quoting its cause's explanation quotes it in German too.
// Without the translator the same messages give the stored English, byte for byte.
#include "ui/ExplanationSamples.h"

#include "correlate/Narrative.h"
#include "detect/ExplanationText.h"
#include "ui/LocalizedText.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

using namespace vigil;

class TestLocalizedText : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(de_.load(QLocale(QLocale::German), QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    }

    void englishWithoutTheTranslator() {
        for (const Anomaly& a : samples::everyExplanation())
            QCOMPARE(ui::explanationText(a), QString::fromStdString(a.explanation));
    }

    void everyExplanationInGerman() {
        QCoreApplication::installTranslator(&de_);
        const auto all = samples::everyExplanation();
        QCOMPARE(all.size(), kExplanationTemplates.size());
        for (const Anomaly& a : all) {
            const QString german = ui::explanationText(a);
            const QStringList left = samples::englishWordsLeft(german, a.explanation_msgs);
            QVERIFY2(left.isEmpty(), qPrintable(german + QStringLiteral("\n  English left: ") + left.join(QLatin1Char(' '))));
            QVERIFY2(german != QString::fromStdString(a.explanation), qPrintable(german));
            // The arguments (targets, numbers, log lines) are shown as they are.
            for (const NarrativeArg& arg : a.explanation_msgs.front().args)
                if (!arg.text.empty()) QVERIFY2(german.contains(QString::fromStdString(arg.text)), qPrintable(german));
        }
        QCoreApplication::removeTranslator(&de_);
    }

    void everyWordInGerman() {
        QCoreApplication::installTranslator(&de_);
        std::vector<const char*> words(kMetricVerdictWords.begin(), kMetricVerdictWords.end());
        words.insert(words.end(), kExplanationWords.begin(), kExplanationWords.end());
        words.insert(words.end(), kForecastWhatWords.begin(), kForecastWhatWords.end());
        for (const char* w : words) {
            const QString german = QCoreApplication::translate("Explanation", w);
            QVERIFY2(german != QLatin1String(w), w);
        }
        QCoreApplication::removeTranslator(&de_);
    }

    void narrativeQuotesTheGermanExplanation() {
        // A gas spike on the cause, as the correlator hands it to the narrative.
        Anomaly spike = samples::gasSpike();
        Incident i;
        i.story = narrativeStory(samples::gasSpikeIncident(spike));
        i.narrative = renderStory(i.story);
        // The English narrative quotes the English explanation as before.
        QVERIFY2(i.narrative.find(" Gas price on chain:ethereum is ") != std::string::npos, i.narrative.c_str());
        QCOMPARE(ui::narrativeText(i), QString::fromStdString(i.narrative));

        QCoreApplication::installTranslator(&de_);
        const QString german = ui::narrativeText(i);
        QCoreApplication::removeTranslator(&de_);
        QVERIFY2(german.contains(QStringLiteral("Der Gaspreis auf chain:ethereum liegt bei")), qPrintable(german));
        QStringList left = samples::englishWordsLeft(german, i.story);
        QVERIFY2(left.isEmpty(), qPrintable(german + QStringLiteral("\n  English left: ") + left.join(QLatin1Char(' '))));

        // Without messages (a row stored before schema v9): the stored English, whole.
        i.story.clear();
        QCoreApplication::installTranslator(&de_);
        QCOMPARE(ui::narrativeText(i), QString::fromStdString(i.narrative));
        spike.explanation_msgs.clear();
        QCOMPARE(ui::explanationText(spike), QString::fromStdString(spike.explanation));
        QCoreApplication::removeTranslator(&de_);
    }

    void unknownExplanationIdShowsTheEnglish() {
        Anomaly a;
        a.explanation = "From a newer engine.";
        a.explanation_msgs = {NarrativeSentence{9999, {}}};
        QCOMPARE(ui::explanationText(a), QStringLiteral("From a newer engine."));
    }

private:
    QTranslator de_;
};

QTEST_MAIN(TestLocalizedText)
#include "tst_localizedtext.moc"
