#include "sim/Scenario.h"

#include "sim/FleetLayout.h"
#include "sim/SimRandom.h"

#include <algorithm>

namespace vigil {
namespace {

using sim::FleetLayout;
using sim::Rng;
using sim::streamSeed;

constexpr TimestampMs kSecond = 1000;
constexpr TimestampMs kMinute = 60 * kSecond;

TimestampMs wholeSeconds(double ms) { return static_cast<TimestampMs>(ms / kSecond) * kSecond; }

const std::string& pick(const std::vector<std::string>& v, Rng& rng) { return v[rng.below(v.size())]; }

std::string pickChain(Rng& rng) {
    // Ethereum is where fee and RPC trouble usually shows first; weight it.
    return FleetLayout::standard().chains[rng.chance(0.65) ? 0 : 1].name;
}

std::string primaryOf(const std::string& chain) {
    for (const auto& c : FleetLayout::standard().chains)
        if (c.name == chain) return c.primary;
    return {};
}

// A transaction-sending agent, on `chain` when given.
std::string pickTxAgent(Rng& rng, const std::string& chain = {}) {
    std::vector<std::string> ids;
    for (const auto& a : FleetLayout::standard().agents)
        if (FleetLayout::sendsTransactions(a.workflow) && (chain.empty() || a.chain == chain)) ids.push_back(a.id);
    return pick(ids, rng);
}

std::string pickTarget(const std::string& kind, Rng& rng) {
    const auto& f = FleetLayout::standard();
    if (kind == kRpcOutage) return "rpc:" + primaryOf(pickChain(rng));
    if (kind == kLatencySpike)
        return rng.chance(0.6) ? "rpc:" + primaryOf(pickChain(rng)) : "host:" + pick(f.hosts, rng);
    if (kind == kGasSpike) return "chain:" + pickChain(rng);
    if (kind == kWorkerOverload) return "pool:" + pick(f.workflows, rng);
    return "agent:" + pickTxAgent(rng);  // stuck-tx, failed-tx-burst, wallet-drain
}

struct CycleWindow {
    TimestampMs warmUp, tail, usable;
};

CycleWindow windowOf(std::int64_t durationS, std::int64_t warmUpS) {
    const TimestampMs d = durationS * kSecond;
    CycleWindow w;
    w.warmUp = std::min<TimestampMs>(warmUpS >= 0 ? warmUpS * kSecond : 5 * kMinute, d / 4);
    w.tail = std::min<TimestampMs>(2 * kMinute, d / 8);
    w.usable = d - w.warmUp - w.tail;
    return w;
}

std::vector<FaultLabel> planSingle(const std::string& kind, const CycleWindow& w, TimestampMs cycleStart, Rng& rng) {
    const double maxLen = std::min<double>(15 * kMinute, w.usable * 0.75);
    const double minLen = std::min<double>(3 * kMinute, maxLen / 2);
    const TimestampMs len = std::max(kSecond, wholeSeconds(rng.uniform(minLen, maxLen)));
    const TimestampMs start = cycleStart + w.warmUp + wholeSeconds(rng.uniform(0, static_cast<double>(w.usable - len)));
    return {FaultLabel{kind, start, start + len, pickTarget(kind, rng)}};
}

// Several overlapping faults telling one story: the fee market on a chain spikes,
// a claimer's underpriced transaction gets stuck, a pool backs up, meanwhile a
// primary endpoint goes down, and a treasury transfer on the chain gets stuck too. Fractions of the span keep all four active together
// between 0.29 and 0.66 of it whatever the jitter.
std::vector<FaultLabel> planCascade(const CycleWindow& w, TimestampMs cycleStart, Rng& rng) {
    const double span = static_cast<double>(std::min<TimestampMs>(15 * kMinute, w.usable));
    const TimestampMs t0 =
        cycleStart + w.warmUp + wholeSeconds(rng.uniform(0, static_cast<double>(w.usable) - span));
    const std::string chain = pickChain(rng);
    struct Part {
        const char* kind;
        double from, to;
        std::string target;
    };
    const std::vector<Part> parts = {
        {kGasSpike, 0.00, 0.80, "chain:" + chain},
        {kStuckTx, 0.10, 0.95, "agent:" + pickTxAgent(rng, chain)},
        {kWorkerOverload, 0.15, 0.90, "pool:" + pick(FleetLayout::standard().workflows, rng)},
        {kRpcOutage, 0.25, 0.70, "rpc:" + primaryOf(pickChain(rng))},
    };
    std::vector<FaultLabel> out;
    auto place = [&](const Part& p) {
        const double from = std::clamp(p.from + rng.uniform(-0.04, 0.04), 0.0, 1.0);
        const double to = std::clamp(p.to + rng.uniform(-0.04, 0.04), 0.0, 1.0);
        const TimestampMs start = t0 + wholeSeconds(from * span);
        const TimestampMs end = std::max(start + kSecond, t0 + wholeSeconds(to * span));
        out.push_back(FaultLabel{p.kind, start, end, p.target});
    };
    for (const auto& p : parts) place(p);
    // Then a treasury transfer gets stuck on another sender of the chain, one
    // that needs people to approve its fix. Drawn last, so the four faults
    // above are the same as before it was added.
    std::string other;
    do other = pickTxAgent(rng, chain);
    while ("agent:" + other == parts[1].target);
    place({kStuckTransfer, 0.30, 0.95, "agent:" + other});
    return out;
}

}  // namespace

const std::vector<std::string>& scenarioNames() {
    static const std::vector<std::string> names = {"calm",       "rpc-outage", "latency-spike",   "gas-spike",
                                                    "worker-overload", "stuck-tx", "failed-tx-burst", "wallet-drain",
                                                    "cascade"};
    return names;
}

bool isScenario(const std::string& name) {
    const auto& n = scenarioNames();
    return std::find(n.begin(), n.end(), name) != n.end();
}

std::string validateScenario(const ScenarioSpec& spec) {
    if (!isScenario(spec.name)) {
        std::string list;
        for (const auto& n : scenarioNames()) list += (list.empty() ? "" : ", ") + n;
        return "unknown scenario '" + spec.name + "' (valid: " + list + ")";
    }
    if (spec.durationS < 1 || spec.durationS > kMaxDurationS)
        return "duration " + std::to_string(spec.durationS) + " s out of range 1.." + std::to_string(kMaxDurationS);
    if (spec.name != "calm" && spec.durationS < kMinFaultDurationS)
        return "duration " + std::to_string(spec.durationS) + " s too short for scenario '" + spec.name +
               "' (minimum " + std::to_string(kMinFaultDurationS) + " s)";
    return {};
}

std::vector<FaultLabel> planFaults(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs cycleStart, int cycle) {
    if (spec.name == "calm" || !validateScenario(spec).empty()) return {};
    Rng rng(streamSeed(seed + 0x632be59bd9b4e019ULL * static_cast<std::uint64_t>(cycle), "faults:" + spec.name));
    const CycleWindow w = windowOf(spec.durationS, spec.warmUpS);
    std::vector<FaultLabel> out =
        spec.name == "cascade" ? planCascade(w, cycleStart, rng) : planSingle(spec.name, w, cycleStart, rng);
    std::stable_sort(out.begin(), out.end(), [](const FaultLabel& a, const FaultLabel& b) { return a.start < b.start; });
    return out;
}

}  // namespace vigil
