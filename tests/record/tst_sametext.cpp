// sameText/sameBytes: the inline equality the detectors and the NDJSON reader use
// instead of std::string's == (which calls memcmp): it must agree with == on every
// length, whichever byte differs.
#include "record/SameText.h"

#include <QtTest>

#include <string>

using namespace vigil;

class TestSameText : public QObject {
    Q_OBJECT
private slots:
    void agreesWithEqualityOnEveryLengthAndByte() {
        for (std::size_t n = 0; n <= 40; ++n) {
            std::string a(n, 'x');
            for (std::size_t i = 0; i < n; ++i) a[i] = static_cast<char>('a' + i % 26);
            const std::string same = a;
            QVERIFY2(sameText(a, same), qPrintable(QString("length %1").arg(n)));
            for (std::size_t i = 0; i < n; ++i) {
                std::string b = a;
                b[i] = static_cast<char>(b[i] ^ 0x20);  // one byte differs: only there
                QVERIFY2(!sameText(a, b), qPrintable(QString("length %1, byte %2").arg(n).arg(i)));
                QVERIFY2(!sameBytes(a.data(), b.data(), n), qPrintable(QString("length %1, byte %2").arg(n).arg(i)));
            }
            QVERIFY(!sameText(a, a + "y"));  // a prefix is not the same text
            QVERIFY(!sameText(a + "y", a));
        }
    }
    void seriesNamesOfOneLength() {
        // The case it is for: names of one length that differ early or late.
        QVERIFY(sameText(std::string("gas.price_gwei"), "gas.price_gwei"));
        QVERIFY(!sameText(std::string("rpc.latency_ms"), "gas.price_gwei"));
        QVERIFY(!sameText(std::string("rpc.latency_ms"), "api.latency_ms"));
        QVERIFY(!sameText(std::string("worker.queue_depth"), "worker.queue_dept_"));
        QVERIFY(sameText("", ""));
        QVERIFY(!sameText("", "a"));
    }
};

QTEST_APPLESS_MAIN(TestSameText)
#include "tst_sametext.moc"
