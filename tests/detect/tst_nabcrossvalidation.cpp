// Leave-one-category-out NAB scoring (NabCrossValidation.h) on a tiny corpus where
// the threshold that suits one category misses the other's window.
//
// Two categories, one file each, 100 rows a minute apart (probation 15 rows), one
// window on rows 50..54. catA: a detection of 0.9 on row 50 (the left edge: worth
// A_TP). catB: 0.6 on row 50, and a false positive 0.7 on row 20 (before any window:
// -A_FP). Standard profile:
//  - whole corpus: t = 0.9 -> 1 - 1 (B missed) = 0; t = 0.7 -> -0.11 more; t = 0.6 ->
//    B hit: 1 - 0.11 + 1 = 1.89, the best: in-sample threshold 0.6, both windows hit.
//  - catB held out, chosen on catA alone: 0.9 (the only score) -> catB misses its
//    window and, at 0.9, has no false positive: raw -1, normalised 0.
//  - catA held out, chosen on catB alone: 0.6 (hit + FP = 0.89 > -1) -> catA hits: 100.
// With a fixed threshold nothing is fitted (the detector's own detection score).
#include "detect/nab/DetectorGrid.h"
#include "detect/nab/NabCrossValidation.h"

#include <QTest>

#include <set>

using namespace vigil::nab;

namespace {
ScoredFile makeFile(const char* key, std::vector<std::pair<int, double>> scores) {
    ScoredFile f;
    f.key = key;
    for (int i = 0; i < 100; ++i) {
        f.ts_ms.push_back(std::int64_t(i) * 60'000);
        f.scores.push_back(0.0);
    }
    for (auto [row, s] : scores) f.scores[row] = s;
    f.windows.push_back({50 * 60'000, 54 * 60'000});
    return f;
}
}  // namespace

class TestNabCrossValidation : public QObject {
    Q_OBJECT
private slots:
    void heldOutThresholdComesFromTheOtherCategories() {
        const std::vector<ScoredFile> files = {makeFile("catA/a.csv", {{50, 0.9}}),
                                               makeFile("catB/b.csv", {{50, 0.6}, {20, 0.7}})};
        const auto cvs = leaveOneCategoryOut(files, {standardProfiles()[0]});
        QCOMPARE(cvs.size(), std::size_t(1));
        const CrossValidation& cv = cvs[0];
        QCOMPARE(cv.categories.size(), std::size_t(2));
        const CategoryScore& a = cv.categories[0];
        const CategoryScore& b = cv.categories[1];
        QCOMPARE(a.category, std::string("catA"));
        QCOMPARE(b.category, std::string("catB"));
        QCOMPARE(cv.inSample.threshold, 0.6);
        QCOMPARE(b.inSample.true_positives, 1);
        QCOMPARE(b.inSample.false_positives, 1);
        // catB held out: the threshold fitted to catA (0.9) misses catB's window.
        QCOMPARE(b.heldOut.threshold, 0.9);
        QCOMPARE(b.heldOut.false_negatives, 1);
        QCOMPARE(b.heldOut.false_positives, 0);
        QVERIFY(qAbs(b.heldOut.normalised - 0.0) < 1e-9);
        // catA held out: catB's threshold 0.6 still hits catA at its left edge.
        QCOMPARE(a.heldOut.threshold, 0.6);
        QCOMPARE(a.heldOut.true_positives, 1);
        QVERIFY(qAbs(a.heldOut.normalised - 100.0) < 1e-9);
        // Pooled: in-sample 100 * (1.89 + 2) / 4; held-out 100 * (1 - 1 + 2) / 4.
        QVERIFY(qAbs(cv.inSample.normalised - 97.25) < 1e-9);
        QVERIFY(qAbs(cv.heldOut.normalised - 50.0) < 1e-9);
        QVERIFY(cv.heldOut.normalised < cv.inSample.normalised);
    }

    void heldOutSettingComesFromTheOtherCategories() {
        // Run 1 (another detector setting) scores catB 0.95 without the false positive:
        // best on the whole corpus and on catB, but a tie with run 0 on catA.
        const std::vector<std::vector<ScoredFile>> runs = {
            {makeFile("catA/a.csv", {{50, 0.9}}), makeFile("catB/b.csv", {{50, 0.6}, {20, 0.7}})},
            {makeFile("catA/a.csv", {{50, 0.9}}), makeFile("catB/b.csv", {{50, 0.95}})},
        };
        const auto cvs = leaveOneCategoryOut(runs, {standardProfiles()[0]});
        QCOMPARE(cvs.size(), std::size_t(1));
        const CrossValidation& cv = cvs[0];
        QCOMPARE(cv.inSampleRun, std::size_t(1));
        QCOMPARE(cv.inSample.threshold, 0.9);
        QCOMPARE(cv.inSample.true_positives, 2);
        QCOMPARE(cv.chosenRun.size(), std::size_t(2));
        // catA held out: run 1 at threshold 0.95, chosen on catB, misses catA's 0.9.
        QCOMPARE(cv.chosenRun[0], std::size_t(1));
        QCOMPARE(cv.categories[0].heldOut.threshold, 0.95);
        QCOMPARE(cv.categories[0].heldOut.false_negatives, 1);
        // catB held out: on catA the runs tie, so run 0 (0.9) is kept; catB's 0.6 is missed.
        QCOMPARE(cv.chosenRun[1], std::size_t(0));
        QCOMPARE(cv.categories[1].heldOut.false_negatives, 1);
        QVERIFY(qAbs(cv.inSample.normalised - 100.0) < 1e-9);
        QVERIFY(qAbs(cv.heldOut.normalised - 0.0) < 1e-9);
    }

