// `vigilctl policy check`: the shipped default passes with a summary; a bad
// policy exits 2 with exactly FILE:LINE: key: reason on stderr (issue #9,
// test 7); malformed calls exit 2 with a reason.
#include "CliTestSupport.h"
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

class TestCliPolicy : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qgetenv("VIGILCTL").isEmpty(), "VIGILCTL is set by CTest"); }

    void defaultPolicyPasses() {
        const clitest::Run r = clitest::vigilctl({"policy", "check", VIGIL_SOURCE_DIR "/resources/policy.yaml"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(": ok: 8 rules"), qPrintable(r.out));
        QVERIFY(r.out.contains("approval_limit 1 ETH, two_person_limit 10 ETH, approval expiry 15 min"));
        QVERIFY(r.err.isEmpty());
    }

    void badPolicyNamesFileLineAndKey() {
        QTemporaryDir dir;
        QFile in(VIGIL_SOURCE_DIR "/resources/policy.yaml");
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        const int at = text.indexOf("two_person_limit: 10");
        QVERIFY(at > 0);
        const int line = text.left(at).count('\n') + 1;
        text.replace("two_person_limit: 10", "two_person_limt: 10");  // the typo must not drop the limit silently
        const QString path = dir.filePath("typo.yaml");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        const clitest::Run r = clitest::vigilctl({"policy", "check", path});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        const QString expected = QStringLiteral("%1:%2: two_person_limt: unknown key (valid here: ").arg(path).arg(line);
        QVERIFY2(r.err.startsWith(expected), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }

    void malformedCalls() {
        const clitest::Run missing = clitest::vigilctl({"policy", "check", "/nonexistent/p.yaml"});
        QCOMPARE(missing.code, 2);
        QCOMPARE(missing.err, QStringLiteral("/nonexistent/p.yaml:0: policy: cannot read the file\n"));
        for (const QStringList& args : {QStringList{"policy"}, QStringList{"policy", "check"}, QStringList{"policy", "verify", "x.yaml"},
                                        QStringList{"policy", "check", "a.yaml", "b.yaml"}}) {
            const clitest::Run r = clitest::vigilctl(args);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.startsWith(QStringLiteral("vigilctl: policy")), qPrintable(r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliPolicy)
#include "tst_cli_policy.moc"
