// The silences table on a real SQLite file: add assigns ids and keeps every
// field, list shows what is active or to come (or everything), expiring early
// moves the end and keeps who did it, refuses an unknown id and a silence that
// already ended; the poller hands the table's silences to a board, from the
// same file written by another connection.
#include "silence/SilencePoller.h"
#include "silence/SilenceTable.h"
#include "store/Database.h"

#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace vigil;
using namespace vigil::silence;

namespace {
Silence make(const std::string& target, TimestampMs starts, TimestampMs ends) {
    Silence s;
    s.target = target;
    s.starts = starts;
    s.ends = ends;
    s.reason = "node upgrade";
    s.createdBy = "alice";
    s.created = starts;
    return s;
}
constexpr TimestampMs kAll = std::numeric_limits<TimestampMs>::min();
}  // namespace

class TestSilenceTable : public QObject {
    Q_OBJECT
private slots:
    void addListExpire() {
        QTemporaryDir dir;
        auto db = store::Database::open(dir.filePath("s.db").toStdString(), store::OpenMode::ReadWrite);
        QVERIFY2(db.ok(), db.error().c_str());
        SilenceTable table(*db);

        Silence a = make("rpc:eth-main-a", 1000, 5000);
        a.labels = {{"detector", "level.shift"}, {"series", "rpc.error_rate"}};
        a.kind = "rpc-outage";
        const auto added = table.add(a);
        QVERIFY2(added.ok(), added.error().c_str());
        QCOMPARE(added->id, std::int64_t(1));
        const auto b = table.add(make("pool:*", 6000, 9000));
        QVERIFY(b.ok());
        QCOMPARE(b->id, std::int64_t(2));

        const auto back = table.get(1);
        QVERIFY(back.ok());
        a.id = 1;
        QVERIFY(back.value() == a);  // every field as written, labels included

        // Active or to come at 5000: only the second ([1000, 5000) has ended).
        auto rows = table.list(5000);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), std::size_t(1));
        QCOMPARE(rows->front().id, std::int64_t(2));
        QCOMPARE(table.list(kAll)->size(), std::size_t(2));

        // Expired early by bob at 7000: ends there, who and when kept.
        const auto ex = table.expire(2, "bob", 7000);
        QVERIFY2(ex.ok(), ex.error().c_str());
        QCOMPARE(ex->ends, TimestampMs(7000));
        QCOMPARE(ex->expiredBy, std::string("bob"));
        QCOMPARE(table.get(2)->ends, TimestampMs(7000));
        QCOMPARE(table.get(2)->createdBy, std::string("alice"));
        QVERIFY(table.list(7000)->empty());

        const auto twice = table.expire(2, "bob", 7500);
        QVERIFY(!twice.ok());
        QVERIFY2(QString::fromStdString(twice.error()).contains("already ended"), twice.error().c_str());
        const auto unknown = table.expire(42, "bob", 7500);
        QVERIFY(!unknown.ok());
        QVERIFY2(QString::fromStdString(unknown.error()).contains("silence 42: no such silence"), unknown.error().c_str());

        // A silence not yet started ends at its start: it never was active.
        const auto later = table.add(make("agent:*", 20'000, 30'000));
        QVERIFY(later.ok());
        QCOMPARE(table.expire(later->id, "carol", 10'000)->ends, TimestampMs(20'000));

        // Refused before any write, naming the field.
        Silence bad = make("", 0, 1000);
        const auto refused = table.add(bad);
        QVERIFY(!refused.ok());
        QVERIFY2(QString::fromStdString(refused.error()).contains("a target, a label or a kind"), refused.error().c_str());
        QCOMPARE(table.list(kAll)->size(), std::size_t(3));
    }

    void labelsSurviveTheirEncoding() {
        const std::map<std::string, std::string> labels = {{"a", "x=y"}, {"detector", "gas.spike"}, {"e", ""}};
        QVERIFY(decodeLabels(encodeLabels(labels)) == labels);
        QVERIFY(decodeLabels("").empty());
    }

    void pollerHandsTheTableToTheBoard() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.db").toStdString();
        auto board = std::make_shared<SilenceBoard>();
        SilencePoller poller(path, board, std::chrono::milliseconds(50));
        QVERIFY(!poller.pollOnce());  // no database yet: a reason, no crash
        QVERIFY2(QString::fromStdString(poller.lastError()).contains("p.db"), poller.lastError().c_str());

        auto db = store::Database::open(path, store::OpenMode::ReadWrite);  // another connection writes
        QVERIFY(db.ok());
        SilenceTable table(*db);
        QVERIFY(table.add(make("rpc:eth-main-a", 1000, 5000)).ok());
        QVERIFY2(poller.pollOnce(), poller.lastError().c_str());
        QCOMPARE(board->current()->all().size(), std::size_t(1));

        // On its thread it picks up a change (the wait is a hang guard, not a timing assert).
        poller.start();
        const auto g = board->generation();
        QVERIFY(table.expire(1, "bob", 2000).ok());
        QTRY_VERIFY_WITH_TIMEOUT(board->generation() != g, 10000);
        QCOMPARE(board->current()->all().front().ends, TimestampMs(2000));
        poller.stop();
    }
};

QTEST_GUILESS_MAIN(TestSilenceTable)
#include "tst_silencetable.moc"
