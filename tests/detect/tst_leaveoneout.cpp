// Leave-one-group-out choice (LeaveOneOut.h) and the miner's settings grid that
// `vigilctl logbench --cv` chooses from.
#include "detect/logs/LeaveOneOut.h"
#include "detect/logs/LogMinerGrid.h"

#include <QtTest>

#include <set>

using namespace vigil::logs;

class TestLeaveOneOut : public QObject {
    Q_OBJECT
private slots:
    void heldOutGroupDoesNotChooseItsOwnSetting() {
        // Candidate 1 is best overall only because of group 2; held out, group 2 gets
        // candidate 0, which the other groups prefer.
        const std::vector<std::vector<double>> score = {
            {0.9, 0.9, 0.1},
            {0.8, 0.8, 1.0},
        };
        const auto c = chooseLeaveOneOut(score);
        QCOMPARE(c.inSample, std::size_t(1));
        QCOMPARE(c.heldOut.size(), std::size_t(3));
        QCOMPARE(c.heldOut[0], std::size_t(1));  // groups 1 and 2: 0.8+1.0 > 0.9+0.1
        QCOMPARE(c.heldOut[1], std::size_t(1));
        QCOMPARE(c.heldOut[2], std::size_t(0));  // groups 0 and 1: 1.8 > 1.6
        QCOMPARE(c.heldOutScore[2], 0.1);
        QCOMPARE(c.inSampleScore[2], 1.0);
        QVERIFY(qAbs(c.inSampleMean - (0.8 + 0.8 + 1.0) / 3) < 1e-12);
        QVERIFY(qAbs(c.heldOutMean - (0.8 + 0.8 + 0.1) / 3) < 1e-12);
        QVERIFY(c.heldOutMean < c.inSampleMean);
    }

    void tiesGoToTheFirstCandidate() {
        const std::vector<std::vector<double>> score = {{0.5, 0.5}, {0.5, 0.5}};
        const auto c = chooseLeaveOneOut(score);
        QCOMPARE(c.inSample, std::size_t(0));
        QCOMPARE(c.heldOut[0], std::size_t(0));
        QCOMPARE(c.heldOut[1], std::size_t(0));
    }

    void gridStartsWithTheDefaultsAndHasNoDuplicates() {
        const auto grid = logMinerGrid();
        QVERIFY(grid.size() > 10);
        QCOMPARE(describe(grid[0]), describe(LogMinerConfig{}));
        std::set<std::string> seen;
        for (const auto& c : grid) QVERIFY2(seen.insert(describe(c)).second, describe(c).c_str());
    }
};

QTEST_GUILESS_MAIN(TestLeaveOneOut)
#include "tst_leaveoneout.moc"
