// Worker scaling: bounds, cooldown and HPA-like scale-down stabilisation (a
// spike does not flap); the demo actuator moves the simulator's pool; the
// command actuator runs a real program (/usr/bin/printf) without a shell, each
// templated argument passed verbatim (spaces, quotes, $(...) and ; included),
// and refuses shells and unknown placeholders.
#include "remedy/CommandWorkerScaler.h"
#include "remedy/ScaleStabiliser.h"
#include "remedy/SimWorkerScaler.h"
#include "remedy/StabilisedWorkerScaler.h"
#include "sim/FleetSimulator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

namespace {

constexpr TimestampMs kS = 1000;

// Records calls; can be told to fail.
class FakeScaler : public WorkerScaler {
public:
    ScaleResult setReplicas(const std::string& pool, int current, int replicas) override {
        calls.push_back(replicas);
        return {!failing, failing ? "refused" : "ok"};
    }
    std::vector<int> calls;
    bool failing = false;
};

ScalingLimits limits() {
    ScalingLimits l;
    l.minReplicas = 2;
    l.maxReplicas = 10;
    l.cooldownMs = 60 * kS;
    l.scaleDownWindowMs = 300 * kS;
    return l;
}

}  // namespace

class TestWorkerScaler : public QObject {
    Q_OBJECT

private slots:
    void boundsAreKept() {
        ScaleStabiliser s(limits());
        ScaleDecision d = s.decide("pool:a", 4, 100, 0);
        QVERIFY(d.change);
        QCOMPARE(d.replicas, 10);
        QVERIFY2(d.reason.find("bounded to 2..10") != std::string::npos, d.reason.c_str());
        d = s.decide("pool:b", 2, 0, 0);
        QVERIFY(!d.change);
        QCOMPARE(d.replicas, 2);
        // A pool above its maximum comes down to it, whatever the window holds.
        d = s.decide("pool:c", 20, 15, 0);
        QVERIFY(d.change);
        QCOMPARE(d.replicas, 10);
    }

    void cooldownHoldsChanges() {
        VirtualClock clock(0);
        FakeScaler act;
        StabilisedWorkerScaler scaler(act, limits(), clock);
        QVERIFY(scaler.recommend("pool:a", 3, 6).actuated);
        clock.set(30 * kS);
        ScaleOutcome o = scaler.recommend("pool:a", 6, 9);
        QVERIFY(!o.actuated);
        QVERIFY2(o.decision.reason.find("cooldown") != std::string::npos, o.decision.reason.c_str());
        clock.set(61 * kS);
        o = scaler.recommend("pool:a", 6, 9);
        QVERIFY(o.actuated);
        QCOMPARE(act.calls, (std::vector<int>{6, 9}));
    }

    void failedActuationStartsNoCooldown() {
        VirtualClock clock(0);
        FakeScaler act;
        act.failing = true;
        StabilisedWorkerScaler scaler(act, limits(), clock);
        ScaleOutcome o = scaler.recommend("pool:a", 3, 6);
        QVERIFY(o.actuated && !o.result.ok);
        act.failing = false;
        clock.set(5 * kS);
        o = scaler.recommend("pool:a", 3, 6);
        QVERIFY(o.actuated && o.result.ok);  // retried at once
    }

    void scaleDownWaitsForTheWindow() {
        VirtualClock clock(0);
        FakeScaler act;
        StabilisedWorkerScaler scaler(act, limits(), clock);
        int current = 4;
        auto step = [&](TimestampMs t, int rec) {
            clock.set(t);
            const ScaleOutcome o = scaler.recommend("pool:a", current, rec);
            if (o.actuated && o.result.ok) current = o.decision.replicas;
            return o;
        };
        QVERIFY(step(0, 9).actuated);  // spike: up at once
        QCOMPARE(current, 9);
        ScaleOutcome o = step(120 * kS, 3);  // quiet, cooldown over, but 9 is in the window
        QVERIFY(!o.actuated);
        QVERIFY2(o.decision.reason.find("highest recommendation of the last 300 s is 9") != std::string::npos,
                 o.decision.reason.c_str());
        QVERIFY(!step(250 * kS, 5).actuated);
        o = step(301 * kS, 3);  // the spike left the window: down to the highest since (5)
        QVERIFY(o.actuated);
        QCOMPARE(current, 5);
        o = step(551 * kS, 3);
        QVERIFY(o.actuated);
        QCOMPARE(current, 3);
    }

    void aFlappingLoadDoesNotFlap() {
        // Recommendations alternating 9 / 3 every 70 s for 20 minutes: one
        // scale-up, then the pool holds (HPA without stabilisation would change
        // it on every sample after the cooldown).
        VirtualClock clock(0);
        FakeScaler act;
        StabilisedWorkerScaler scaler(act, limits(), clock);
        int current = 3;
        for (int i = 0; i < 18; ++i) {
            clock.set(i * 70 * kS);
            const ScaleOutcome o = scaler.recommend("pool:a", current, i % 2 ? 3 : 9);
            if (o.actuated) current = o.decision.replicas;
        }
        QCOMPARE(act.calls, std::vector<int>{9});
        QCOMPARE(current, 9);
    }

