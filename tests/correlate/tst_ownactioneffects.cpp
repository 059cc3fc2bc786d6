// OwnActionEffects: which anomalies are Vigil's own action taking effect (the series
// the action's kind changes, on its target, from the action until the settle time
// after its last news), and which are news.
#include "correlate/OwnActionEffects.h"

#include <QtTest>

#include <limits>
#include <memory>

using namespace vigil;

namespace {

constexpr TimestampMs kT0 = 1'767'225'600'000;
constexpr TimestampMs kS = 1000;
constexpr TimestampMs kSettle = 300 * kS;

Action scale(TimestampMs ts, const std::string& id, const std::string& target,
             ActionStatus status = ActionStatus::Executing) {
    Action a;
    a.ts = ts;
    a.id = id;
    a.incident_id = "INC-000001";
    a.kind = "scale_workers";
    a.target = target;
    a.status = status;
    return a;
}

Anomaly on(TimestampMs ts, const std::string& series, const std::string& target) {
    Anomaly a;
    a.ts = ts;
    a.detector = "metric.ensemble";
    a.series = series;
    a.target = target;
    a.score = 1.0;
    return a;
}

OwnActionEffects effects() { return OwnActionEffects({{"scale_workers", {"worker.count"}}}, kSettle, 4); }

}  // namespace

class TestOwnActionEffects : public QObject {
    Q_OBJECT
private slots:
    void theChangedSeriesOfTheTargetInTheSpan() {
        auto e = effects();
        e.observe(scale(kT0, "act-1", "pool:airdrop_claim"));
        QVERIFY(e.expected(on(kT0 + 8 * kS, "worker.count", "pool:airdrop_claim")));
        QVERIFY(e.expected(on(kT0 + kSettle, "worker.count", "pool:airdrop_claim")));  // the span's end
        QVERIFY(!e.expected(on(kT0 + kSettle + 1, "worker.count", "pool:airdrop_claim")));
        QVERIFY(!e.expected(on(kT0 - 1, "worker.count", "pool:airdrop_claim")));             // before the action: news
        QVERIFY(!e.expected(on(kT0 + 8 * kS, "worker.queue_depth", "pool:airdrop_claim")));  // not what it changes
        QVERIFY(!e.expected(on(kT0 + 8 * kS, "worker.count", "pool:rebalance")));            // another pool
    }

    void aSuccessExtendsTheSpanAFailureEndsIt() {
        auto e = effects();
        e.observe(scale(kT0, "act-1", "pool:a"));
        e.observe(Outcome{kT0 + 100 * kS, "act-1", true, "scaled pool:a from 4 to 12"});
        QVERIFY(e.expected(on(kT0 + 100 * kS + kSettle, "worker.count", "pool:a")));
        e.observe(scale(kT0 + 200 * kS, "act-2", "pool:b"));
        e.observe(Outcome{kT0 + 201 * kS, "act-2", false, "scaler failed"});
        QVERIFY(!e.expected(on(kT0 + 202 * kS, "worker.count", "pool:b")));  // nothing changed: news
        QCOMPARE(e.tracked(), std::size_t(1));
        // An outcome of an action never seen changes nothing.
        e.observe(Outcome{kT0 + 300 * kS, "act-9", true, ""});
        QCOMPARE(e.tracked(), std::size_t(1));
    }

    void onlyAnActionThatRunsArmsIt() {
        auto e = effects();
        e.observe(scale(kT0, "act-1", "pool:a", ActionStatus::AwaitingApproval));
        e.observe(scale(kT0, "act-2", "pool:b", ActionStatus::Rejected));
        e.observe(scale(kT0, "act-3", "pool:c", ActionStatus::Proposed));
        QCOMPARE(e.tracked(), std::size_t(0));
        QVERIFY(!e.expected(on(kT0 + kS, "worker.count", "pool:a")));
        // Approved later: it runs from then on.
        e.observe(scale(kT0 + 60 * kS, "act-1", "pool:a", ActionStatus::Executing));
        QVERIFY(!e.expected(on(kT0 + 59 * kS, "worker.count", "pool:a")));
        QVERIFY(e.expected(on(kT0 + 61 * kS, "worker.count", "pool:a")));
        // A kind that changes nothing known is not tracked at all.
        Action failover = scale(kT0, "act-4", "rpc:eth-main-a");
        failover.kind = "failover_rpc";
        e.observe(failover);
        QCOMPARE(e.tracked(), std::size_t(1));
    }

    void boundedOldestForgottenFirst() {
        auto e = effects();  // keeps 4
        for (int i = 0; i < 6; ++i)
            e.observe(scale(kT0 + i * kS, "act-" + std::to_string(i), "pool:p" + std::to_string(i)));
        QCOMPARE(e.tracked(), std::size_t(4));
        QVERIFY(!e.expected(on(kT0 + 10 * kS, "worker.count", "pool:p0")));
        QVERIFY(!e.expected(on(kT0 + 10 * kS, "worker.count", "pool:p1")));
        QVERIFY(e.expected(on(kT0 + 10 * kS, "worker.count", "pool:p5")));
    }

    void aCopyStandsAlone() {
        // The correlator is cloned for replay checkpoints: a copy must not lean on the original.
        auto original = std::make_unique<OwnActionEffects>(effects());
        original->observe(scale(kT0, "act-1", "pool:a"));
        const OwnActionEffects copy = *original;
        original.reset();
        QVERIFY(copy.expected(on(kT0 + kS, "worker.count", "pool:a")));
    }

    void extremeTimesDoNotOverflow() {
        auto e = effects();
        constexpr TimestampMs lo = std::numeric_limits<TimestampMs>::min(),
                              hi = std::numeric_limits<TimestampMs>::max();
        e.observe(scale(lo, "act-1", "pool:a"));
        QVERIFY(!e.expected(on(hi, "worker.count", "pool:a")));
        QVERIFY(e.expected(on(lo, "worker.count", "pool:a")));
    }
};

QTEST_GUILESS_MAIN(TestOwnActionEffects)
#include "tst_ownactioneffects.moc"
