// The NAB scorer on a tiny corpus whose score is worked out by hand below.
//
// sigma(y) = 2 / (1 + e^(5y)) - 1;  sigma(-1) = 0.986614.
// File A: 20 rows, one a minute from 2020-01-01 00:00. Probation = min(floor(0.15*20), 750)
//   = 3 rows (0..2, never scored). Window [00:10, 00:14] = rows 10..14 (width 5).
//   Scores: row 1 = 0.9 (probation: ignored), row 5 = 0.3 (FP before any window: -A_FP),
//   rows 12 and 13 = 0.8 (only the earliest counts: y = -(14-12+1)/5 = -0.6,
//   sigma(-0.6)/sigma(-1) = 0.917429), row 16 = 0.7 (FP after the window:
//   y = (16-14)/(5-1) = 0.5, sigma(0.5) = -0.848284).
// File B: 20 rows, window [00:08, 00:11] = rows 8..11 (width 4). Row 9 = 0.2 (late-ish hit:
//   y = -(11-9+1)/4 = -0.75, sigma(-0.75)/sigma(-1) = 0.966989).
// Standard profile (1, 1, 0.11), S_null = -2, S_perfect = 2:
//   t = 0.75: A hit 0.917429, B missed -1                         -> S = -0.082571
//   t = 0.65: + FP row 16: 0.11 * -0.848284 = -0.093311            -> S = -0.175883
//   t = 0.25: + FP row 5: -0.11                                    -> S = -0.285883
//   t = 0.15: B hit replaces its miss: -0.285883 + 1 + 0.966989   -> S = 1.681107
//   normalised at 0.15: 100 * (1.681107 + 2) / 4 = 92.0277; that is the best threshold
//   (lowering it to 0 turns every other row into an FP).
#include "detect/nab/NabCsv.h"
#include "detect/nab/NabScorer.h"
#include "detect/nab/NabTime.h"
#include "detect/nab/NabWindows.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace vigil::nab;

namespace {
constexpr std::int64_t kMinute = 60'000;

std::int64_t base() {
    std::int64_t ms = 0;
    parseTimestamp("2020-01-01 00:00:00", ms);
    return ms;
}

ScoredFile makeFile(const char* key, int windowFirst, int windowLast, std::vector<std::pair<int, double>> hits) {
    ScoredFile f;
    f.key = key;
    for (int i = 0; i < 20; ++i) f.ts_ms.push_back(base() + i * kMinute);
    f.scores.assign(20, 0.0);
    for (auto [row, s] : hits) f.scores[row] = s;
    f.windows.push_back({base() + windowFirst * kMinute, base() + windowLast * kMinute});
    return f;
}

std::vector<ScoredFile> corpus() {
    return {makeFile("cat/a.csv", 10, 14, {{1, 0.9}, {5, 0.3}, {12, 0.8}, {13, 0.8}, {16, 0.7}}),
            makeFile("cat/b.csv", 8, 11, {{9, 0.2}})};
}
}  // namespace

