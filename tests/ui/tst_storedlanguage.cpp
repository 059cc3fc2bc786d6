// Issue #10: an incident and an anomaly read back from SQLite (console history
// after a restart, the desk, reports from --db) render in the user's language:
// under the translator `vigil --lang de` installs, the stored narrative and
// explanation come out in German, exactly as the records the engine made.
#include "ui/ExplanationSamples.h"

#include "correlate/Narrative.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "ui/LocalizedText.h"

#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace vigil;

class TestStoredLanguage : public QObject {
    Q_OBJECT
private slots:
    void aStoredIncidentRendersInGerman() {
        // A gas spike explains the cause; the narrative quotes it.
        Anomaly spike = samples::gasSpike();
        const NarrativeFacts f = samples::gasSpikeIncident(spike);
        spike.ts = f.since;
        spike.id = "anom-gas";
        Incident live;
        live.ts = f.lastAnomaly;
        live.id = "inc-gas";
        live.opened = f.since;
        live.severity = f.severity;
        live.targets = f.targets;
        live.cause = f.cause;
        live.story = narrativeStory(f);
        live.narrative = renderStory(live.story);

        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        {
            auto w = store::StoreWriter::open(path);
            QVERIFY2(w.ok(), w.error().c_str());
            QVERIFY((*w)->append({spike, live}));
            (*w)->close();
            QCOMPARE((*w)->stats().rowsFailed, 0);
        }
        auto r = store::StoreReader::open(path);
        QVERIFY2(r.ok(), r.error().c_str());
        const auto incidents = (*r)->incidents();
        const auto anomalies = (*r)->anomalies();
        QVERIFY2(incidents.ok() && anomalies.ok(), incidents.ok() ? anomalies.error().c_str() : incidents.error().c_str());
        QCOMPARE(int(incidents->size()), 1);
        QCOMPARE(int(anomalies->size()), 1);
        const Incident& stored = incidents->front();
        const Anomaly& storedSpike = anomalies->front();
        QCOMPARE(ui::narrativeText(stored), QString::fromStdString(live.narrative));  // English without a translator

        // What `vigil --lang de` installs (app/vigil/main.cpp, installTranslations).
        QTranslator de;
        QVERIFY(de.load(QLocale(QStringLiteral("de")), QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&de);
        const QString german = ui::narrativeText(stored);
        const QString germanExplanation = ui::explanationText(storedSpike);
        const QString liveGerman = ui::narrativeText(live);
        const QString liveGermanExplanation = ui::explanationText(spike);
        QCoreApplication::removeTranslator(&de);

        QVERIFY2(german.contains(QStringLiteral("Der Gaspreis auf chain:ethereum liegt bei")), qPrintable(german));
        QVERIFY2(german != QString::fromStdString(live.narrative), qPrintable(german));
        const QStringList left = samples::englishWordsLeft(german, stored.story);
        QVERIFY2(left.isEmpty(), qPrintable(german + QStringLiteral("\n  English left: ") + left.join(QLatin1Char(' '))));
        QCOMPARE(german, liveGerman);
        QVERIFY2(germanExplanation != QString::fromStdString(spike.explanation), qPrintable(germanExplanation));
        QCOMPARE(germanExplanation, liveGermanExplanation);
    }
};

QTEST_MAIN(TestStoredLanguage)
#include "tst_storedlanguage.moc"