    void previewChangesNothing() {
        VirtualClock clock(0);
        FakeScaler act;
        StabilisedWorkerScaler scaler(act, limits(), clock);
        QVERIFY(scaler.preview("pool:a", 3, 8).change);
        QVERIFY(act.calls.empty());
        QVERIFY(scaler.recommend("pool:a", 3, 8).actuated);
    }

    void simActuatorMovesTheDemoPool() {
        FleetSimulator sim("calm", 1);
        const std::string pool = sim.pools().front();
        const int before = sim.workerCount(pool);
        QVERIFY(before > 0);
        SimWorkerScaler act(sim);
        ScaleResult r = act.setReplicas(pool, before, before + 2);
        QVERIFY2(r.ok, r.detail.c_str());
        QCOMPARE(sim.workerCount(pool), before + 2);
        r = act.setReplicas("pool:nope", 1, 3);
        QVERIFY(!r.ok);
        QVERIFY2(r.detail.find("pool:nope") != std::string::npos, r.detail.c_str());
    }

    void commandRunsWithoutAShell() {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("injected"));
        auto made = CommandWorkerScaler::create({"/usr/bin/printf", "[%s]\\n", "--replicas={replicas}", "was {current}",
                                                 "pool={pool}", "it's \"quoted\"",
                                                 "$(touch " + marker.toStdString() + ")", ";", "*"});
        QVERIFY2(made.ok(), made.error().c_str());
        const auto argv = made.value()->argvFor("pool:claim ers", 3, 7);
        QCOMPARE(argv[2], std::string("--replicas=7"));
        QCOMPARE(argv[4], std::string("pool=pool:claim ers"));
        const ScaleResult r = made.value()->setReplicas("pool:claim ers", 3, 7);
        QVERIFY2(r.ok, r.detail.c_str());
        const std::string expected = "[--replicas=7]\n[was 3]\n[pool=pool:claim ers]\n[it's \"quoted\"]\n[$(touch " +
                                     marker.toStdString() + ")]\n[;]\n[*]";
        QVERIFY2(r.detail.size() >= expected.size() &&
                     r.detail.compare(r.detail.size() - expected.size(), expected.size(), expected) == 0,
                 r.detail.c_str());
        QVERIFY(!QFile::exists(marker));  // nothing was run by a shell
    }

    void commandFailuresAreReported() {
        auto f = CommandWorkerScaler::create({"/usr/bin/false", "{replicas}"});
        QVERIFY(f.ok());
        ScaleResult r = f.value()->setReplicas("pool:a", 1, 2);
        QVERIFY(!r.ok);
        QVERIFY2(r.detail.find("exit code 1") != std::string::npos, r.detail.c_str());
        auto missing = CommandWorkerScaler::create({"/nonexistent/kubectl", "scale"});
        QVERIFY(missing.ok());
        r = missing.value()->setReplicas("pool:a", 1, 2);
        QVERIFY(!r.ok);
        QVERIFY2(r.detail.find("cannot start") != std::string::npos, r.detail.c_str());
        auto slow = CommandWorkerScaler::create({"/usr/bin/sleep", "30"}, 200);
        QVERIFY(slow.ok());
        r = slow.value()->setReplicas("pool:a", 1, 2);
        QVERIFY(!r.ok);
        QVERIFY2(r.detail.find("killed") != std::string::npos, r.detail.c_str());
    }

    void badTemplatesAreRefused() {
        for (const std::vector<std::string>& argv :
             {std::vector<std::string>{"/bin/sh", "-c", "kubectl scale --replicas={replicas}"},
              std::vector<std::string>{"bash", "-c", "x"}, std::vector<std::string>{}}) {
            auto r = CommandWorkerScaler::create(argv);
            QVERIFY(!r.ok());
        }
        auto sh = CommandWorkerScaler::create({"/bin/sh", "-c", "x"});
        QVERIFY2(sh.error().find("is a shell") != std::string::npos, sh.error().c_str());
        auto typo = CommandWorkerScaler::create({"kubectl", "scale", "--replicas={replica}"});
        QVERIFY(!typo.ok());
        QVERIFY2(typo.error().find("argv[2]") != std::string::npos && typo.error().find("{replica}") != std::string::npos,
                 typo.error().c_str());
        // JSON-looking braces are not placeholders.
        QVERIFY(CommandWorkerScaler::create({"curl", "-d", "{\"replicas\": {replicas}}"}).ok());
    }
};

QTEST_GUILESS_MAIN(TestWorkerScaler)
#include "tst_workerscaler.moc"
