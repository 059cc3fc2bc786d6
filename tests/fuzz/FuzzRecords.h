// Record sequences a structured decoder builds from fuzz bytes, shared by the
// engine and replay fuzzers: names from small pools so records meet each other (same
// agent/chain/nonce, same series and target), duplicates of earlier records,
// timestamps that repeat, go back, jump far ahead or sit at the int64 extremes,
// NaN/inf/huge values and odd or long strings.
#pragma once

#include "record/Record.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace vigil::fuzz {

constexpr TimestampMs kStart = 1767225600000;  // 2026-01-01

class RecordSource {
public:
    explicit RecordSource(FuzzedDataProvider& in) : in_(in) {}

    Record next() {
        if (!made_.empty() && in_.ConsumeProbability<float>() < 0.1f)  // an exact duplicate
            return made_[in_.ConsumeIntegralInRange<std::size_t>(0, made_.size() - 1)];
        Record r = make();
        made_.push_back(r);
        return r;
    }

private:
    TimestampMs ts() {
        switch (in_.ConsumeIntegralInRange<int>(0, 9)) {
        case 0: return now_;                                                      // same instant
        case 1: return now_ -= in_.ConsumeIntegralInRange<TimestampMs>(0, 3600000);  // back
        case 2: return now_ += in_.ConsumeIntegralInRange<TimestampMs>(0, 30LL * 86400000);  // jump
        case 3:  // far outside any sane time: never allowed to stall or poison the rest
            return in_.PickValueInArray<TimestampMs>({0, -1, 4102444800000, std::numeric_limits<TimestampMs>::max(),
                                                      std::numeric_limits<TimestampMs>::min(),
                                                      std::numeric_limits<TimestampMs>::max() - 999});
        default: return now_ += in_.ConsumeIntegralInRange<TimestampMs>(0, 5000);
        }
    }
    double value() {
        switch (in_.ConsumeIntegralInRange<int>(0, 7)) {
        case 0: return std::numeric_limits<double>::quiet_NaN();
        case 1: return in_.ConsumeBool() ? std::numeric_limits<double>::infinity()
                                         : -std::numeric_limits<double>::infinity();
        case 2: return in_.PickValueInArray({1e308, -1e308, 5e-324, -0.0, 1e18});
        case 3: return in_.ConsumeFloatingPoint<double>();
        default: return in_.ConsumeFloatingPointInRange<double>(0.0, 2000.0);
        }
    }
    std::string text(std::initializer_list<const char*> pool) {
        switch (in_.ConsumeIntegralInRange<int>(0, 31)) {
        case 0: case 1: case 2: return in_.ConsumeRandomLengthString(64);
        case 3: return std::string(in_.ConsumeIntegralInRange<std::size_t>(0, 1 << 16), 'x');  // huge
        case 4: return {};
        default: return pool.begin()[in_.ConsumeIntegralInRange<std::size_t>(0, pool.size() - 1)];
        }
    }
    std::string agent() { return text({"agent-01", "agent-02", "a"}); }
    std::string chain() { return text({"ethereum", "arbitrum"}); }
    std::string endpoint() { return text({"rpc:eth-main-a", "rpc:eth-main-b", ""}); }

    Record make() {
        switch (in_.ConsumeIntegralInRange<int>(0, 12)) {
        case 0: case 1: case 2: case 3:
            return MetricSample{ts(),
                                text({"rpc.latency_ms", "rpc.error_rate", "gas.price_gwei", "worker.queue_depth",
                                      "tx.pending", "api.latency_ms", "net.latency_ms"}),
                                text({"rpc:eth-main-a", "rpc:eth-main-b", "pool:wallet", "chain:ethereum",
                                      "agent:agent-01"}),
                                value()};
        case 4: case 5: {
            TaskEvent t{ts(), text({"t1", "t2", "t3"}), agent(), text({"wallet_monitor", "airdrop_claim", "rebalance"})};
            t.state = static_cast<TaskState>(in_.ConsumeIntegralInRange<int>(0, 3));
            t.endpoint = endpoint();
            t.error = text({"timeout", "rpc_unavailable", "reverted", ""});
            t.duration_ms = value();
            return t;
        }
        case 6: case 7: case 8: {
            TxEvent t{ts(), text({"0xaa", "0xbb", "0xcc"}), agent(), chain(), endpoint()};
            t.nonce = in_.ConsumeBool() ? in_.ConsumeIntegralInRange<std::int64_t>(0, 3) : in_.ConsumeIntegral<std::int64_t>();
            t.state = static_cast<TxState>(in_.ConsumeIntegralInRange<int>(0, 4));
            t.value_eth = value();
            t.max_fee_gwei = value();
            t.priority_fee_gwei = value();
            t.idempotency_key = text({"k1", "k2"});
            return t;
        }
        case 9: case 10:
            return LogLine{ts(), agent(), static_cast<LogLevel>(in_.ConsumeIntegralInRange<int>(0, 3)),
                           text({"deploy of workflow rebalance v2 finished", "rpc timeout after 3000 ms",
                                 "nonce too low for 0xaa", "config reload", "restart"})};
        case 11: {  // the engine's own kinds can come from a recording too
            Anomaly a{ts(), text({"an1"}), text({"metric.ensemble", "tx.stuck"}),
                      text({"rpc.latency_ms", "worker.count"}), text({"rpc:eth-main-a", "pool:rebalance"})};
            a.score = value();
            return a;
        }
        default: {
            // An action's outcome (the correlator follows both: OwnActionEffects).
            if (in_.ConsumeBool()) return Outcome{ts(), text({"ac1"}), in_.ConsumeBool(), text({"ok"})};
            Action a{ts(),
                     text({"ac1"}),
                     text({"inc1"}),
                     text({"retry_tx", "failover_rpc", "transfer", "scale_workers"}),
                     text({"rpc:eth-main-a", "pool:rebalance"}),
                     text({"{}", "{\"x\":1}"})};
            a.status = static_cast<ActionStatus>(in_.ConsumeIntegralInRange<int>(0, 6));
            a.critical = in_.ConsumeBool();
            return a;
        }
        }
    }

    FuzzedDataProvider& in_;
    TimestampMs now_ = kStart;
    std::vector<Record> made_;
};

}  // namespace vigil::fuzz
