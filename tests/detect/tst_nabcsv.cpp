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
};

QTEST_GUILESS_MAIN(TestNabCsv)
#include "tst_nabcsv.moc"
