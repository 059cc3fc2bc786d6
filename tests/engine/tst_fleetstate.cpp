// FleetState: agent totals from task events, and health judged over the last
// minute of record time (engine/AgentHealth.h), whatever the batching.
#include "engine/FleetState.h"

#include <QtTest>

using namespace vigil;

namespace {
constexpr TimestampMs T0 = 1'767'225'600'000;

TaskEvent task(TimestampMs ts, const std::string& agent, TaskState state, std::string error = {}) {
    TaskEvent t;
    t.ts = ts;
    t.task_id = agent + "-" + std::to_string(ts);
    t.agent = agent;
    t.workflow = "wallet_monitor";
    t.endpoint = "eth-main-a";
    t.state = state;
    t.error = std::move(error);
    return t;
}

// `ok` successes then `failed` failures, spread over [from, to].
void feed(FleetState& f, const std::string& agent, int ok, int failed, TimestampMs from, TimestampMs to) {
    const int n = ok + failed;
    for (int i = 0; i < n; ++i) {
        const TimestampMs ts = n == 1 ? to : from + (to - from) * i / (n - 1);
        f.add(task(ts, agent, i < ok ? TaskState::Succeeded : TaskState::Failed, i < ok ? "" : "timeout"));
    }
}

const AgentStatus* find(const std::vector<AgentStatus>& all, const std::string& name) {
    for (const auto& a : all)
        if (a.agent == name) return &a;
    return nullptr;
}
}  // namespace

