// Detector sensitivity (console Settings → the correlator on the engine thread):
// a level shift scored 0.7 opens nothing at normal (decisive from 0.75) but opens
// an incident at high; one scored 0.8 opens at normal but not at low; the dial
// turned while running is read at the next anomaly; and the setting's names map
// to the levels (anything else is refused).
#include "correlate/LevelShiftAnomalies.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::correlatetest;

namespace {
IncidentCorrelator correlatorAt(const std::shared_ptr<SensitivityDial>& dial) {
    CorrelatorConfig cfg;
    cfg.sensitivity = dial;
    return IncidentCorrelator(cfg);
}
}  // namespace

class TestSensitivity : public QObject {
    Q_OBJECT
private slots:
    void highOpensOnWeakerEvidence() {
        IncidentCorrelator normal(CorrelatorConfig{});
        QCOMPARE(opened(normal, shift(1'000'000, "host:batch-1", 0.7)), 0);
        auto dial = std::make_shared<SensitivityDial>(Sensitivity::High);
        auto high = correlatorAt(dial);
        QCOMPARE(opened(high, shift(1'000'000, "host:batch-1", 0.7)), 1);
    }

    void lowNeedsStrongerEvidence() {
        auto normalDial = std::make_shared<SensitivityDial>(Sensitivity::Normal);
        auto normal = correlatorAt(normalDial);
        QCOMPARE(opened(normal, shift(1'000'000, "host:batch-1", 0.8)), 1);
        auto dial = std::make_shared<SensitivityDial>(Sensitivity::Low);
        auto low = correlatorAt(dial);
        QCOMPARE(opened(low, shift(1'000'000, "host:batch-1", 0.8)), 0);
        QCOMPARE(opened(low, shift(1'000'000 + 3'600'000, "host:batch-1", 0.9)), 1);
    }

    void aTurnedDialIsReadAtTheNextAnomaly() {
        auto dial = std::make_shared<SensitivityDial>();
        auto c = correlatorAt(dial);
        QCOMPARE(opened(c, shift(1'000'000, "host:batch-1", 0.7)), 0);
        dial->set(Sensitivity::High);
        QCOMPARE(opened(c, shift(1'000'000 + 3'600'000, "host:batch-2", 0.7)), 1);
    }

    void namesMapToLevels() {
        QVERIFY(sensitivityFromName("low") == Sensitivity::Low);
        QVERIFY(sensitivityFromName("normal") == Sensitivity::Normal);
        QVERIFY(sensitivityFromName("high") == Sensitivity::High);
        QVERIFY(!sensitivityFromName("HIGH"));
        QVERIFY(!sensitivityFromName(""));
    }
};

QTEST_APPLESS_MAIN(TestSensitivity)
#include "tst_sensitivity.moc"
