// The replay's activity feed hands a burst of actions to the GUI in bounded
// slices (EngineActivityFeed::kSliceRecords a poll), in order, none lost, and
// polls quickly while a backlog remains, then goes back to its slow period.
#include "ui/EngineActivityFeed.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigil;

class TestReplayActivitySlices : public QObject {
    Q_OBJECT
private slots:
    void aBurstArrivesInOrderedSlices() {
        ui::EngineActivityFeed feed(60'000);  // slow: only this test's polls and the backlog's
        const std::size_t slice = ui::EngineActivityFeed::kSliceRecords;
        const std::size_t total = 2 * slice + 37;
        std::vector<Record> out;
        for (std::size_t i = 0; i < total; ++i) {
            Action a;
            a.id = "act-" + std::to_string(i);
            a.kind = "restart";
            a.params = "{}";
            out.emplace_back(a);
        }
        out.emplace_back(Anomaly{});  // not activity: never handed over
        feed.replaySink()({}, out);
        QCOMPARE(feed.backlog(), total);

        std::vector<std::string> seen;
        std::vector<std::size_t> sizes;
        connect(&feed, &ui::EngineActivityFeed::records, this, [&](const std::vector<Record>& batch) {
            sizes.push_back(batch.size());
            for (const Record& r : batch) {
                QVERIFY(std::holds_alternative<Action>(r));
                QVERIFY(ui::isSimulatedReplay(std::get<Action>(r)));
                seen.push_back(std::get<Action>(r).id);
            }
        });
        feed.poll();
        QCOMPARE(sizes.size(), std::size_t(1));
        QCOMPARE(sizes[0], slice);
        QCOMPARE(feed.backlog(), total - slice);
        // The rest comes on its own, on the quick backlog period, not the minute.
        QTRY_COMPARE_WITH_TIMEOUT(feed.backlog(), std::size_t(0), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), total, 20000);
        for (std::size_t n : sizes) QVERIFY(n <= slice);
        for (std::size_t i = 0; i < total; ++i) QCOMPARE(seen[i], "act-" + std::to_string(i));
        // Nothing left: an empty poll emits nothing.
        const std::size_t polls = sizes.size();
        feed.poll();
        QCOMPARE(sizes.size(), polls);
    }

    // The feed reads its backlog by an index and drops the read front now and then:
    // records added while a long backlog drains (past that drop) still come out
    // once each, in order, and the backlog counts what is left.
    void aGrowingBacklogDrainsInOrder() {
        ui::EngineActivityFeed feed(60'000);
        const std::size_t slice = ui::EngineActivityFeed::kSliceRecords;
        std::size_t made = 0;
        auto add = [&](std::size_t n) {
            std::vector<Record> out;
            for (std::size_t i = 0; i < n; ++i) {
                Action a;
                a.id = "act-" + std::to_string(made++);
                out.emplace_back(a);
            }
            feed.replaySink()({}, out);
        };
        std::vector<std::string> seen;
        connect(&feed, &ui::EngineActivityFeed::records, this, [&](const std::vector<Record>& batch) {
            QVERIFY(batch.size() <= slice);
            for (const Record& r : batch) seen.push_back(std::get<Action>(r).id);
        });
        add(ui::EngineActivityFeed::kCompactAfter + 3 * slice + 11);
        for (int i = 0; i < 10; ++i) feed.poll();
        add(2 * slice + 5);  // the engine adds while the GUI drains
        QCOMPARE(feed.backlog(), made - seen.size());
        for (int i = 0; i < 40 && feed.backlog() > 0; ++i) {
            feed.poll();
            QCOMPARE(feed.backlog(), made - seen.size());
            if (i == 12) add(7);  // past the dropped front
        }
        QCOMPARE(feed.backlog(), std::size_t(0));
        add(3);  // after the buffer was emptied
        feed.poll();
        QCOMPARE(seen.size(), made);
        for (std::size_t i = 0; i < made; ++i) QCOMPARE(seen[i], "act-" + std::to_string(i));
    }
};

QTEST_MAIN(TestReplayActivitySlices)
#include "tst_replayactivityslices.moc"
