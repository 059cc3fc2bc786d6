// The limits the forecasting detector projects towards, in the simulator: the
// wallet-drain scenario (a hot wallet's balance falls to what its next scheduled
// transactions need part-way through the window, then runs dry, and is refilled
// at the end) and the pools' queue capacity (an overload fills the queue up to
// it and no further; calm never comes near it).
#include "SimTestSupport.h"

#include <QtTest>

using namespace vigil;
using namespace simtest;

namespace {

constexpr TimestampMs kMin = 60'000;

// First sample time at which the balance is below the reserve, in (from, to]; -1 if none.
TimestampMs firstBreach(const std::vector<Record>& records, const std::string& agent, TimestampMs from, TimestampMs to) {
    const auto bal = samples(records, "wallet.balance_eth", agent, from, to);
    const auto res = samples(records, "wallet.reserve_eth", agent, from, to);
    for (std::size_t i = 0; i < bal.size() && i < res.size(); ++i)
        if (bal[i].value < res[i].value) return bal[i].ts;
    return -1;
}

}  // namespace

class TestWalletDrain : public QObject {
    Q_OBJECT

private slots:
    void drainReachesTheReserveInsideTheWindow_data() {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : {1, 2, 3, 4, 5, 6}) QTest::addRow("seed %llu", static_cast<unsigned long long>(seed)) << seed;
    }
    void drainReachesTheReserveInsideTheWindow() {
        QFETCH(quint64, seed);
        FleetSimulator sim("wallet-drain", seed);
        const auto records = runFor(sim, sim.end());
        QCOMPARE(sim.labels().size(), std::size_t(1));
        const FaultLabel& l = sim.labels().front();
        QCOMPARE(l.kind, std::string("wallet-drain"));
        QVERIFY(l.target.rfind("agent:", 0) == 0);
        QVERIFY(l.start >= sim.start() + 5 * kMin && l.end <= sim.end() - 2 * kMin);

        // Before: steady near its target, far above the reserve.
        const auto before = samples(records, "wallet.balance_eth", l.target, l.start - 4 * kMin, l.start);
        QVERIFY(!before.empty());
        QVERIFY2(maxOf(before) - before.front().value < 0.2, "balance moved before the fault");
        QCOMPARE(firstBreach(records, l.target, sim.start(), l.start), TimestampMs(-1));
        // During: it falls to the reserve between 40 % and 80 % of the window (planned 45-70 %).
        const TimestampMs breach = firstBreach(records, l.target, l.start, l.end);
        QVERIFY2(breach > 0, "never reached the reserve");
        const double at = static_cast<double>(breach - l.start) / static_cast<double>(l.end - l.start);
        QVERIFY2(at > 0.4 && at < 0.8, qPrintable(QString::number(at)));
        // Falling steadily: each minute's mean below the one before.
        double last = 1e9;
        for (TimestampMs t = l.start; t + kMin <= breach; t += kMin) {
            const double m = mean(samples(records, "wallet.balance_eth", l.target, t, t + kMin));
            QVERIFY2(m < last, qPrintable(QString("minute at %1: %2 after %3").arg((t - l.start) / 1000).arg(m).arg(last)));
            last = m;
        }
        // The scheduler says so.
        const auto warns = only<LogLine>(records, [&](const LogLine& g) {
            return g.ts >= breach && g.ts < l.end + 1000 && g.level == LogLevel::Warn &&
                   g.message.rfind(bare(l.target) + " hot wallet holds", 0) == 0;
        });
        QVERIFY(!warns.empty());
        // Refilled at the end, and fine afterwards.
        const auto after = samples(records, "wallet.balance_eth", l.target, l.end + 10'000, l.end + 2 * kMin);
        QVERIFY(!after.empty());
        QVERIFY2(after.front().value > 0.95 * before.front().value, qPrintable(QString::number(after.front().value)));
        QCOMPARE(firstBreach(records, l.target, l.end + 10'000, sim.end()), TimestampMs(-1));
        // No other wallet comes near its reserve.
        for (const auto& a : sim.agents())
            if (a != l.target) QCOMPARE(firstBreach(records, a, sim.start(), sim.end()), TimestampMs(-1));
    }

    void drainedWalletCannotPayForGas() {
        FleetSimulator sim("wallet-drain", 1);
        const auto records = runFor(sim, sim.end());
        const FaultLabel& l = sim.labels().front();
        const auto unfunded = only<TaskEvent>(records, [&](const TaskEvent& t) {
            return t.agent == bare(l.target) && t.state == TaskState::Failed && t.error == "insufficient_funds";
        });
        int during = 0, outside = 0;
        for (const auto& t : unfunded) (t.ts >= l.start && t.ts < l.end + 1000 ? during : outside) += 1;
        QVERIFY2(during >= 3, qPrintable(QString::number(during)));
        QVERIFY(during > 3 * outside);
    }

    void calmWalletsAndQueuesStayFarFromTheirLimits() {
        FleetSimulator sim("calm", 3);
        const auto records = runFor(sim, sim.start() + 4 * 3600'000);
        for (const auto& a : sim.agents()) {
            const auto bal = samples(records, "wallet.balance_eth", a, sim.start(), sim.end());
            if (bal.empty()) continue;
            const auto res = samples(records, "wallet.reserve_eth", a, sim.start(), sim.end());
            // The keeper keeps it within a few percent of where it started.
            QVERIFY2(maxOf(bal) - bal.back().value < 0.1 * maxOf(bal), a.c_str());
            QVERIFY(maxOf(res) < 0.1 * bal.back().value);
        }
        for (const auto& p : sim.pools()) {
            const auto cap = samples(records, "worker.queue_capacity", p, sim.start(), sim.end());
            QVERIFY(!cap.empty());
            QCOMPARE(maxOf(cap), cap.front().value);  // fixed
            QVERIFY(maxOf(samples(records, "worker.queue_depth", p, sim.start(), sim.end())) < 0.3 * cap.front().value);
        }
    }

    void overloadFillsTheQueueToItsCapacityAndNoFurther() {
        // Seed 5: a 9-minute overload, long enough to fill the queue.
        FleetSimulator sim("worker-overload", 5);
        const auto records = runFor(sim, sim.end());
        const FaultLabel& l = sim.labels().front();
        const double cap = samples(records, "worker.queue_capacity", l.target, sim.start(), sim.end()).front().value;
        const auto depth = samples(records, "worker.queue_depth", l.target, l.start, l.end);
        QCOMPARE(maxOf(depth), cap);
        const auto full = only<LogLine>(records, [&](const LogLine& g) {
            return g.level == LogLevel::Error && g.message.rfind("pool " + bare(l.target) + " queue full at", 0) == 0;
        });
        QVERIFY(!full.empty());
        QVERIFY(full.front().ts > l.start && full.front().ts < l.end + 1000);
    }
};

QTEST_APPLESS_MAIN(TestWalletDrain)
#include "tst_walletdrain.moc"
