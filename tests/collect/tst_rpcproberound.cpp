// One probe round's answers into records, without I/O: lag behind the best
// endpoint, fee figures from the best endpoint's eth_feeHistory, error kinds per
// endpoint, a wrong chain id, a head going backwards, the EndpointPool-shaped
// health (EWMA weights as the pool's), and byte-identical output for the same answers.
#include "collect/RpcAnswers.h"
#include "collect/RpcProbeRound.h"
#include "collect/CollectTestSupport.h"
#include "record/NdjsonCodec.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::collect;
using collecttest::values;

namespace {

ProbeAnswer ok(std::string result, double ms) {
    ProbeAnswer a;
    a.response.result = std::move(result);
    a.latencyMs = ms;
    return a;
}
ProbeAnswer failed(net::NetError e) {
    ProbeAnswer a;
    a.response.error = e;
    a.response.message = "why";
    return a;
}
EndpointAnswers healthy(const char* chainId, const char* height, double ms) {
    return {ok(std::string("\"") + chainId + "\"", ms), ok(std::string("\"") + height + "\"", ms),
            ok("\"0x3b9aca00\"", ms), ok(rpcanswers::kFeeHistory, ms)};
}

RpcChainOptions chain() {
    return {"eth", 1, {{"a", "http://127.0.0.1:1/"}, {"b", "http://127.0.0.1:2/"}, {"c", "http://127.0.0.1:3/"}}};
}

}  // namespace

class TestRpcProbeRound : public QObject {
    Q_OBJECT
private slots:
    void figuresOfOneRound();
    void backwardsAndWrongChainAreEvents();
    void sameAnswersSameBytes();
    void requestParams();
};

void TestRpcProbeRound::figuresOfOneRound() {
    RpcProbeOptions o;
    ChainProbeState state(chain(), o);
    SourceCounters counters;
    std::vector<Record> out;
    EndpointAnswers slow = healthy("0x1", "0x64", 40);
    slow[CallFeeHistory] = failed(net::NetError::RpcError);  // answered: healthy, not an error-rate hit
    slow[CallFeeHistory].latencyMs = 40;
    EndpointAnswers down = {failed(net::NetError::Timeout), failed(net::NetError::Timeout),
                            failed(net::NetError::Refused), failed(net::NetError::Http)};
    state.evaluate(1000, {healthy("0x1", "0x66", 10), slow, down}, out, counters);

    QCOMPARE(values(out, "rpc.block_height", "rpc:a").at(0).second, 102.0);
    QCOMPARE(values(out, "rpc.block_lag", "rpc:a").at(0).second, 0.0);
    QCOMPARE(values(out, "rpc.block_lag", "rpc:b").at(0).second, 2.0);
    QVERIFY(values(out, "rpc.block_height", "rpc:c").empty());
    QCOMPARE(values(out, "rpc.latency_ms", "rpc:b").at(0).second, 40.0);
    QCOMPARE(values(out, "rpc.error_rate", "rpc:b").at(0).second, 0.0);
    QCOMPARE(values(out, "rpc.errors.rpc", "rpc:b").at(0).second, 1.0);
    QCOMPARE(values(out, "rpc.up", "rpc:c").at(0).second, 0.0);
    QVERIFY(values(out, "rpc.latency_ms", "rpc:c").empty());
    QCOMPARE(values(out, "rpc.error_rate", "rpc:c").at(0).second, 1.0);
    QCOMPARE(values(out, "rpc.errors.timeout", "rpc:c").at(0).second, 2.0);
    QCOMPARE(values(out, "rpc.errors.refused", "rpc:c").at(0).second, 1.0);
    QCOMPARE(values(out, "rpc.errors.http", "rpc:c").at(0).second, 1.0);
    QCOMPARE(values(out, "rpc.gas_price_gwei", "rpc:a").at(0).second, 1.0);
    QCOMPARE(values(out, "chain.block_height", "chain:eth").at(0).second, 102.0);
    QCOMPARE(values(out, "gas.base_fee_gwei", "chain:eth").at(0).second, 3.0);  // the next block's
    QCOMPARE(values(out, "gas.priority_fee_p10_gwei", "chain:eth").at(0).second, 0.1);
    QCOMPARE(values(out, "gas.priority_fee_p50_gwei", "chain:eth").at(0).second, 1.5);
    QCOMPARE(values(out, "gas.priority_fee_p90_gwei", "chain:eth").at(0).second, 2.0);

    const auto& h = state.health();
    QCOMPARE(h[0].answers, std::uint64_t(4));
    QCOMPARE(h[1].rpcErrors, std::uint64_t(1));
    QCOMPARE(h[2].transportFailures, std::uint64_t(4));
    QCOMPARE(int(h[2].lastError), int(net::NetError::Timeout));
    // Four failures through the pool's EWMA (alpha 0.2): 1 - 0.8^4.
    QCOMPARE(h[2].errorRate, 1 - 0.8 * 0.8 * 0.8 * 0.8);
    QCOMPARE(h[0].latencyMs, 10.0);
    QVERIFY(h[0].rankScoreMs() < h[1].rankScoreMs());
    QVERIFY(h[1].rankScoreMs() < h[2].rankScoreMs());
    QCOMPARE(int(counters.timeouts.load()), 2);
    QCOMPARE(int(counters.requests.load()), 12);
}

