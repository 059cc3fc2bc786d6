// vigilctl nab-score refuses what would give a wrong score instead of a failure
// (issue #7 item 10): a results file cut short or with a row missing, a score
// outside [0, 1], a windows file that lists nothing, a window that ends before
// it starts. Each is exit 2 with "FILE: reason". A tiny NAB corpus is built here.
#include "CliTestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace clitest;

class TestCliNabScore : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString windows_, results_, resultFile_;
    QByteArray resultBytes_;

    static QString stamp(int i) {
        return QDateTime(QDate(2014, 1, 1), QTime(0, 0), Qt::UTC).addSecs(300LL * i).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }

    void restoreResult() { QVERIFY(writeFile(resultFile_, resultBytes_)); }

private slots:
    void initTestCase() {
        QVERIFY2(!vigilctlPath().isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
        QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("nab/data/cat")));
        QByteArray csv = "timestamp,value\n";
        for (int i = 0; i < 600; ++i)
            csv += (stamp(i) + QStringLiteral(",%1\n").arg(i >= 400 && i < 420 ? 90.0 : 10.0 + std::sin(i * 0.3))).toUtf8();
        QVERIFY(writeFile(dir_.filePath(QStringLiteral("nab/data/cat/x.csv")), csv));
        windows_ = dir_.filePath(QStringLiteral("nab/combined_windows.json"));
        QVERIFY(writeFile(windows_, ("{\"cat/x.csv\": [[\"" + stamp(390) + ".000000\", \"" + stamp(430) + ".000000\"]]}").toUtf8()));
        results_ = dir_.filePath(QStringLiteral("results"));
        auto r = vigilctl({"nab", "--data", dir_.filePath(QStringLiteral("nab/data")), "--out", results_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        resultFile_ = results_ + QStringLiteral("/cat/vigil_x.csv");
        resultBytes_ = readFile(resultFile_);
        QVERIFY(resultBytes_.count('\n') == 601);
        r = vigilctl({"nab-score", "--results", results_, "--windows", windows_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("standard")));
    }

    void resultsCutShortAreRefused() {
        QList<QByteArray> lines = resultBytes_.split('\n');
        QVERIFY(writeFile(resultFile_, lines.mid(0, 101).join('\n') + '\n'));  // header + 100 rows
        auto r = vigilctl({"nab-score", "--results", results_, "--windows", windows_});
        restoreResult();
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(resultFile_ + QStringLiteral(": 100 rows, but ")) &&
                     r.err.contains(QStringLiteral("has 600: every data row needs a score")),
                 qPrintable(r.err));
    }

    void aMissingRowInTheMiddleIsRefused() {
        QList<QByteArray> lines = resultBytes_.split('\n');
        lines.removeAt(50);  // file line 51 (line 1 is the header)
        lines.insert(300, lines.at(299));  // same count, but row 50 gone and one doubled
        QVERIFY(writeFile(resultFile_, lines.join('\n')));
        auto r = vigilctl({"nab-score", "--results", results_, "--windows", windows_});
        restoreResult();
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(resultFile_ + QStringLiteral(":51: timestamp '")), qPrintable(r.err));
    }

    void withoutItsDataTheCheckCannotBeMadeAndSaysSo() {
        const QString elsewhere = dir_.filePath(QStringLiteral("w.json"));
        QVERIFY(QFile::copy(windows_, elsewhere));
        auto r = vigilctl({"nab-score", "--results", results_, "--windows", elsewhere});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("cannot check ")) && r.err.contains(QStringLiteral("--data DIR")),
                 qPrintable(r.err));
        r = vigilctl({"nab-score", "--results", results_, "--windows", elsewhere, "--data",
                      dir_.filePath(QStringLiteral("nab/data"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void scoresOutsideZeroToOneAreRefused() {
        QByteArray bad = resultBytes_;
        const int at = bad.indexOf('\n', bad.indexOf('\n') + 1);  // end of data row 1
        const int comma = bad.lastIndexOf(',', at);
        bad.replace(comma + 1, at - comma - 1, "1.5");
        QVERIFY(writeFile(resultFile_, bad));
        auto r = vigilctl({"nab-score", "--results", results_, "--windows", windows_});
        restoreResult();
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(resultFile_ + QStringLiteral(":2: anomaly_score 1.5 outside [0, 1]")), qPrintable(r.err));
    }

    void aFixedThresholdIsUsedAsGiven() {
        // --threshold scores at the given value instead of the swept one, for every profile.
        auto r = vigilctl({"nab-score", "--results", results_, "--windows", windows_, "--threshold", "0.5"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QStringLiteral("(threshold 0.5000,")), 3);
        for (const char* bad : {"1.5", "0", "half"}) {
            r = vigilctl({"nab-score", "--results", results_, "--windows", windows_, "--threshold", bad});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QStringLiteral("nab-score: --threshold %1: not a score in (0, 1]").arg(QLatin1String(bad))),
                     qPrintable(r.err));
        }
        r = vigilctl({"nab", "--data", dir_.filePath(QStringLiteral("nab/data")), "--out", results_, "--threshold", "0.5"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--threshold goes with --cv")), qPrintable(r.err));
    }

    void badWindowsFilesAreRefused_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty object") << QByteArray("{}") << "lists no files";
        QTest::newRow("empty file") << QByteArray() << "";
        QTest::newRow("reversed window") << ("{\"cat/x.csv\": [[\"" + stamp(430) + "\", \"" + stamp(390) + "\"]]}").toUtf8()
                                         << "\"cat/x.csv\": window 1 [";
    }
    void badWindowsFilesAreRefused() {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        const QString w = dir_.filePath(QStringLiteral("nab/bad_windows.json"));
        QVERIFY(writeFile(w, json));
        const auto r = vigilctl({"nab-score", "--results", results_, "--windows", w});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("vigilctl: nab-score: ") + w + QStringLiteral(": ") + reason), qPrintable(r.err));
        if (json.contains("window")) QVERIFY(r.err.contains(QStringLiteral("ends before it starts")));
    }
};

QTEST_GUILESS_MAIN(TestCliNabScore)
#include "tst_cli_nabscore.moc"