class TestFleetState : public QObject {
    Q_OBJECT
private slots:
    void classifiesTheLastMinute_data() {
        QTest::addColumn<int>("ok");
        QTest::addColumn<int>("failed");
        QTest::addColumn<qint64>("lastSeenAgo");  // ms before `now`
        QTest::addColumn<bool>("reportsMetrics");
        QTest::addColumn<int>("health");
        QTest::newRow("clean") << 20 << 0 << qint64(1000) << false << int(AgentHealth::Healthy);
        QTest::newRow("10 % failed") << 18 << 2 << qint64(1000) << false << int(AgentHealth::Degraded);
        QTest::newRow("67 %, 4 failures") << 2 << 4 << qint64(1000) << false << int(AgentHealth::Failing);
        QTest::newRow("100 % but only 2") << 0 << 2 << qint64(1000) << false << int(AgentHealth::Degraded);
        QTest::newRow("quiet 40 s") << 5 << 0 << qint64(40'000) << false << int(AgentHealth::Silent);
        QTest::newRow("quiet but reporting metrics") << 5 << 0 << qint64(40'000) << true << int(AgentHealth::Healthy);
    }
    void classifiesTheLastMinute() {
        QFETCH(int, ok);
        QFETCH(int, failed);
        QFETCH(qint64, lastSeenAgo);
        QFETCH(bool, reportsMetrics);
        QFETCH(int, health);
        const TimestampMs now = T0 + 60'000;
        FleetState f;
        feed(f, "a", ok, failed, T0, now - lastSeenAgo);
        std::vector<SeriesTail> series;
        if (reportsMetrics) series.push_back(SeriesTail{"api.latency_ms", "agent:a", {{now - 2000, 30.0}}});
        const auto agents = f.agents(now, series);
        QCOMPARE(agents.size(), std::size_t(1));
        QCOMPARE(int(agents[0].health), health);
        QCOMPARE(agents[0].recentFailed, std::int64_t(failed));
        QCOMPARE(agents[0].recentFinished, std::int64_t(ok + failed));
    }

    void recoversAfterTheWindow() {
        FleetState f;
        feed(f, "a", 1, 5, T0, T0 + 500);
        QCOMPARE(f.agents(T0 + 1000)[0].health, AgentHealth::Failing);
        // Successes only from now on: lifetime totals stay bad, the last minute is clean.
        for (TimestampMs t = T0 + 1000; t <= T0 + 70'000; t += 1000) {
            f.add(task(t, "a", TaskState::Succeeded));
            f.add(task(t + 1, "a", TaskState::Succeeded));
        }
        auto a = f.agents(T0 + 70'001)[0];
        QCOMPARE(a.health, AgentHealth::Healthy);
        QCOMPARE(a.failed, 5);
        QCOMPARE(a.recentFailed, 0);
        // Baseline: the newest per-second mark at least a minute old (T0 + 10 s), so
        // 61 seconds at two successes each.
        QCOMPARE(a.recentFinished, 122);
        // Fresh failures count against the last minute's successes: 20 more is
        // 14 % (degraded), 150 more is 56 % (failing).
        for (int i = 0; i < 20; ++i) f.add(task(T0 + 71'000, "a", TaskState::Failed, "reverted"));
        QCOMPARE(f.agents(T0 + 71'000)[0].health, AgentHealth::Degraded);
        for (int i = 0; i < 130; ++i) f.add(task(T0 + 71'500, "a", TaskState::Failed, "reverted"));
        a = f.agents(T0 + 71'500)[0];
        QCOMPARE(a.health, AgentHealth::Failing);
        QCOMPARE(a.lastError, std::string("reverted"));
    }

    void sortedWithLatestWorkflowAndEndpoint() {
        FleetState f;
        f.add(task(T0, "b", TaskState::Succeeded));
        auto t = task(T0 + 1, "a", TaskState::Failed, "nonce_too_low");
        t.workflow = "airdrop_claim";
        t.endpoint = "arb-main-b";
        f.add(t);
        const auto agents = f.agents(T0 + 2);
        QCOMPARE(agents.size(), std::size_t(2));
        QCOMPARE(agents[0].agent, std::string("a"));
        const auto* a = find(agents, "a");
        QCOMPARE(a->workflow, std::string("airdrop_claim"));
        QCOMPARE(a->endpoint, std::string("arb-main-b"));
        QCOMPARE(a->lastError, std::string("nonce_too_low"));
        QCOMPARE(a->lastSeen, T0 + 1);
    }

    // A worker drained by a scale-down says so ("retired"): it is listed as retired,
    // never as silent however long it stays quiet, and keeps its totals; a later
    // event of the same agent, or a metric about it, makes it a working agent again.
    void aRetiredAgentIsRetiredNotSilent() {
        FleetState f;
        feed(f, "a", 10, 0, T0, T0 + 9'000);
        feed(f, "b", 10, 0, T0, T0 + 9'000);
        auto bye = task(T0 + 10'000, "a", TaskState::Retired);
        bye.task_id.clear();
        f.add(bye);
        for (const TimestampMs later : {T0 + 11'000, T0 + 45'000, T0 + 3'600'000}) {
            const auto all = f.agents(later);
            QCOMPARE(find(all, "a")->health, AgentHealth::Retired);
            QCOMPARE(find(all, "a")->retiredAt, T0 + 10'000);
            QCOMPARE(find(all, "a")->succeeded, std::int64_t(10));
        }
        QCOMPARE(find(f.agents(T0 + 45'000), "b")->health, AgentHealth::Silent);  // quiet without a word: silent
        // Listed for an hour after it left, then no more; the silent one stays listed.
        QVERIFY(!find(f.agents(T0 + 10'000 + 3'600'001), "a"));
        QVERIFY(find(f.agents(T0 + 10'000 + 3'600'001), "b"));
        // A retirement is not an outcome: it neither fails nor succeeds a task.
        QCOMPARE(find(f.agents(T0 + 11'000), "a")->recentFinished, std::int64_t(10));
        // A metric already on its way when it left is a straggler, not a sign of life...
        SeriesTail straggler{"agent.heartbeat", "agent:a", {{T0 + 10'900, 1.0}}};
        QCOMPARE(find(f.agents(T0 + 45'000, {straggler}), "a")->health, AgentHealth::Retired);
        QVERIFY(!find(f.agents(T0 + 10'000 + 3'600'001, {straggler}), "a"));
        // ...one a silence's length (30 s) after it retired is: it is working again.
        SeriesTail tail{"agent.heartbeat", "agent:a", {{T0 + 50'000, 1.0}}};
        QCOMPARE(find(f.agents(T0 + 51'000, {tail}), "a")->health, AgentHealth::Healthy);
        QVERIFY(find(f.agents(T0 + 10'000 + 3'600'001, {tail}), "a"));
        // So is a new task: scaled up again under the same name.
        f.add(task(T0 + 60'000, "a", TaskState::Started));
        const auto back = f.agents(T0 + 61'000);
        QCOMPARE(find(back, "a")->health, AgentHealth::Healthy);
        QCOMPARE(find(back, "a")->retiredAt, TimestampMs(0));
    }

    void healthNamesForTheCli() {
        QCOMPARE(std::string(healthName(AgentHealth::Healthy)), std::string("healthy"));
        QCOMPARE(std::string(healthName(AgentHealth::Silent)), std::string("silent"));
        QCOMPARE(std::string(healthName(AgentHealth::Retired)), std::string("retired"));
    }
};

QTEST_APPLESS_MAIN(TestFleetState)
#include "tst_fleetstate.moc"
