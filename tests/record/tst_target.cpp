// The "<kind>:<name>" target form: split at the first ':', typed once, and the
// bare and typed spellings of a name meaning the same target.
#include "record/Target.h"

#include <QtTest>

using namespace vigil;

class TestTarget : public QObject {
    Q_OBJECT
private slots:
    void split_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("typed") << QStringLiteral("rpc:eth-main-a") << QStringLiteral("rpc")
                               << QStringLiteral("eth-main-a");
        QTest::newRow("bare") << QStringLiteral("eth-main-a") << QStringLiteral("") << QStringLiteral("eth-main-a");
        QTest::newRow("first colon splits")
            << QStringLiteral("host:10.0.0.1:8545") << QStringLiteral("host") << QStringLiteral("10.0.0.1:8545");
        QTest::newRow("empty name") << QStringLiteral("pool:") << QStringLiteral("pool") << QStringLiteral("");
        QTest::newRow("empty kind") << QStringLiteral(":x") << QStringLiteral("") << QStringLiteral("x");
        QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("") << QStringLiteral("");
    }
    void split() {
        QFETCH(QString, target);
        QFETCH(QString, kind);
        QFETCH(QString, name);
        const std::string t = target.toStdString();
        QCOMPARE(QString::fromStdString(std::string(targetKind(t))), kind);
        QCOMPARE(QString::fromStdString(std::string(targetName(t))), name);
    }

    void typed_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("typed");
        QTest::newRow("bare gets the prefix")
            << QStringLiteral("agent") << QStringLiteral("agent-07") << QStringLiteral("agent:agent-07");
        QTest::newRow("typed stays as sent")
            << QStringLiteral("agent") << QStringLiteral("agent:agent-07") << QStringLiteral("agent:agent-07");
        QTest::newRow("another kind is a name")
            << QStringLiteral("pool") << QStringLiteral("workflow:claim") << QStringLiteral("pool:workflow:claim");
        QTest::newRow("kind prefix without colon")
            << QStringLiteral("rpc") << QStringLiteral("rpcnode") << QStringLiteral("rpc:rpcnode");
    }
    void typed() {
        QFETCH(QString, kind);
        QFETCH(QString, name);
        QFETCH(QString, typed);
        QCOMPARE(QString::fromStdString(typedTarget(kind.toStdString(), name.toStdString())), typed);
    }

    void withoutKind_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("bare");
        QTest::newRow("own kind stripped")
            << QStringLiteral("agent:agent-07") << QStringLiteral("agent") << QStringLiteral("agent-07");
        QTest::newRow("bare unchanged") << QStringLiteral("agent-07") << QStringLiteral("agent")
                                        << QStringLiteral("agent-07");
        QTest::newRow("other kind kept") << QStringLiteral("pool:claim") << QStringLiteral("agent")
                                         << QStringLiteral("pool:claim");
    }
    void withoutKind() {
        QFETCH(QString, target);
        QFETCH(QString, kind);
        QFETCH(QString, bare);
        const std::string t = target.toStdString(), k = kind.toStdString();
        QCOMPARE(QString::fromStdString(std::string(vigil::withoutKind(t, k))), bare);
    }

    void typingIsIdempotent() {
        const std::string once = typedTarget("chain", "ethereum");
        QCOMPARE(typedTarget("chain", once), once);
        QCOMPARE(std::string(targetName(once)), std::string("ethereum"));
    }
};

QTEST_APPLESS_MAIN(TestTarget)
#include "tst_target.moc"
