// Saga journal and runner (issue #9, test 4) on real SQLite files: a rebalance
// failing at its second step is compensated in reverse order; a restart during
// compensation (the runner and its connection gone mid-call) resumes it and no
// step is compensated twice, also when the crash came after the undo took
// effect; a restart mid-way forward finishes the workflow without repeating
// steps; a failing compensation leaves the saga stuck, and resume retries it.
#include "remedy/SagaJournal.h"
#include "remedy/SagaRunner.h"
#include "remedy/SimulatedStepExecutor.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace vigil;
using namespace vigil::remedy;

namespace {

struct Crash {};  // not a std::exception: goes through the runner like a process dying

// Wraps the simulated ledger and "crashes" once on a named call, before or
// after the call took effect.
class CrashingExecutor : public SagaStepExecutor {
public:
    CrashingExecutor(SimulatedStepExecutor& inner, std::string crashOn, bool afterEffect)
        : inner_(inner), crashOn_(std::move(crashOn)), after_(afterEffect) {}
    StepResult execute(const StepCall& c) override { return maybeCrash("do:" + c.name, [&] { return inner_.execute(c); }); }
    StepResult compensate(const StepCall& c) override {
        return maybeCrash("undo:" + c.name, [&] { return inner_.compensate(c); });
    }

private:
    template <class F>
    StepResult maybeCrash(const std::string& what, F&& f) {
        if (armed_ && what == crashOn_) {
            armed_ = false;
            if (after_) f();
            throw Crash{};
        }
        return f();
    }
    SimulatedStepExecutor& inner_;
    std::string crashOn_;
    bool after_;
    bool armed_ = true;
};

Saga rebalance(const std::string& id) {
    Saga s;
    s.id = id;
    s.kind = "rebalance";
    s.steps = {
        {"withdraw", R"({"from":"pool:vault","to":"wallet:hot","amount":10})", "withdraw_back"},
        {"swap", R"({"from":"wallet:hot","to":"wallet:hot-usdc","amount":10})", "swap_back"},
        {"deposit", R"({"from":"wallet:hot-usdc","to":"pool:lp","amount":10})", "deposit_back"},
    };
    return s;
}

void fund(SimulatedStepExecutor& ledger) { ledger.setBalance("pool:vault", 100); }

void checkUntouched(const SimulatedStepExecutor& ledger) {
    QCOMPARE(ledger.balance("pool:vault"), 100.0);
    QCOMPARE(ledger.balance("wallet:hot"), 0.0);
    QCOMPARE(ledger.balance("wallet:hot-usdc"), 0.0);
    QCOMPARE(ledger.balance("pool:lp"), 0.0);
}

// Enums compared by their journal names, which QCOMPARE can print.
QString nm(SagaState s) { return QString::fromUtf8(toString(s).data(), qsizetype(toString(s).size())); }
QString nm(StepState s) { return QString::fromUtf8(toString(s).data(), qsizetype(toString(s).size())); }
QString nm(const std::vector<StepState>& v) {
    QStringList l;
    for (auto s : v) l << nm(s);
    return l.join(QLatin1Char(' '));
}
QString states(const Saga& s) {
    std::vector<StepState> v;
    for (const auto& st : s.steps) v.push_back(st.state);
    return nm(v);
}

int count(const std::vector<std::string>& v, const std::string& x) { return int(std::count(v.begin(), v.end(), x)); }

}  // namespace

