// CircuitBreaker: closed -> open after N failures in a row, no calls while
// open, one trial at a time when half-open, closed again after M good trials,
// re-opened by a failed trial. Time is passed in, so every step is exact.
#include "remedy/chain/CircuitBreaker.h"

#include <QtTest>

using namespace vigil::remedy;
using State = CircuitBreaker::State;

class TestCircuitBreaker : public QObject {
    Q_OBJECT
private slots:
    void opensAfterConsecutiveFailures() {
        CircuitBreaker b({/*failureThreshold=*/3, /*openMs=*/1000, /*trialSuccesses=*/2});
        QVERIFY(b.allow(0));
        b.onFailure(0);
        b.onFailure(1);
        b.onSuccess(2);  // a success in between resets the run
        b.onFailure(3);
        b.onFailure(4);
        QCOMPARE(b.state(), State::Closed);
        b.onFailure(5);
        QCOMPARE(b.state(), State::Open);
        QCOMPARE(b.timesOpened(), 1);
        QVERIFY(!b.allow(5));
        QVERIFY(!b.allow(1004));
    }

    void halfOpenAdmitsOneTrialAndClosesAfterGoodTrials() {
        CircuitBreaker b({1, 1000, 2});
        b.onFailure(0);
        QCOMPARE(b.state(), State::Open);
        QVERIFY(b.wouldAllow(1000));
        QVERIFY(b.allow(1000));
        QCOMPARE(b.state(), State::HalfOpen);
        QVERIFY(!b.allow(1000));  // one trial in flight at a time
        b.onSuccess(1001);
        QCOMPARE(b.state(), State::HalfOpen);
        QVERIFY(b.allow(1002));
        b.onSuccess(1003);
        QCOMPARE(b.state(), State::Closed);
        QVERIFY(b.allow(1004));
    }

    void failedTrialReopens() {
        CircuitBreaker b({1, 1000, 2});
        b.onFailure(0);
        QVERIFY(b.allow(1500));
        b.onFailure(1600);
        QCOMPARE(b.state(), State::Open);
        QCOMPARE(b.openedAt(), 1600);
        QCOMPARE(b.timesOpened(), 2);
        QVERIFY(!b.allow(2599));
        QVERIFY(b.allow(2600));
    }

    void names() {
        QCOMPARE(breakerStateName(State::HalfOpen), std::string_view("half-open"));
        QCOMPARE(breakerStateName(State::Open), std::string_view("open"));
    }
};

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
