// vigilctl logparse never writes over its input (issue #7 item 10): --out naming
// the --in file, directly, through a symlink or another spelling of the path, is
// exit 2 and the input stays byte for byte.
#include "CliTestSupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace clitest;

class TestCliLogparse : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString in_;
    QByteArray text_;

private slots:
    void initTestCase() {
        QVERIFY2(!vigilctlPath().isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
        in_ = dir_.filePath(QStringLiteral("messages.log"));
        for (int i = 0; i < 50; ++i) text_ += "Receiving block blk_" + QByteArray::number(1000 + i) + " src: /10.0.0." + QByteArray::number(i) + "\n";
        QVERIFY(writeFile(in_, text_));
        QVERIFY(QFile::link(in_, dir_.filePath(QStringLiteral("link.log"))));
    }

    void parsesIntoAnotherFile() {
        const QString out = dir_.filePath(QStringLiteral("out.csv"));
        const auto r = vigilctl({"logparse", "--in", in_, "--out", out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(readFile(out).startsWith("LineId,EventId,EventTemplate\n1,"));
    }

    void outputThatIsTheInputIsRefused_data() {
        QTest::addColumn<QString>("out");
        QTest::newRow("same path") << QStringLiteral("messages.log");
        QTest::newRow("symlink") << QStringLiteral("link.log");
        QTest::newRow("other spelling") << QStringLiteral("./sub/../messages.log");
    }
    void outputThatIsTheInputIsRefused() {
        QFETCH(QString, out);
        QDir(dir_.path()).mkpath(QStringLiteral("sub"));
        const QString outPath = dir_.filePath(out);
        const auto r = vigilctl({"logparse", "--in", in_, "--out", outPath});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is the input file ") + in_), qPrintable(r.err));
        QCOMPARE(readFile(in_), text_);
    }
};

QTEST_GUILESS_MAIN(TestCliLogparse)
#include "tst_cli_logparse.moc"