    void aFixedThresholdIsNotRefitted() {
        // At a fixed 0.65 (none fitted): catA's 0.9 hits at the left edge (raw 1); catB's
        // 0.6 misses its window and the 0.7 before any window costs the full A_FP (raw
        // -1.11). The fitted rule chose 0.9 for catB held out and 0.6 for catA instead.
        const std::vector<ScoredFile> files = {makeFile("catA/a.csv", {{50, 0.9}}),
                                               makeFile("catB/b.csv", {{50, 0.6}, {20, 0.7}})};
        const auto cvs = leaveOneCategoryOut(files, {standardProfiles()[0]}, 0.65);
        QCOMPARE(cvs.size(), std::size_t(1));
        const CrossValidation& cv = cvs[0];
        QVERIFY(cv.fixedThreshold.has_value());
        QCOMPARE(cv.inSample.threshold, 0.65);
        QCOMPARE(cv.heldOut.threshold, 0.65);
        for (const CategoryScore& c : cv.categories) {
            QCOMPARE(c.heldOut.threshold, 0.65);
            QCOMPARE(c.inSample.threshold, 0.65);
            QVERIFY(qAbs(c.heldOut.raw - c.inSample.raw) < 1e-12);
        }
        QCOMPARE(cv.categories[0].heldOut.true_positives, 1);
        QCOMPARE(cv.categories[1].heldOut.false_negatives, 1);
        QCOMPARE(cv.categories[1].heldOut.false_positives, 1);
        QVERIFY(qAbs(cv.categories[1].heldOut.raw - (-1.11)) < 1e-9);
        // Pooled: 100 * (1 - 1.11 + 2) / 4, held-out equal to in-sample by construction.
        QVERIFY(qAbs(cv.inSample.normalised - 47.25) < 1e-9);
        QVERIFY(qAbs(cv.heldOut.normalised - 47.25) < 1e-9);
    }

    void aFixedThresholdStillChoosesTheSetting() {
        // The runs of heldOutSettingComesFromTheOtherCategories at a fixed 0.65: run 1 hits
        // catB (0.95) without the false positive, so it is chosen on catB and on the whole
        // corpus; on catA alone the runs tie and run 0 is kept, whose catB misses.
        const std::vector<std::vector<ScoredFile>> runs = {
            {makeFile("catA/a.csv", {{50, 0.9}}), makeFile("catB/b.csv", {{50, 0.6}, {20, 0.7}})},
            {makeFile("catA/a.csv", {{50, 0.9}}), makeFile("catB/b.csv", {{50, 0.95}})},
        };
        const auto cvs = leaveOneCategoryOut(runs, {standardProfiles()[0]}, 0.65);
        QCOMPARE(cvs.size(), std::size_t(1));
        const CrossValidation& cv = cvs[0];
        QCOMPARE(cv.inSampleRun, std::size_t(1));
        QVERIFY(qAbs(cv.inSample.normalised - 100.0) < 1e-9);
        QCOMPARE(cv.chosenRun[0], std::size_t(1));
        QCOMPARE(cv.categories[0].heldOut.threshold, 0.65);  // the fitted rule took 0.95 and missed
        QCOMPARE(cv.categories[0].heldOut.true_positives, 1);
        QCOMPARE(cv.chosenRun[1], std::size_t(0));
        QCOMPARE(cv.categories[1].heldOut.false_negatives, 1);
        QVERIFY(qAbs(cv.heldOut.normalised - 47.25) < 1e-9);
    }

    void theSettingGridDoesNotFavourTheDefaults() {
        // A tie between settings goes to the earlier one; the defaults (chosen on all the
        // files) must not be listed first, or a tie would leak that choice into held-out.
        const auto grid = detectorGrid();
        QCOMPARE(grid.size(), std::size_t(54));
        std::set<std::string> names;
        for (const auto& c : grid) names.insert(describe(c));
        QCOMPARE(names.size(), grid.size());
        QCOMPARE(describe(grid.front()), std::string("growth=0.05 escape=2.0 quiet=50 fire=0.50"));
        QCOMPARE(describe(grid.back()), std::string("growth=0.20 escape=3.0 quiet=200 fire=0.60"));
        QVERIFY(names.count(describe(vigil::metric::DetectorConfig{})) == 1);
    }

    void oneCategoryIsRefused() {
        const std::vector<ScoredFile> files = {makeFile("catA/a.csv", {{50, 0.9}}),
                                               makeFile("catA/b.csv", {{50, 0.6}})};
        QVERIFY(leaveOneCategoryOut(files, standardProfiles()).empty());
        QCOMPARE(categoryOf("realTraffic/speed_7578.csv"), std::string("realTraffic"));
        QCOMPARE(categoryOf("nocategory.csv"), std::string());
    }
};

QTEST_GUILESS_MAIN(TestNabCrossValidation)
#include "tst_nabcrossvalidation.moc"
