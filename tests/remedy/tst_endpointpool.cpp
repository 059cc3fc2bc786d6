// EndpointPool against scripted endpoints on a virtual clock: failover on
// refused and on deadline, no failover on a JSON-RPC (deterministic) error,
// ranking by observed latency, fail-back after the breaker's trials pass, and
// a call that no endpoint can answer reported as failed, not lost silently.
#include "remedy/chain/EndpointPool.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;
using net::NetError;
using net::RpcResponse;

namespace {

// Answers after `latencyMs` of virtual time, or fails the way it is told to.
class ScriptedNode final : public net::RpcCaller {
public:
    ScriptedNode(VirtualClock& clock, TimestampMs latencyMs) : clock_(clock), latencyMs(latencyMs) {}
    RpcResponse call(std::string_view, std::string_view) override {
        ++calls;
        RpcResponse r;
        r.error = mode;
        clock_.advanceBy(mode == NetError::Timeout ? 400 : latencyMs);
        if (mode == NetError::RpcError) {
            r.code = 3;
            r.message = "execution reverted";
        } else if (mode == NetError::None) {
            r.result = "\"0x1\"";
        } else {
            r.message = "scripted failure";
        }
        return r;
    }
    VirtualClock& clock_;
    TimestampMs latencyMs;
    NetError mode = NetError::None;
    int calls = 0;
};

struct Fixture {
    VirtualClock clock{1'000'000};
    ScriptedNode* primary = nullptr;
    ScriptedNode* backup = nullptr;
    std::unique_ptr<EndpointPool> pool;

    explicit Fixture(TimestampMs primaryMs = 5, TimestampMs backupMs = 20) {
        auto p = std::make_unique<ScriptedNode>(clock, primaryMs);
        auto b = std::make_unique<ScriptedNode>(clock, backupMs);
        primary = p.get();
        backup = b.get();
        std::vector<PoolEndpoint> eps;
        eps.push_back({"primary", std::move(p)});
        eps.push_back({"backup", std::move(b)});
        PoolConfig cfg;
        cfg.breaker = {2, 1000, 2};
        pool = std::make_unique<EndpointPool>("testchain", std::move(eps), clock, cfg);
    }
};

}  // namespace

class TestEndpointPool : public QObject {
    Q_OBJECT
private slots:
    void healthyPrimaryServesEverything() {
        Fixture f;
        for (int i = 0; i < 10; ++i) QVERIFY(f.pool->call("eth_blockNumber", "[]").ok());
        QCOMPARE(f.primary->calls, 10);
        QCOMPARE(f.backup->calls, 0);
        QCOMPARE(f.pool->failovers(), std::uint64_t(0));
        QCOMPARE(f.pool->preferred(), size_t(0));
    }

    void refusedPrimaryFailsOverWithoutLosingCalls() {
        Fixture f;
        QVERIFY(f.pool->call("m", "[]").ok());
        f.primary->mode = NetError::Refused;
        for (int i = 0; i < 10; ++i) {
            auto r = f.pool->call("m", "[]");
            QVERIFY2(r.ok(), r.message.c_str());
            QCOMPARE(f.pool->lastServedBy(), size_t(1));
        }
        // The first failure demoted the primary: one failed attempt, then the
        // backup first for every later call.
        QCOMPARE(f.primary->calls, 2);
        QCOMPARE(f.pool->status()[0].transportFailures, std::uint64_t(1));
        QCOMPARE(f.pool->failovers(), std::uint64_t(1));
        QCOMPARE(f.pool->preferred(), size_t(1));
        QCOMPARE(f.pool->failedCalls(), std::uint64_t(0));
        // Its error rate fades (half-life 2 s): two half-lives later it is
        // tried again, fails a second time in a row and its breaker opens.
        f.clock.advanceBy(4000);
        QVERIFY(f.pool->call("m", "[]").ok());
        QCOMPARE(f.primary->calls, 3);
        QCOMPARE(f.pool->status()[0].state, CircuitBreaker::State::Open);
        QCOMPARE(f.pool->lastServedBy(), size_t(1));
    }

    void hungPrimaryCostsOneDeadline() {
        Fixture f;
        f.primary->mode = NetError::Timeout;
        const TimestampMs start = f.clock.now();
        QVERIFY(f.pool->call("m", "[]").ok());
        QCOMPARE(f.pool->preferred(), size_t(1));
        for (int i = 0; i < 4; ++i) QVERIFY(f.pool->call("m", "[]").ok());
        QCOMPARE(f.primary->calls, 1);
        // 1 deadline (400 ms) + 5 backup answers (20 ms), all virtual time.
        QCOMPARE(f.clock.now() - start, TimestampMs(400 + 5 * 20));
    }