void TestRpcProbeRound::backwardsAndWrongChainAreEvents() {
    RpcProbeOptions o;
    RpcChainOptions c = chain();
    c.chainId = 0;  // learnt from the first answer, in configured order
    ChainProbeState state(c, o);
    SourceCounters counters;
    std::vector<Record> out;
    state.evaluate(1000, {healthy("0x1", "0x64", 10), healthy("0x1", "0x64", 10), healthy("0x5", "0x99", 10)}, out,
                   counters);
    QCOMPARE(state.expectedChainId(), std::uint64_t(1));
    QCOMPARE(values(out, "rpc.errors.wrong_chain", "rpc:c").at(0).second, 1.0);
    QCOMPARE(values(out, "chain.block_height", "chain:eth").at(0).second, 100.0);  // c's 153 is another chain's
    out.clear();
    state.evaluate(2000, {healthy("0x1", "0x3", 10), healthy("0x1", "0x65", 10), healthy("0x5", "0x99", 10)}, out,
                   counters);
    std::vector<std::string> logs;
    for (const auto& r : out)
        if (const auto* l = std::get_if<LogLine>(&r)) logs.push_back(l->message);
    // The wrong chain is reported when it starts, not every round; the step back once.
    QCOMPARE(logs, std::vector<std::string>{"rpc:a went backwards from block 100 to 3 (a restarted node without its state?)"});
    QCOMPARE(int(counters.backwards.load()), 1);
    QCOMPARE(int(counters.wrongChain.load()), 2);
    QCOMPARE(values(out, "rpc.block_lag", "rpc:a").at(0).second, 98.0);
}

void TestRpcProbeRound::sameAnswersSameBytes() {
    auto run = [] {
        ChainProbeState state(chain(), RpcProbeOptions{});
        SourceCounters counters;
        std::vector<Record> out;
        state.evaluate(5000, {healthy("0x1", "0x64", 12.34), healthy("0x1", "0x60", 7), {}}, out, counters);
        std::string text;
        for (const auto& r : out) appendNdjson(text, r);
        return text;
    };
    const std::string a = run();
    QVERIFY(!a.empty());
    QCOMPARE(a, run());
}

void TestRpcProbeRound::requestParams() {
    RpcProbeOptions o;
    o.feeHistoryBlocks = 20;
    o.rewardPercentiles = {25, 50, 99.5};
    QCOMPARE(probeParams(CallFeeHistory, o), std::string("[\"0x14\",\"latest\",[25,50,99.5]]"));
    QCOMPARE(probeParams(CallChainId, o), std::string("[]"));
    QCOMPARE(probeMethod(CallGasPrice), std::string("eth_gasPrice"));
}

QTEST_GUILESS_MAIN(TestRpcProbeRound)
#include "tst_rpcproberound.moc"
