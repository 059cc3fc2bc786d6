// DemoFeed paces the simulator live: what it submits is exactly the simulator's
// stream (nothing lost or reordered), including when submit blocks, and
// remediation from another thread is safe. No timing assertions.
#include "SimTestSupport.h"

#include "sim/DemoFeed.h"

#include <QtTest>

#include <mutex>
#include <thread>

using namespace vigil;
using namespace simtest;

class TestDemoFeed : public QObject {
    Q_OBJECT

    struct Collected {
        std::mutex mutex;
        std::vector<Record> records;
        int batches = 0;
    };

    static void waitFor(const std::function<bool()>& done) {
        for (int i = 0; i < 500 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }

private slots:
    void deliversTheSimulatorsStreamInOrder() {
        Collected got;
        const ScenarioSpec spec{"cascade", 3600, true};
        DemoFeed feed(spec, 7, FleetSimulator::kDefaultStart,
                      [&](std::vector<Record> batch) {
                          std::lock_guard lk(got.mutex);
                          got.records.insert(got.records.end(), batch.begin(), batch.end());
                          ++got.batches;
                          return true;
                      },
                      DemoFeed::Options{600.0, std::chrono::milliseconds(20)});
        feed.start();
        QVERIFY(feed.running());
        waitFor([&] {
            std::lock_guard lk(got.mutex);
            return got.batches >= 5;
        });
        feed.stop();
        QVERIFY(!feed.running());
        const TimestampMs until = feed.simTime();
        QVERIFY(until > FleetSimulator::kDefaultStart);
        FleetSimulator direct(spec, 7);
        QCOMPARE(encode(got.records), encode(runFor(direct, until)));
        QCOMPARE(feed.recordsSubmitted(), static_cast<std::int64_t>(got.records.size()));
    }

    void blockingSubmitSlowsTheFeedWithoutLoss() {
        Collected got;
        DemoFeed feed(ScenarioSpec{"calm", 3600, false}, 3, FleetSimulator::kDefaultStart,
                      [&](std::vector<Record> batch) {
                          std::this_thread::sleep_for(std::chrono::milliseconds(60));  // a slow consumer
                          std::lock_guard lk(got.mutex);
                          got.records.insert(got.records.end(), batch.begin(), batch.end());
                          ++got.batches;
                          return true;
                      },
                      DemoFeed::Options{3000.0, std::chrono::milliseconds(10)});
        feed.start();
        waitFor([&] {
            std::lock_guard lk(got.mutex);
            return got.batches >= 4;
        });
        feed.stop();
        FleetSimulator direct(ScenarioSpec{"calm", 3600, false}, 3);
        QCOMPARE(encode(got.records), encode(runFor(direct, feed.simTime())));
    }

    // At a speed far beyond what the consumer takes, every batch still covers at
    // most kMaxSliceMs of simulated time (old code: one batch of hours, GBs), and
    // stop() is served between slices.
    void hugeSpeedKeepsBatchesSmallAndStops() {
        Collected got;
        TimestampMs widest = 0;
        std::size_t largest = 0;
        DemoFeed feed(ScenarioSpec{"cascade", 3600, true}, 5, FleetSimulator::kDefaultStart,
                      [&](std::vector<Record> batch) {
                          std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a slow consumer
                          std::lock_guard lk(got.mutex);
                          widest = std::max(widest, timestampOf(batch.back()) - timestampOf(batch.front()));
                          largest = std::max(largest, batch.size());
                          ++got.batches;
                          return true;
                      },
                      DemoFeed::Options{1e9, std::chrono::milliseconds(10)});
        feed.start();
        waitFor([&] {
            std::lock_guard lk(got.mutex);
            return got.batches >= 20;
        });
        feed.stop();
        QVERIFY(!feed.running());
        std::lock_guard lk(got.mutex);
        QVERIFY(got.batches >= 20);
        QVERIFY2(widest <= DemoFeed::kMaxSliceMs, qPrintable(QString::number(widest)));
        QVERIFY2(largest < 5000, qPrintable(QString::number(largest)));
    }

    void submitReturningFalseStopsTheFeed() {
        DemoFeed feed(ScenarioSpec{"calm", 3600, false}, 1, FleetSimulator::kDefaultStart,
                      [](std::vector<Record>) { return false; }, DemoFeed::Options{100.0, std::chrono::milliseconds(10)});
        feed.start();
        waitFor([&] { return !feed.running(); });
        QVERIFY(!feed.running());
        QCOMPARE(feed.recordsSubmitted(), std::int64_t(0));
        feed.stop();
    }

    void remediationFromAnotherThreadWhileRunning() {
        std::atomic<std::int64_t> n{0};
        DemoFeed feed(ScenarioSpec{"rpc-outage", 600, false}, 2, FleetSimulator::kDefaultStart,
                      [&](std::vector<Record> batch) {
                          n += static_cast<std::int64_t>(batch.size());
                          return true;
                      },
                      DemoFeed::Options{1000.0, std::chrono::milliseconds(5)});
        feed.start();
        std::thread remediator([&] {
            for (int i = 0; i < 50; ++i) {
                feed.failover("rpc:eth-main-a", i % 2 ? "rpc:eth-main-a" : "rpc:eth-main-b");
                feed.failover("rpc:eth-main-b", "rpc:eth-main-a");
                feed.scaleWorkers("pool:wallet_monitor", i % 2 ? -1 : 1);
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
        remediator.join();
        waitFor([&] { return n.load() > 1000; });
        feed.stop();
        QVERIFY(n.load() > 1000);
        QCOMPARE(feed.labels().size(), std::size_t(1));
        const int workers = feed.withSimulator([](FleetSimulator& s) { return s.workerCount("wallet_monitor"); });
        QVERIFY(workers >= 5 && workers <= 6);
    }
};

QTEST_GUILESS_MAIN(TestDemoFeed)
#include "tst_demofeed.moc"
