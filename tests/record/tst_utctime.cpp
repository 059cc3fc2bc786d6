// Record time as UTC text (record/UtcTime.h), the one formatter for engine messages,
// webhook payloads, summaries, the timeline and vigilctl: checked against QDateTime
// on dates across the whole range, before 1970 and at its ends.
#include "record/UtcTime.h"

#include <QDateTime>
#include <QtTest>

using namespace vigil;

namespace {
QString byQt(TimestampMs ts, const char* format) {
    return QDateTime::fromMSecsSinceEpoch(ts, Qt::UTC).toString(QString::fromLatin1(format));
}
}  // namespace

class TestUtcTime : public QObject {
    Q_OBJECT
private slots:
    void isoTimeIsRfc3339ToTheMillisecond() {
        QCOMPARE(isoTime(0), std::string("1970-01-01T00:00:00.000Z"));
        QCOMPARE(isoTime(1'767'225'600'618), std::string("2026-01-01T00:00:00.618Z"));
        QCOMPARE(isoTime(kLatestTimestampMs - 1), std::string("2099-12-31T23:59:59.999Z"));
        // Spread over the range, leap days included: the same text as Qt's.
        for (TimestampMs ts = 7; ts < kLatestTimestampMs; ts += 86'399'997'123)
            QCOMPARE(QString::fromStdString(isoTime(ts)), byQt(ts, "yyyy-MM-ddTHH:mm:ss.zzzZ"));
    }

    void isoTimeOutsideTheRangeIsTheNumber() {
        // What a message about a bad timestamp must show: the value given.
        QCOMPARE(isoTime(-1), std::string("-1"));
        QCOMPARE(isoTime(kLatestTimestampMs), std::to_string(kLatestTimestampMs));
        QCOMPARE(isoTime(std::numeric_limits<TimestampMs>::max()),
                 std::to_string(std::numeric_limits<TimestampMs>::max()));
    }

    void utcTimeIsForPeopleAndRoundsDown() {
        QCOMPARE(utcTime(1'767'225'787'999), std::string("2026-01-01 00:03:07 UTC"));
        QCOMPARE(utcTime(-1), std::string("1969-12-31 23:59:59 UTC"));  // before 1970: down, not toward 0
        QCOMPARE(utcTime(-1000), std::string("1969-12-31 23:59:59 UTC"));
        QCOMPARE(utcTime(-1001), std::string("1969-12-31 23:59:58 UTC"));
        for (TimestampMs ts = -86'400'000LL * 400; ts < kLatestTimestampMs; ts += 77'777'777'777)
            QCOMPARE(QString::fromStdString(utcTime(ts)),
                     byQt(ts - ((ts % 1000) + 1000) % 1000, "yyyy-MM-dd HH:mm:ss 'UTC'"));
    }
};

QTEST_GUILESS_MAIN(TestUtcTime)
#include "tst_utctime.moc"
