#include "sim/SimWorld.h"

#include "record/Target.h"
#include "sim/FleetLayout.h"

#include <algorithm>
#include <cmath>

namespace vigil::sim {

const WorkflowModel& workflowModel(const std::string& workflow) {
    // Sized so each pool runs at 20-30 % utilisation: room for bursts, and an
    // overload (arrivals above capacity) is a clear change.
    static const WorkflowModel wallet{"wm", 0.40, 6, 3000, 3.5, 1, 0.0};
    static const WorkflowModel claim{"ac", 0.12, 4, 4000, 9.0, 3, 0.005};
    static const WorkflowModel rebalance{"rb", 0.07, 8, 6000, 12.0, 2, 0.01};
    if (workflow == "airdrop_claim") return claim;
    if (workflow == "rebalance") return rebalance;
    return wallet;
}

void SimWorld::metric(TimestampMs ts, const char* series, const std::string& target, double value) {
    out->push_back(MetricSample{clampToTick(ts), series, target, value});
}

void SimWorld::log(TimestampMs ts, const std::string& source, LogLevel level, std::string message) {
    out->push_back(LogLine{clampToTick(ts), source, level, std::move(message)});
}

void SimWorld::taskEvent(TimestampMs ts, const SimAgent& a, TaskState state, const std::string& error,
                         double durationMs) {
    TaskEvent e;
    e.ts = clampToTick(ts);
    e.task_id = a.taskId;
    e.agent = a.id;
    e.workflow = a.workflow;
    e.state = state;
    e.endpoint = endpoints[static_cast<std::size_t>(a.taskEndpoint)].name;
    e.error = error;
    e.duration_ms = std::round(durationMs);
    out->push_back(std::move(e));
}

void SimWorld::retiredEvent(TimestampMs ts, const SimAgent& a) {
    TaskEvent e;
    e.ts = clampToTick(ts);
    e.agent = a.id;
    e.workflow = a.workflow;
    e.state = TaskState::Retired;
    e.endpoint = endpoints[static_cast<std::size_t>(a.endpoint)].name;
    out->push_back(std::move(e));
}

void SimWorld::txEvent(TimestampMs ts, const SimTx& tx, TxState state) {
    TxEvent e;
    e.ts = clampToTick(ts);
    e.tx_hash = tx.hash;
    e.agent = agents[static_cast<std::size_t>(tx.agent)].id;
    e.chain = chains[static_cast<std::size_t>(tx.chain)].name;
    e.endpoint = endpoints[static_cast<std::size_t>(tx.endpoint)].name;
    e.nonce = tx.nonce;
    e.state = state;
    e.value_eth = tx.valueEth;
    e.max_fee_gwei = tx.maxFee;
    e.priority_fee_gwei = tx.tip;
    e.idempotency_key = tx.idem;
    out->push_back(std::move(e));
}

TimestampMs SimWorld::clampToTick(TimestampMs ts) const { return std::clamp(ts, tickStart + 1, tickEnd); }

int SimWorld::findAgent(const std::string& name) const {
    const std::string_view id = withoutKind(name, "agent");
    for (std::size_t i = 0; i < agents.size(); ++i)
        if (agents[i].id == id && !agents[i].removed) return static_cast<int>(i);
    return -1;
}

int SimWorld::findEndpoint(const std::string& name) const {
    const std::string_view n = withoutKind(name, "rpc");
    for (std::size_t i = 0; i < endpoints.size(); ++i)
        if (endpoints[i].name == n) return static_cast<int>(i);
    return -1;
}

int SimWorld::findPool(const std::string& name) const {
    const std::string_view n = withoutKind(name, "pool");
    for (std::size_t i = 0; i < pools.size(); ++i)
        if (pools[i].workflow == n) return static_cast<int>(i);
    return -1;
}

int SimWorld::findChain(const std::string& name) const {
    const std::string_view n = withoutKind(name, "chain");
    for (std::size_t i = 0; i < chains.size(); ++i)
        if (chains[i].name == n) return static_cast<int>(i);
    return -1;
}

int SimWorld::findHost(const std::string& name) const {
    const std::string_view n = withoutKind(name, "host");
    for (std::size_t i = 0; i < hosts.size(); ++i)
        if (hosts[i].name == n) return static_cast<int>(i);
    return -1;
}

int SimWorld::usersOf(int endpoint) const {
    int n = 0;
    for (const auto& a : agents) n += (!a.removed && a.endpoint == endpoint) ? 1 : 0;
    return n;
}

int SimWorld::workersIn(int pool) const {
    int n = 0;
    for (const auto& a : agents) n += (!a.removed && !a.retiring && a.pool == pool) ? 1 : 0;
    return n;
}

namespace {

SimAgent makeAgent(SimWorld& w, int number, int pool, int chain, int host) {
    SimAgent a;
    a.id = FleetLayout::agentId(number);
    a.target = "agent:" + a.id;
    a.workflow = w.pools[static_cast<std::size_t>(pool)].workflow;
    a.pool = pool;
    a.chain = chain;
    a.host = host;
    a.endpoint = w.chains[static_cast<std::size_t>(chain)].primary;
    a.rng = Rng(streamSeed(w.seed, a.target));
    for (int i = 0; i < 6; ++i) a.wallets.push_back("0x" + a.rng.hex(40));
    a.nextNonce = a.chainNonce = a.rng.between(120, 4800);
    if (FleetLayout::sendsTransactions(a.workflow)) {
        // Its own stream: wallets must not reshuffle what the agent does.
        Rng wallet(streamSeed(w.seed, "wallet:" + a.id));
        a.hasWallet = true;
        a.walletTargetEth = a.balanceEth = std::round(wallet.uniform(3.0, 6.0) * 100.0) / 100.0;
    }
    return a;
}

}  // namespace

int SimWorld::addAgent(int pool, TimestampMs now) {
    int highest = 0;
    for (const auto& a : agents) highest = std::max(highest, std::stoi(a.id.substr(6)));
    const int number = highest + 1;
    const int chain = (number - 1) % static_cast<int>(chains.size());
    SimAgent a = makeAgent(*this, number, pool, chain, (number - 1) % static_cast<int>(hosts.size()));
    // A new worker joins on the endpoint its chain's agents currently use, so it
    // does not walk back into an endpoint the others were failed over from.
    std::vector<int> votes(endpoints.size(), 0);
    for (const auto& other : agents)
        if (!other.removed && other.chain == chain) ++votes[static_cast<std::size_t>(other.endpoint)];
    const SimChain& c = chains[static_cast<std::size_t>(chain)];
    if (votes[static_cast<std::size_t>(c.backup)] > votes[static_cast<std::size_t>(c.primary)]) a.endpoint = c.backup;
    a.freeAt = now;
    agents.push_back(std::move(a));
    return static_cast<int>(agents.size()) - 1;
}

void buildWorld(SimWorld& w, const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start) {
    const FleetLayout& layout = FleetLayout::standard();
    w.spec = spec;
    w.seed = seed;
    w.start = start;
    w.tickStart = w.tickEnd = start;

    struct EndpointParams {
        double latency, errors;
        const char* address;
    };
    const EndpointParams params[] = {{45, 0.002, "10.20.1.11:8545"},
                                     {62, 0.003, "10.20.2.11:8545"},
                                     {32, 0.002, "10.30.1.21:8547"},
                                     {41, 0.003, "10.30.2.21:8547"}};
    int p = 0;
    for (const auto& cl : layout.chains) {
        SimChain c;
        c.name = cl.name;
        c.target = "chain:" + cl.name;
        c.rng = Rng(streamSeed(seed, c.target));
        const bool eth = cl.name == "ethereum";
        c.typicalBaseFee = eth ? 22.0 : 0.02;
        c.floorFee = eth ? 1.0 : 0.01;
        c.marketTip = eth ? 1.5 : 0.0;
        c.minTip = eth ? 0.05 : 0.0;
        c.blockMs = eth ? 12'000 : kTickMs;
        c.nextBlockAt = start + c.rng.between(1, eth ? 12'000 : 1'000);
        c.blockNumber = eth ? c.rng.between(24'100'000, 24'200'000) : c.rng.between(300'000'000, 310'000'000);
        c.baseFee = c.feeAverage = c.typicalBaseFee;
        for (const std::string* ep : {&cl.primary, &cl.backup}) {
            SimEndpoint e;
            e.name = *ep;
            e.target = "rpc:" + *ep;
            e.address = params[p].address;
            e.chain = static_cast<int>(w.chains.size());
            e.primary = ep == &cl.primary;
            e.baseLatencyMs = params[p].latency;
            e.baseErrorRate = params[p].errors;
            e.rng = Rng(streamSeed(seed, e.target));
            (e.primary ? c.primary : c.backup) = static_cast<int>(w.endpoints.size());
            w.endpoints.push_back(std::move(e));
            ++p;
        }
        w.chains.push_back(std::move(c));
    }
    const double hostMs[] = {9, 11, 14};
    for (std::size_t i = 0; i < layout.hosts.size(); ++i) {
        SimHost h;
        h.name = layout.hosts[i];
        h.target = "host:" + h.name;
        h.baseMs = hostMs[i % 3];
        h.rng = Rng(streamSeed(seed, h.target));
        w.hosts.push_back(std::move(h));
    }
    for (const auto& wf : layout.workflows) {
        SimPool pool;
        pool.workflow = wf;
        pool.target = "pool:" + wf;
        pool.model = &workflowModel(wf);
        pool.rng = Rng(streamSeed(seed, pool.target));
        w.pools.push_back(std::move(pool));
    }
    for (const auto& al : layout.agents) {
        const int number = std::stoi(al.id.substr(6));
        SimAgent a = makeAgent(w, number, w.findPool(al.workflow), w.findChain(al.chain), w.findHost(al.host));
        a.freeAt = start;
        w.agents.push_back(std::move(a));
    }
    for (std::size_t i = 0; i < w.pools.size(); ++i)
        w.pools[i].capacity = static_cast<int>(
            std::ceil(w.workersIn(static_cast<int>(i)) / w.pools[i].model->nominalServiceS * kQueueCapacityS));
    planCycles(w);
}

}  // namespace vigil::sim