class TestSagaRunner : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    VirtualClock clock_{1767225600000};
    int n_ = 0;

    std::string freshDb() { return dir_.filePath(QStringLiteral("saga%1.db").arg(++n_)).toStdString(); }
    static std::unique_ptr<SagaJournal> journal(const std::string& path) {
        auto j = SagaJournal::open(path);
        if (!j) qFatal("journal: %s", j.error().c_str());
        return std::move(j).value();
    }
    static Saga loaded(const std::string& path, const std::string& id) {
        auto s = journal(path)->load(id);
        if (!s || !*s) qFatal("no saga %s", id.c_str());
        return **s;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void completesInOrder() {
        const auto db = freshDb();
        SimulatedStepExecutor ledger;
        fund(ledger);
        auto j = journal(db);
        SagaRunner runner(*j, ledger, clock_);
        auto r = runner.start(rebalance("rb-ok"));
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE(nm(*r), nm(SagaState::Completed));
        QCOMPARE(ledger.effects(), (std::vector<std::string>{"do:withdraw#1", "do:swap#2", "do:deposit#3"}));
        QCOMPARE(ledger.balance("pool:lp"), 10.0);
        QCOMPARE(states(loaded(db, "rb-ok")), nm(std::vector<StepState>(3, StepState::Done)));
    }

    void failureAtStep2IsCompensatedInReverse() {
        const auto db = freshDb();
        SimulatedStepExecutor ledger;
        fund(ledger);
        ledger.failStep("swap", "execution reverted: slippage");
        auto j = journal(db);
        SagaRunner runner(*j, ledger, clock_);
        auto r = runner.start(rebalance("rb-fail"));
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE(nm(*r), nm(SagaState::Compensated));
        // The failed step is compensated first (a no-op: it took no effect), then step 1; step 3 never ran.
        QCOMPARE(ledger.calls(), (std::vector<std::string>{"do:withdraw#1", "do:swap#2", "undo:swap_back#2",
                                                           "undo:withdraw_back#1"}));
        QCOMPARE(ledger.effects(), (std::vector<std::string>{"do:withdraw#1", "undo:withdraw_back#1"}));
        checkUntouched(ledger);
        const Saga s = loaded(db, "rb-fail");
        QCOMPARE(nm(s.state), nm(SagaState::Compensated));
        QCOMPARE(states(s), nm(std::vector<StepState>{StepState::Compensated, StepState::Compensated, StepState::Pending}));
        QVERIFY2(s.error.find("step 2 (swap) failed: execution reverted") != std::string::npos, s.error.c_str());
        QCOMPARE(s.steps[1].detail, std::string("nothing to undo: the step took no effect"));
    }

    void restartDuringCompensationResumes_data() {
        QTest::addColumn<bool>("afterEffect");
        QTest::newRow("crash before the undo took effect") << false;
        QTest::newRow("crash after the undo took effect") << true;
    }
    void restartDuringCompensationResumes() {
        QFETCH(bool, afterEffect);
        const auto db = freshDb();
        SimulatedStepExecutor ledger;  // the outside world: survives the restart
        fund(ledger);
        ledger.failStep("swap", "execution reverted");
        {
            auto j = journal(db);
            CrashingExecutor crashing(ledger, "undo:withdraw_back", afterEffect);
            SagaRunner runner(*j, crashing, clock_);
            bool crashed = false;
            try {
                runner.start(rebalance("rb-crash"));
            } catch (const Crash&) {
                crashed = true;
            }
            QVERIFY(crashed);
        }  // runner and connection gone, as in a killed process
        Saga s = loaded(db, "rb-crash");
        QCOMPARE(nm(s.state), nm(SagaState::Compensating));
        QCOMPARE(states(s), nm(std::vector<StepState>{StepState::Compensating, StepState::Compensated, StepState::Pending}));

        clock_.advanceBy(5000);
        auto j = journal(db);
        SagaRunner runner(*j, ledger, clock_);
        auto unfinished = j->unfinished();
        QVERIFY(unfinished.ok());
        QCOMPARE(*unfinished, std::vector<std::string>{"rb-crash"});
        auto resumed = runner.resumeAll();
        QVERIFY2(resumed.ok(), resumed.error().c_str());
        QCOMPARE(*resumed, 1);
        s = loaded(db, "rb-crash");
        QCOMPARE(nm(s.state), nm(SagaState::Compensated));
        QCOMPARE(states(s), nm(std::vector<StepState>{StepState::Compensated, StepState::Compensated, StepState::Pending}));
        // Step 2, compensated before the crash, is not called again; step 1's undo
        // changes the ledger exactly once, whichever side of it the crash fell.
        QCOMPARE(count(ledger.calls(), "undo:swap_back#2"), 1);
        QCOMPARE(count(ledger.effects(), "undo:withdraw_back#1"), 1);
        QCOMPARE(count(ledger.calls(), "do:deposit#3"), 0);
        checkUntouched(ledger);
        QCOMPARE(*runner.resumeAll(), 0);  // nothing left to do
    }

    void restartMidWayForwardFinishes() {
        const auto db = freshDb();
        SimulatedStepExecutor ledger;
        fund(ledger);
        {
            auto j = journal(db);
            CrashingExecutor crashing(ledger, "do:deposit", /*afterEffect=*/true);
            SagaRunner runner(*j, crashing, clock_);
            QVERIFY_THROWS_EXCEPTION(Crash, runner.start(rebalance("rb-fwd")));
        }
        QCOMPARE(nm(loaded(db, "rb-fwd").steps[2].state), nm(StepState::Started));
        auto j = journal(db);
        SagaRunner runner(*j, ledger, clock_);
        auto r = runner.resume("rb-fwd");
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE(nm(*r), nm(SagaState::Completed));
        QCOMPARE(ledger.effects(), (std::vector<std::string>{"do:withdraw#1", "do:swap#2", "do:deposit#3"}));
        QCOMPARE(count(ledger.calls(), "do:withdraw#1"), 1);
        QCOMPARE(ledger.balance("pool:lp"), 10.0);
    }

    void failedCompensationIsStuckUntilRetried() {
        const auto db = freshDb();
        SimulatedStepExecutor ledger;
        fund(ledger);
        ledger.failStep("deposit", "pool paused");
        ledger.failCompensation("swap_back", "node refused: underpriced");
        auto j = journal(db);
        SagaRunner runner(*j, ledger, clock_);
        auto r = runner.start(rebalance("rb-stuck"));
        QVERIFY(r.ok());
        QCOMPARE(nm(*r), nm(SagaState::Stuck));
        Saga s = loaded(db, "rb-stuck");
        QVERIFY2(s.error.find("compensation of step 2 (swap_back) failed: node refused") != std::string::npos,
                 s.error.c_str());
        QCOMPARE(nm(s.steps[0].state), nm(StepState::Done));  // not undone before the step after it
        QVERIFY(j->unfinished()->empty());            // stuck waits for a person, not for a restart

        ledger.clearFailures();
        r = runner.resume("rb-stuck");
        QVERIFY(r.ok());
        QCOMPARE(nm(*r), nm(SagaState::Compensated));
        QCOMPARE(ledger.effects(), (std::vector<std::string>{"do:withdraw#1", "do:swap#2", "undo:swap_back#2",
                                                             "undo:withdraw_back#1"}));
        checkUntouched(ledger);
    }

    void badInputIsRefused() {
        const auto db = freshDb();
        SimulatedStepExecutor ledger;
        fund(ledger);
        auto j = journal(db);
        SagaRunner runner(*j, ledger, clock_);
        QVERIFY(runner.start(rebalance("rb-dup")).ok());
        auto dup = runner.start(rebalance("rb-dup"));
        QVERIFY(!dup.ok());
        QVERIFY2(dup.error().find("rb-dup") != std::string::npos && dup.error().find("exists") != std::string::npos,
                 dup.error().c_str());
        QCOMPARE(ledger.effects().size(), std::size_t(3));  // the duplicate ran nothing
        Saga empty;
        empty.id = "rb-empty";
        auto r = runner.start(empty);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find("no steps") != std::string::npos, r.error().c_str());
        auto unknown = runner.resume("nope");
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error().find("nope") != std::string::npos, unknown.error().c_str());
        // A malformed params object is a failed step with the reason, then compensated.
        Saga bad = rebalance("rb-bad");
        bad.steps[1].params = "{\"amount\":";
        r = runner.start(bad);
        QVERIFY(r.ok());
        QCOMPARE(nm(*r), nm(SagaState::Compensated));
        QVERIFY(loaded(db, "rb-bad").error.find("step 2 (swap) failed: params {\"amount\":: expected") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSagaRunner)
#include "tst_sagarunner.moc"