    void revertIsNotAReasonToFailOver() {
        Fixture f;
        f.primary->mode = NetError::RpcError;
        for (int i = 0; i < 5; ++i) {
            auto r = f.pool->call("eth_call", "[]");
            QCOMPARE(r.error, NetError::RpcError);
            QCOMPARE(r.code, std::int64_t(3));
        }
        QCOMPARE(f.backup->calls, 0);
        const auto st = f.pool->status();
        QCOMPARE(st[0].state, CircuitBreaker::State::Closed);
        QCOMPARE(st[0].rpcErrors, std::uint64_t(5));
        QCOMPARE(st[0].transportFailures, std::uint64_t(0));
        QCOMPARE(f.pool->failovers(), std::uint64_t(0));
    }

    void failsBackOnceTheErrorRateFades() {
        Fixture f;
        f.primary->mode = NetError::Refused;
        for (int i = 0; i < 4; ++i) QVERIFY(f.pool->call("m", "[]").ok());
        QCOMPARE(f.pool->preferred(), size_t(1));
        f.primary->mode = NetError::None;
        f.clock.advanceBy(4000);
        QVERIFY(f.pool->call("m", "[]").ok());
        QCOMPARE(f.pool->lastServedBy(), size_t(0));
        QCOMPARE(f.pool->preferred(), size_t(0));
        const int backupCalls = f.backup->calls;
        for (int i = 0; i < 5; ++i) QVERIFY(f.pool->call("m", "[]").ok());
        QCOMPARE(f.backup->calls, backupCalls);
    }

    void failsBackThroughBreakerTrials() {
        Fixture f;
        f.primary->mode = NetError::Refused;
        QVERIFY(f.pool->call("m", "[]").ok());
        f.clock.advanceBy(4000);
        QVERIFY(f.pool->call("m", "[]").ok());
        QCOMPARE(f.pool->status()[0].state, CircuitBreaker::State::Open);
        f.primary->mode = NetError::None;
        QVERIFY(f.pool->call("m", "[]").ok());  // open: not even tried
        QCOMPARE(f.pool->lastServedBy(), size_t(1));
        f.clock.advanceBy(5000);
        QVERIFY(f.pool->call("m", "[]").ok());  // trial 1
        QCOMPARE(f.pool->lastServedBy(), size_t(0));
        QCOMPARE(f.pool->status()[0].state, CircuitBreaker::State::HalfOpen);
        QVERIFY(f.pool->call("m", "[]").ok());  // trial 2 closes it
        QCOMPARE(f.pool->status()[0].state, CircuitBreaker::State::Closed);
        QCOMPARE(f.pool->status()[0].errorRate, 0.0);  // history cleared
        QCOMPARE(f.pool->preferred(), size_t(0));
    }

    void failedTrialGoesBackToBackupInTheSameCall() {
        Fixture f;
        f.primary->mode = NetError::Refused;
        QVERIFY(f.pool->call("m", "[]").ok());
        f.clock.advanceBy(4000);
        QVERIFY(f.pool->call("m", "[]").ok());
        QCOMPARE(f.pool->status()[0].state, CircuitBreaker::State::Open);
        f.clock.advanceBy(5000);
        auto r = f.pool->call("m", "[]");  // trial fails, backup answers
        QVERIFY(r.ok());
        QCOMPARE(f.primary->calls, 3);
        QCOMPARE(f.pool->lastServedBy(), size_t(1));
        QCOMPARE(f.pool->status()[0].state, CircuitBreaker::State::Open);
        QCOMPARE(f.pool->status()[0].timesOpened, 2);
    }

    void ranksBySlowerLatency() {
        Fixture f(/*primaryMs=*/300, /*backupMs=*/10);
        for (int i = 0; i < 3; ++i) QVERIFY(f.pool->call("m", "[]").ok());
        // First call measured the primary; backup has no history yet (0 ms),
        // so it is tried next and wins on latency from then on.
        QCOMPARE(f.pool->preferred(), size_t(1));
        QCOMPARE(f.primary->calls, 1);
        QVERIFY(f.pool->status()[0].latencyMs > f.pool->status()[1].latencyMs);
    }

    void everyEndpointDownIsAFailedCall() {
        Fixture f;
        f.primary->mode = NetError::Refused;
        f.backup->mode = NetError::Http;
        auto r = f.pool->call("m", "[]");
        QCOMPARE(r.error, NetError::Http);
        QVERIFY2(r.message.find("testchain: every endpoint failed") != std::string::npos, r.message.c_str());
        QCOMPARE(f.pool->failedCalls(), std::uint64_t(1));
        // With every breaker open, calls still try them (nothing else could answer).
        r = f.pool->call("m", "[]");
        QVERIFY(!r.ok());
        f.backup->mode = NetError::None;
        for (int i = 0; i < 3; ++i) f.pool->call("m", "[]");
        QVERIFY(f.pool->call("m", "[]").ok());
    }

    void rateLimitCountsAsEndpointFailure() {
        RpcResponse r;
        r.error = NetError::RpcError;
        r.code = -32005;
        QVERIFY(EndpointPool::isEndpointFailure(r));
        r.code = -32000;
        QVERIFY(!EndpointPool::isEndpointFailure(r));
        r.error = NetError::Malformed;
        QVERIFY(EndpointPool::isEndpointFailure(r));
    }
};

QTEST_GUILESS_MAIN(TestEndpointPool)
#include "tst_endpointpool.moc"
