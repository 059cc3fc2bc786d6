// Fault scenarios of the demo fleet and their ground truth. A scenario plus a seed
// and a duration fixes when each fault starts and ends and what it hits; the
// simulator injects exactly these faults and the labels file records them.
#pragma once

#include "record/Record.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vigil {

// One injected fault. kind is one of the fault scenario names below; target is a
// typed target as used by metric samples: "rpc:eth-main-a", "host:node-2",
// "chain:ethereum", "pool:airdrop_claim", "agent:agent-07". The window is the
// injected one [start, end); remediation may end the effects earlier.
struct FaultLabel {
    std::string kind;
    TimestampMs start = 0;
    TimestampMs end = 0;
    std::string target;
    bool operator==(const FaultLabel&) const = default;
};

inline constexpr const char* kRpcOutage = "rpc-outage";
inline constexpr const char* kLatencySpike = "latency-spike";
inline constexpr const char* kGasSpike = "gas-spike";
inline constexpr const char* kWorkerOverload = "worker-overload";
inline constexpr const char* kStuckTx = "stuck-tx";
inline constexpr const char* kFailedTxBurst = "failed-tx-burst";
// A stuck transaction like kStuckTx, but a treasury transfer of 12-18 ETH: its
// replacement moves funds above the default two-person limit (10 ETH), so
// fixing it needs two people. Part of the cascade only (no scenario of its own).
inline constexpr const char* kStuckTransfer = "stuck-transfer";
inline constexpr const char* kWalletDrain = "wallet-drain";

struct ScenarioSpec {
    std::string name = "calm";
    std::int64_t durationS = 3600;
    // Live demo: plan the scenario again for every following durationS window
    // (with a seed derived per cycle), so an endless feed keeps having faults.
    bool repeat = false;
    // Seconds of calm before a cycle's faults; negative: min(5 min, duration/4),
    // the evaluation scenarios' baseline. The console's demo shortens it so a
    // newcomer sees a fault within the first minute (demoScenario()).
    std::int64_t warmUpS = -1;
};

// calm, rpc-outage, latency-spike, gas-spike, worker-overload, stuck-tx,
// failed-tx-burst, wallet-drain, cascade.
const std::vector<std::string>& scenarioNames();
bool isScenario(const std::string& name);

// Shortest duration a faulted scenario accepts (warm-up + fault + tail).
inline constexpr std::int64_t kMinFaultDurationS = 120;
inline constexpr std::int64_t kMaxDurationS = 31 * 24 * 3600;

// The console's demo warm-up: long enough for the gas detector's
// baseline (20 one-second samples), short enough that the first fault of the
// demo fleet starts within the first minute at 1x (jitter adds up to 0.04 of
// the cascade span, 31 s of a 900 s cycle).
inline constexpr std::int64_t kDemoWarmUpS = 25;
// What `vigil` plays without arguments: the cascade, repeating every 15 minutes.
inline constexpr const char* kDemoScenarioName = "cascade";
inline constexpr std::int64_t kDemoCycleS = 900;
// The scenario the console plays when started without arguments (or with
// --scenario/--cycle): `name` repeating every cycleS with the demo warm-up.
inline ScenarioSpec demoScenario(const std::string& name, std::int64_t cycleS) {
    return ScenarioSpec{name, cycleS, /*repeat=*/true, kDemoWarmUpS};
}

// Empty when the spec is usable; otherwise a one-line reason naming the field.
std::string validateScenario(const ScenarioSpec& spec);

// The faults of cycle `cycle` (0 for a non-repeating run) starting at cycleStart.
// Starts follow a warm-up of min(5 min, duration/4) (or min(warmUpS, duration/4))
// so detectors have a baseline;
// every fault ends before the cycle's last min(2 min, duration/8). Sorted by start.
std::vector<FaultLabel> planFaults(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs cycleStart,
                                   int cycle = 0);

}  // namespace vigil
