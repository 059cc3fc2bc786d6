// The simulated world behind FleetSimulator: endpoints, chains, hosts, pools,
// agents, the mempool and the injected faults, advanced one 1 s tick at a time.
// Each step lives in its own file (SimFaults, SimEnvironment, SimAgents,
// SimTransactions, SimMetrics); FleetSimulator runs them in order.
#pragma once

#include "record/Record.h"
#include "sim/Scenario.h"
#include "sim/SimRandom.h"

#include <deque>
#include <string>
#include <vector>

namespace vigil::sim {

inline constexpr TimestampMs kTickMs = 1000;
inline constexpr TimestampMs kReceiptTimeoutMs = 180'000;

struct SimEndpoint {
    std::string name;    // "eth-main-a" (the endpoint field of task and tx events)
    std::string target;  // "rpc:eth-main-a"
    std::string address; // for log lines
    int chain = 0;
    bool primary = true;
    double baseLatencyMs = 40;
    double baseErrorRate = 0.002;
    Rng rng;
    double wander = 0;  // slow drift, log space
    // Fault state, set each tick.
    bool down = false;
    double latencyMult = 1.0;
    // This tick's observations.
    double latencyMs = 0;
    double errorRate = 0;
    TimestampMs downSince = -1;
    TimestampMs lastHealthLog = 0;
    // Calls and errors of the last 30 s, so the error rate reads like a
    // Prometheus rate() rather than jumping between 0 and 1/3 on quiet endpoints.
    std::deque<std::pair<int, int>> window;
    int windowCalls = 0, windowErrors = 0;
};

struct SimChain {
    std::string name;    // "ethereum"
    std::string target;  // "chain:ethereum"
    int primary = 0, backup = 0;  // endpoint indices
    double typicalBaseFee = 20;   // gwei
    double floorFee = 0;
    double marketTip = 1.5;
    double minTip = 0;
    TimestampMs blockMs = 12'000;
    TimestampMs nextBlockAt = 0;
    std::int64_t blockNumber = 0;
    Rng rng;
    double wander = 0;
    double gasMult = 1.0;    // fault state
    double baseFee = 20;     // current
    double feeAverage = 0;   // slow EWMA, for the oracle's warnings
    TimestampMs lastGasWarn = 0;
};

struct SimHost {
    std::string name, target;  // "node-1", "host:node-1"
    double baseMs = 10;
    Rng rng;
    double wander = 0;
    double latencyMult = 1.0;
    double latencyMs = 0;
    TimestampMs lastLog = 0;
};

struct WorkflowModel {
    const char* prefix;        // task id prefix
    double arrivalPerS;        // normal task arrival rate for the whole pool
    int rpcCalls;              // calls per task
    double overheadMedianMs;   // work besides RPC calls
    double nominalServiceS;    // mean busy time per task, for sizing an overload
    int maxTxAttempts;         // submissions per task when transactions revert
    double baseRevert;         // chance a transaction reverts on chain
};
const WorkflowModel& workflowModel(const std::string& workflow);

struct QueuedTask {
    std::string id;
    TimestampMs arrival = 0;
};

struct SimPool {
    std::string workflow, target;  // "airdrop_claim", "pool:airdrop_claim"
    const WorkflowModel* model = nullptr;
    Rng rng;
    double overloadRate = 0;  // fault state: arrivals/s replacing the normal rate
    std::deque<QueuedTask> queue;
    std::uint64_t taskSeq = 0;
    int doneInWindow = 0, failedInWindow = 0;
    TimestampMs lastBacklogWarn = 0;
    // The scheduler holds at most this many waiting tasks (kQueueCapacityS of the
    // pool's nominal work); arrivals beyond it are refused. Calm never comes near it.
    int capacity = 0;
    int refusedInWindow = 0;
    TimestampMs lastFullWarn = 0;
};

// Seconds of a pool's nominal service its queue can hold (see SimPool::capacity).
inline constexpr double kQueueCapacityS = 150.0;
// Scheduled transactions whose gas an agent's hot wallet must always cover.
inline constexpr int kReserveTxs = 10;

enum class AgentPhase : std::uint8_t { Idle, Working, Submitting, AwaitingReceipt, ReceiptSeen };

struct SimAgent {
    std::string id, target;  // "agent-07", "agent:agent-07"
    std::string workflow;
    int pool = 0, chain = 0, endpoint = 0, host = 0;
    Rng rng;
    std::string version = "v2.3.9";
    bool badDeploy = false;
    bool retiring = false;  // scaled down: leaves when idle
    bool removed = false;
    std::vector<std::string> wallets;
    std::int64_t nextNonce = 0;   // next nonce to assign
    std::int64_t chainNonce = 0;  // next nonce the chain will accept
    // Current task.
    AgentPhase phase = AgentPhase::Idle;
    TimestampMs freeAt = 0;  // idle since
    TimestampMs wakeAt = 0;  // next step when busy
    std::string taskId;
    TimestampMs taskStart = 0;
    int taskEndpoint = 0;
    std::string taskError;   // decided outcome of a Working step; empty = success
    int attempt = 0;
    std::string idem;        // idempotency key of the task's transfer
    std::string txHash;      // its latest transaction
    bool receiptOk = false;
    std::uint64_t sweepSeq = 0;
    // Hot wallet paying the agent's gas (tx-sending agents only, see SimWallets.cpp).
    bool hasWallet = false;
    double balanceEth = 0, walletTargetEth = 0;
    double drainEthPerS = 0;  // fault state: outflow of a wallet-drain
    TimestampMs lowWarnAt = 0;
};

struct SimTx {
    std::string hash;
    int agent = 0, chain = 0, endpoint = 0;
    std::int64_t nonce = 0;
    double maxFee = 0, tip = 0, valueEth = 0;
    std::string idem;
    TimestampMs submitted = 0;
    TimestampMs lastWarn = 0;
    bool willRevert = false;
};

struct ActiveFault {
    FaultLabel label;
    int target = -1;        // index into the list its kind targets
    bool hostTarget = false;  // latency-spike on a host rather than an endpoint
    double magnitude = 1.0;
    bool begun = false, ended = false;
    std::string stuckHash;  // stuck-tx: the transaction that is stuck now
};

struct SimWorld {
    ScenarioSpec spec;
    std::uint64_t seed = 0;
    TimestampMs start = 0;
    std::vector<SimEndpoint> endpoints;
    std::vector<SimChain> chains;
    std::vector<SimHost> hosts;
    std::vector<SimPool> pools;
    std::vector<SimAgent> agents;
    std::vector<SimTx> mempool;  // submitted, not yet mined, replaced or dropped
    std::vector<FaultLabel> labels;
    std::vector<ActiveFault> faults;
    int plannedCycles = 0;
    std::uint64_t txSeq = 0;

