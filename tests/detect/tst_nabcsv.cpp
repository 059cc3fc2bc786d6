// NAB CSV writer/reader round trip on rows the reader keeps but cannot parse (inputs
// found by tests/fuzz/fuzz_nab_csv).
#include "detect/nab/NabCsv.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace vigil::nab;

class TestNabCsv : public QObject {
    Q_OBJECT
private slots:
    // A NUL inside a bad row's timestamp used to end the written field (printf "%s"),
    // so the results file no longer matched its data file row for row.
    void resultsKeepTextsWithNulBytes() {
        QTemporaryDir dir;
        const std::string data = dir.filePath("data.csv").toStdString();
        const std::string results = dir.filePath("results.csv").toStdString();
        static const char text[] = "value,timestamp\n1,\0\0" "15:00\n3,2014-04-10 07:15:00\n";
        std::ofstream(data, std::ios::binary) << std::string(text, sizeof text - 1);
        NabTable t;
        std::vector<CsvProblem> problems;
        std::string fatal;
        QVERIFY(readNabCsv(data, false, t, problems, fatal));
        QCOMPARE(t.size(), std::size_t(2));
        QCOMPARE(t.timestamp_text[0], std::string("\0\0" "15:00", 7));
        QVERIFY(!t.row_ok[0]);
        QVERIFY(t.row_ok[1]);

        QVERIFY(writeNabResults(results, t, {0.25, 0.5}, fatal));
        NabTable back;
        std::vector<CsvProblem> backProblems;
        QVERIFY(readNabCsv(results, true, back, backProblems, fatal));
        QCOMPARE(back.size(), t.size());
        QCOMPARE(back.timestamp_text, t.timestamp_text);
        QCOMPARE(back.value_text, t.value_text);
        QCOMPARE(back.score[1], 0.5);  // a bad row's score is not read
    }
    // from_chars reads "nan" and "inf": such a value used to make an "ok" row that the
    // detector then scored 0 without a word. It is a bad row, reported with its line,
    // as a non-finite anomaly_score already was.
    void nonFiniteValueIsABadRow() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("d.csv").toStdString();
        std::ofstream(path) << "timestamp,value\n2014-04-10 07:15:00,nan\n2014-04-10 07:20:00,-inf\n"
                               "2014-04-10 07:25:00,1.5\n";
        NabTable t;
        std::vector<CsvProblem> problems;
        std::string fatal;
        QVERIFY(readNabCsv(path, false, t, problems, fatal));
        QCOMPARE(t.size(), std::size_t(3));
        QVERIFY(!t.row_ok[0]);
        QVERIFY(!t.row_ok[1]);
        QVERIFY(t.row_ok[2]);
        QCOMPARE(problems.size(), std::size_t(2));
        QVERIFY(QString::fromStdString(problems[0].text()).endsWith("d.csv:2: bad value 'nan'"));
        QCOMPARE(problems[1].line, 3);
    }
};

QTEST_GUILESS_MAIN(TestNabCsv)
#include "tst_nabcsv.moc"
