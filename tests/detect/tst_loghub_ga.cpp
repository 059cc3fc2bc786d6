// Grouping accuracy of the miner on the shared Loghub 2k samples, one configuration
// for every system. CI has the data; without it the test is skipped loudly.
#include "TestPaths.h"  // VIGIL_SHARED_DATA (generated)
#include "detect/logs/LeaveOneOut.h"
#include "detect/logs/LogMinerGrid.h"
#include "detect/logs/LoghubSample.h"

#include <QtTest>

using namespace vigil::logs;

class TestLoghubGa : public QObject {
    Q_OBJECT
private slots:
    void averageGroupingAccuracy() {
        const QDir root(QStringLiteral(VIGIL_SHARED_DATA "/loghub"));
        if (!root.exists()) {
            qWarning("!!! Loghub data not found at %s: grouping accuracy NOT measured !!!",
                     qPrintable(root.absolutePath()));
            QSKIP("shared Loghub data missing");
        }
        const QStringList systems = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        double sum = 0.0;
        int n = 0;
        for (const QString& sys : systems) {
            const QString path = root.filePath(sys + "/" + sys + "_2k.log_structured.csv");
            if (!QFileInfo::exists(path)) continue;
            LoghubSample s;
            std::string err;
            QVERIFY2(loadLoghubSample(path.toStdString(), s, err), err.c_str());
            QCOMPARE(s.content.size(), std::size_t(2000));
            const double ga = groupingAccuracy(mineGroups(s.content, LogMinerConfig{}), s.eventId);
            qInfo("%-12s GA %.4f", qPrintable(sys), ga);
            QVERIFY2(ga >= 0.90, qPrintable(sys + QStringLiteral(" GA below 0.90")));
            sum += ga;
            ++n;
        }
        QVERIFY(n >= 8);
        const double avg = sum / n;
        qInfo("average GA %.4f over %d systems", avg, n);
        QVERIFY2(avg >= 0.92, "average GA below the 0.92 goal");
    }

    // Issue #13's goal on systems a setting was not chosen on: leave-one-system-out
    // (the grid's settings chosen on the other systems) averages >= 0.90, none < 0.6.
    void leaveOneSystemOutHoldsUp() {
        const QDir root(QStringLiteral(VIGIL_SHARED_DATA "/loghub"));
        if (!root.exists()) {
            qWarning("!!! Loghub data not found at %s: held-out GA NOT measured !!!", qPrintable(root.absolutePath()));
            QSKIP("shared Loghub data missing");
        }
        std::vector<LoghubSample> samples;
        for (const QString& sys : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString path = root.filePath(sys + "/" + sys + "_2k.log_structured.csv");
            if (!QFileInfo::exists(path)) continue;
            LoghubSample s;
            std::string err;
            QVERIFY2(loadLoghubSample(path.toStdString(), s, err), err.c_str());
            samples.push_back(std::move(s));
        }
        QVERIFY(samples.size() >= 8);
        const auto grid = logMinerGrid();
        std::vector<std::vector<double>> score(grid.size());
        for (std::size_t c = 0; c < grid.size(); ++c)
            for (const auto& s : samples)
                score[c].push_back(groupingAccuracy(mineGroups(s.content, grid[c]), s.eventId));
        const auto choice = chooseLeaveOneOut(score);
        qInfo("leave-one-system-out GA: in-sample %.4f, held-out %.4f", choice.inSampleMean, choice.heldOutMean);
        QVERIFY2(choice.heldOutMean >= 0.90, "held-out average GA below 0.90");
        for (double ga : choice.heldOutScore) QVERIFY2(ga >= 0.6, "a held-out system below 0.6");
        // The defaults are the setting best on all systems (a tie keeps them).
        QCOMPARE(choice.inSample, std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestLoghubGa)
#include "tst_loghub_ga.moc"