    // The tick being generated: records get ts in (tickStart, tickEnd].
    TimestampMs tickStart = 0, tickEnd = 0;
    std::int64_t tickIndex = 0;  // tickEnd = start + tickIndex * kTickMs
    std::vector<Record>* out = nullptr;

    void metric(TimestampMs ts, const char* series, const std::string& target, double value);
    void log(TimestampMs ts, const std::string& source, LogLevel level, std::string message);
    void taskEvent(TimestampMs ts, const SimAgent& a, TaskState state, const std::string& error, double durationMs);
    // The agent's last word when it is removed from its pool: a `retired` task event.
    void retiredEvent(TimestampMs ts, const SimAgent& a);
    void txEvent(TimestampMs ts, const SimTx& tx, TxState state);
    // Keeps a timestamp inside the current tick.
    TimestampMs clampToTick(TimestampMs ts) const;

    // Lookups accept the bare name or the typed target ("agent-07" / "agent:agent-07").
    int findAgent(const std::string& name) const;  // active agents only
    int findEndpoint(const std::string& name) const;
    int findPool(const std::string& name) const;
    int findChain(const std::string& name) const;
    int findHost(const std::string& name) const;
    int usersOf(int endpoint) const;
    int workersIn(int pool) const;
    int addAgent(int pool, TimestampMs now);  // a new worker, numbered after the last
};

void buildWorld(SimWorld& w, const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start);

// The tick steps, in the order FleetSimulator runs them.
void planCycles(SimWorld& w);        // repeat mode: plan the faults of a new cycle
void stepFaults(SimWorld& w);        // begin/end faults, set fault state
void stepEnvironment(SimWorld& w);   // endpoints, hosts, gas, blocks (mining)
void stepAgents(SimWorld& w);        // arrivals, task state machines
void stepWallets(SimWorld& w);       // hot wallets: drains, treasury top-ups
void stepMetrics(SimWorld& w);       // samples at tickEnd, periodic log lines

// Hot wallets: gas a transaction of the agent's workflow uses, the ETH its next
// kReserveTxs scheduled transactions need at today's fees, and the charge for a
// mined transaction.
double gasLimitOf(const std::string& workflow);
double walletReserveEth(const SimWorld& w, const SimAgent& a);
void chargeGas(SimWorld& w, SimAgent& a, const SimTx& tx);

// Mempool operations shared by agents, faults and remediation.
SimTx& submitTx(SimWorld& w, int agent, TimestampMs ts, const std::string& idem, double valueEth,
                double maxFee, double tip, bool willRevert);
void marketFees(const SimWorld& w, int chain, Rng& rng, double& maxFee, double& tip);
int findPendingTx(const SimWorld& w, const std::string& hash);
int findPendingTx(const SimWorld& w, int agent, std::int64_t nonce);
// Replaces (state Replaced) or drops (Dropped) the pending tx at index i and
// resubmits its transfer with the same nonce and the given fees; returns the new hash.
std::string resubmitTx(SimWorld& w, int i, TxState oldState, TimestampMs ts, double maxFee, double tip);
void mineBlock(SimWorld& w, int chain, TimestampMs ts, double includeChance);
void watchPending(SimWorld& w);  // warns about transactions pending for minutes

// Load over the day (UTC): 1 ± amplitude, highest mid-afternoon.
double diurnal(TimestampMs t, double amplitude);

}  // namespace vigil::sim
