// PeriodicThread: ticks until stopped; stop() wakes a thread waiting out a long
// period at once (no tick runs) and lets a tick in flight finish first; a tick
// returning false ends the thread, which start() can begin anew. Conditions are
// awaited with generous guards; nothing asserts how long anything took.
#include "record/PeriodicThread.h"

#include <QtTest>

#include <atomic>
#include <functional>
#include <thread>

using namespace vigil;
using namespace std::chrono_literals;

namespace {
// True once done() holds; gives up after about 30 s (a loaded CI machine).
bool waitFor(const std::function<bool()>& done) {
    for (int i = 0; i < 3000; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return done();
}
}  // namespace

class TestPeriodicThread : public QObject {
    Q_OBJECT
private slots:
    void ticksUntilStopped() {
        std::atomic<int> n{0};
        PeriodicThread t(1ms, [&] {
            ++n;
            return true;
        });
        QVERIFY(!t.running());
        t.start();
        QVERIFY(t.running());
        t.start();  // already running: no second thread
        QVERIFY(waitFor([&] { return n >= 3; }));
        t.stop();
        QVERIFY(!t.running());
        const int after = n;
        QCOMPARE(t.ticks(), std::int64_t(after));
        std::this_thread::sleep_for(20ms);
        QCOMPARE(int(n), after);  // nothing ticks after stop() returned
        t.stop();                 // idempotent
    }

    void stopWakesALongWaitAtOnce() {
        std::atomic<int> n{0};
        PeriodicThread t(std::chrono::hours(1), [&] {
            ++n;
            return true;
        });
        t.start();
        t.stop();  // without the wake-up this would wait out the hour (and the test time out)
        QVERIFY(!t.running());
        QCOMPARE(int(n), 0);
        QCOMPARE(t.ticks(), std::int64_t(0));
    }

    void stopLetsTheTickInFlightFinish() {
        std::atomic<bool> entered{false}, sawStop{false}, finished{false};
        PeriodicThread* self = nullptr;
        PeriodicThread t(1ms, [&] {
            entered = true;
            while (!self->stopRequested()) std::this_thread::sleep_for(1ms);  // a long tick, in slices
            sawStop = true;
            finished = true;
            return true;
        });
        self = &t;
        t.start();
        QVERIFY(waitFor([&] { return bool(entered); }));
        QVERIFY(!t.stopRequested());
        t.stop();
        QVERIFY(sawStop);
        QVERIFY(finished);  // stop() returned only after the tick did
        QCOMPARE(t.ticks(), std::int64_t(1));
    }

    void aTickReturningFalseEndsTheThreadAndStartBeginsAnew() {
        std::atomic<int> n{0};
        PeriodicThread t(1ms, [&] { return ++n < 2; });
        t.start();
        QVERIFY(waitFor([&] { return !t.running(); }));
        QCOMPARE(int(n), 2);
        QVERIFY(!t.stopRequested());  // it ended by itself
        t.start();
        QVERIFY(waitFor([&] { return n >= 3; }));
        QVERIFY(waitFor([&] { return !t.running(); }));  // the third tick returns false too
        QCOMPARE(int(n), 3);
        t.stop();
        QCOMPARE(t.ticks(), std::int64_t(3));
    }

    void destructorStops() {
        std::atomic<int> n{0};
        {
            PeriodicThread t(std::chrono::hours(1), [&] {
                ++n;
                return true;
            });
            t.start();
        }  // joins without waiting out the hour
        QCOMPARE(int(n), 0);
    }
};

QTEST_GUILESS_MAIN(TestPeriodicThread)
#include "tst_periodicthread.moc"
