// The correlator and learned per-series cuts: an anomaly below its series' cut
// is counted and opens nothing; at or above the cut, and on other series, it
// opens incidents as before; a cut published while running is picked up.
#include "correlate/LevelShiftAnomalies.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::correlatetest;

class TestLearnedCuts : public QObject {
    Q_OBJECT
private slots:
    void belowTheCutOpensNothing() {
        auto board = std::make_shared<SeriesCutBoard>();
        SeriesCuts cuts;
        cuts.cuts[{"net.latency_ms", "host:batch-1"}] = 0.9;
        board->publish(cuts);
        CorrelatorConfig cfg;
        cfg.learnedCuts = board;
        IncidentCorrelator c(cfg);
        QCOMPARE(opened(c, shift(1'000'000, "host:batch-1", 0.85)), 0);
        QCOMPARE(c.counters().belowLearnedCut, std::int64_t{1});
        QCOMPARE(c.counters().opened, std::int64_t{0});
        QCOMPARE(opened(c, shift(1'000'000 + 3'600'000, "host:batch-1", 0.95)), 1);  // a real shift still opens
        QCOMPARE(opened(c, shift(1'000'000 + 7'200'000, "host:node-2", 0.85)), 1);   // other series: no cut
        QCOMPARE(c.counters().belowLearnedCut, std::int64_t{1});
    }

    void aCutPublishedWhileRunningIsPickedUp() {
        auto board = std::make_shared<SeriesCutBoard>();
        CorrelatorConfig cfg;
        cfg.learnedCuts = board;
        IncidentCorrelator c(cfg);
        QCOMPARE(opened(c, shift(1'000'000, "host:batch-1", 0.85)), 1);
        SeriesCuts cuts;
        cuts.cuts[{"net.latency_ms", "host:batch-1"}] = 0.9;
        board->publish(cuts);
        QCOMPARE(opened(c, shift(1'000'000 + 7'200'000, "host:batch-1", 0.85)), 0);
        QCOMPARE(c.counters().belowLearnedCut, std::int64_t{1});
    }
};

QTEST_APPLESS_MAIN(TestLearnedCuts)
#include "tst_learnedcuts.moc"