class TestNabScorer : public QObject {
    Q_OBJECT
private slots:
    void probation() {
        QCOMPARE(probationRows(20), std::size_t(3));
        QCOMPARE(probationRows(4032), std::size_t(604));
        QCOMPARE(probationRows(22695), std::size_t(750));
    }
    void timestamps() {
        std::int64_t a = 0, b = 0;
        QVERIFY(parseTimestamp("2014-04-10 07:15:00.000000", a));
        QVERIFY(parseTimestamp("2014-04-10T07:15:00", b));
        QCOMPARE(a, b);
        QCOMPARE(a, std::int64_t(1397114100000));
        QVERIFY(!parseTimestamp("2014-13-10 07:15:00", a));
        QVERIFY(!parseTimestamp("yesterday", a));
    }
    void leftEdgeIsWorthOne() {
        auto f = makeFile("cat/a.csv", 10, 14, {{10, 1.0}});
        const auto r = scoreAtThreshold({f}, standardProfiles()[0], 0.5);
        QCOMPARE(r.true_positives, 1);
        QVERIFY(qAbs(r.raw - 1.0) < 1e-9);
        QVERIFY(qAbs(r.normalised - 100.0) < 1e-9);
    }
    void rightEdgeIsWorthLess() {
        // Row 14 is the last of the window: y = -1/5, sigma(-0.2)/sigma(-1) = 0.468387.
        auto f = makeFile("cat/a.csv", 10, 14, {{14, 1.0}});
        const auto r = scoreAtThreshold({f}, standardProfiles()[0], 0.5);
        QVERIFY(qAbs(r.raw - 0.468387) < 1e-5);
    }
    void farFalsePositiveCostsFull() {
        // Row 19 is 5 rows after the window: y = 5/4 = 1.25 -> sigma = -0.996147 (not yet > 3).
        auto f = makeFile("cat/a.csv", 10, 14, {{19, 1.0}});
        const auto r = scoreAtThreshold({f}, standardProfiles()[0], 0.5);
        QCOMPARE(r.false_positives, 1);
        QCOMPARE(r.false_negatives, 1);
        QVERIFY(qAbs(r.raw - (-1.0 + 0.11 * -0.996147)) < 1e-5);
    }
    void handComputedThresholds() {
        const auto p = standardProfiles()[0];
        QVERIFY(qAbs(scoreAtThreshold(corpus(), p, 0.75).raw - -0.082571) < 1e-5);
        QVERIFY(qAbs(scoreAtThreshold(corpus(), p, 0.65).raw - -0.175883) < 1e-5);
        QVERIFY(qAbs(scoreAtThreshold(corpus(), p, 0.25).raw - -0.285883) < 1e-5);
        const auto low = scoreAtThreshold(corpus(), p, 0.15);
        QVERIFY(qAbs(low.raw - 1.681107) < 1e-5);
        QCOMPARE(low.true_positives, 2);
        QCOMPARE(low.false_positives, 2);  // rows 5 and 16; row 1 is probation
    }
    void sweepFindsTheBestThreshold() {
        const auto results = scoreCorpus(corpus(), standardProfiles());
        QCOMPARE(results.size(), std::size_t(3));
        const auto& s = results[0];
        QCOMPARE(s.profile.name, std::string("standard"));
        QCOMPARE(s.threshold, 0.2);
        QVERIFY(qAbs(s.normalised - 92.0277) < 1e-3);
        // reward_low_FN_rate: S = 1.681107, S_null = -4, S_perfect = 2 -> 100*5.681107/6.
        QVERIFY(qAbs(results[2].normalised - 94.6851) < 1e-3);
        // reward_low_FP_rate doubles the FP costs: 1.681107 - 0.093311 - 0.11 = 1.477796 -> 86.9449.
        QVERIFY(qAbs(results[1].normalised - 86.9449) < 1e-3);
    }
    void nullDetectorScoresZero() {
        auto c = corpus();
        for (auto& f : c) std::fill(f.scores.begin(), f.scores.end(), 0.0);
        const auto r = scoreAtThreshold(c, standardProfiles()[0], 0.5);
        QVERIFY(qAbs(r.normalised) < 1e-9);
    }
    void csvProblemsNameFileAndLine() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("x.csv").toStdString();
        std::ofstream(path) << "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:01:00,abc\nnot-a-time,3\n";
        NabTable t;
        std::vector<CsvProblem> problems;
        std::string fatal;
        QVERIFY(readNabCsv(path, false, t, problems, fatal));
        QCOMPARE(t.size(), std::size_t(3));  // bad rows are kept (flagged), one output row each
        QCOMPARE(problems.size(), std::size_t(2));
        QCOMPARE(problems[0].line, 3);
        QVERIFY(QString::fromStdString(problems[0].text()).contains("x.csv:3: bad value"));
        QCOMPARE(problems[1].line, 4);
        QVERIFY(!readNabCsv(dir.filePath("missing.csv").toStdString(), false, t, problems, fatal));
        QVERIFY(QString::fromStdString(fatal).contains("missing.csv"));
    }
    void windowsJson() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("w.json").toStdString();
        std::ofstream(path) << R"({"cat/a.csv": [["2020-01-01 00:10:00.000000", "2020-01-01 00:14:00.000000"]], "cat/b.csv": []})";
        std::map<std::string, std::vector<Window>> w;
        std::string fatal;
        QVERIFY2(readWindows(path, w, fatal), fatal.c_str());
        QCOMPARE(w.size(), std::size_t(2));
        QCOMPARE(w["cat/a.csv"].front().start_ms, base() + 10 * kMinute);
        std::ofstream(path) << R"({"cat/a.csv": [["2020-01-01", 5]]})";
        QVERIFY(!readWindows(path, w, fatal));
        QVERIFY(QString::fromStdString(fatal).contains("cat/a.csv"));
    }
};

QTEST_GUILESS_MAIN(TestNabScorer)
#include "tst_nabscorer.moc"
