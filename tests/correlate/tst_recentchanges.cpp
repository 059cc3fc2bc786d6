// RecentChanges: which log lines announce a change (whole words, any case), the newest
// change of a source inside a time range, and bounded memory.
#include "correlate/RecentChanges.h"

#include <QTest>

using namespace vigil;

namespace {
LogLine line(TimestampMs ts, std::string source, std::string message) {
    LogLine l;
    l.ts = ts;
    l.source = std::move(source);
    l.message = std::move(message);
    return l;
}
}  // namespace

class TestRecentChanges : public QObject {
    Q_OBJECT
private slots:
    void recognisesChangeAnnouncements() {
        QVERIFY(RecentChanges::announcesChange("deployed workflow rebalance v2.4.0 (was v2.3.9)"));
        QVERIFY(RecentChanges::announcesChange("Config RELOADED from /etc/agent.yaml"));
        QVERIFY(RecentChanges::announcesChange("canary check failed, automatically rolled back to v2.3.9"));
        QVERIFY(RecentChanges::announcesChange("pool wallet_monitor scaled to 6 workers"));
        QVERIFY(RecentChanges::announcesChange("agent restarted after OOM"));
        // Whole words only, and ordinary traffic is not a change.
        QVERIFY(!RecentChanges::announcesChange("task tx-1 failed: deployment_id=7 not found"));
        QVERIFY(!RecentChanges::announcesChange("undeployedness"));
        QVERIFY(!RecentChanges::announcesChange("rebalanced portfolio of wallet 0xb9 in tx 0x01"));
        QVERIFY(!RecentChanges::announcesChange(""));
    }
    void everyChangeWordInAnyCaseAndPlace() {
        // The shortest and longest words and every first letter pass the quick filter.
        for (const char* w : {"deployed", "deploying", "redeployed", "upgraded", "downgraded", "rolled", "rollout",
                              "rollback", "restarted", "reloaded", "reconfigured", "migrated", "scaled"}) {
            const QString word = QString::fromLatin1(w);
            for (const QString& msg :
                 {word, "agent-7 " + word.toUpper() + " ok", "x=" + word.left(1).toUpper() + word.mid(1)})
                QVERIFY2(RecentChanges::announcesChange(msg.toStdString()), qPrintable(msg));
            // One letter more or less is another word.
            QVERIFY2(!RecentChanges::announcesChange((word + "s").toStdString()), w);
            QVERIFY2(!RecentChanges::announcesChange(word.chopped(1).toStdString()), w);
        }
    }
    void newestChangeOfASourceInRange() {
        RecentChanges c;
        c.observe(line(1000, "agent-11", "deployed workflow rebalance v2.4.0"));
        c.observe(line(2000, "agent-11", "submitted tx 0x63 nonce 862"));  // not a change
        c.observe(line(3000, "agent-11", "config reloaded"));
        c.observe(line(3500, "agent-12", "deployed workflow airdrop_claim v1.1"));
        const Change* latest = c.latest("agent-11", 0, 10'000);
        QVERIFY(latest);
        QCOMPARE(latest->ts, TimestampMs(3000));
        QCOMPARE(latest->message, std::string("config reloaded"));
        const Change* early = c.latest("agent-11", 0, 2500);
        QVERIFY(early);
        QCOMPARE(early->message, std::string("deployed workflow rebalance v2.4.0"));
        QVERIFY(!c.latest("agent-11", 3001, 10'000));
        QVERIFY(!c.latest("agent-99", 0, 10'000));
    }
    void memoryIsBounded() {
        RecentChanges c(3, 2);
        for (int s = 0; s < 10; ++s)
            for (int k = 0; k < 5; ++k) c.observe(line(s * 100 + k, "agent-" + std::to_string(s), "restarted"));
        QCOMPARE(c.sources(), std::size_t(3));
        QVERIFY(!c.latest("agent-0", 0, 10'000));  // the sources with the oldest changes went
        const Change* kept = c.latest("agent-9", 0, 10'000);
        QVERIFY(kept);
        QCOMPARE(kept->ts, TimestampMs(904));
        QVERIFY(!c.latest("agent-9", 0, 902));  // two lines per source: 903 and 904
    }
};

QTEST_GUILESS_MAIN(TestRecentChanges)
#include "tst_recentchanges.moc"
