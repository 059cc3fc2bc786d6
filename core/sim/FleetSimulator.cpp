#include "sim/FleetSimulator.h"

#include "sim/SimText.h"
#include "sim/SimWorld.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace vigil {

using namespace sim;

namespace {
bool earlier(const Record& a, const Record& b) { return timestampOf(a) < timestampOf(b); }
}  // namespace

FleetSimulator::FleetSimulator(const ScenarioSpec& spec, std::uint64_t seed, TimestampMs start)
    : spec_(spec), seed_(seed), start_(start), now_(start), world_(std::make_unique<SimWorld>()) {
    if (const std::string error = validateScenario(spec); !error.empty()) throw std::invalid_argument(error);
    buildWorld(*world_, spec, seed, start);
}

FleetSimulator::FleetSimulator(const std::string& scenario, std::uint64_t seed, TimestampMs start)
    : FleetSimulator(ScenarioSpec{scenario, 3600, false}, seed, start) {}

FleetSimulator::~FleetSimulator() = default;

const std::vector<std::string>& FleetSimulator::scenarioNames() { return vigil::scenarioNames(); }

const std::vector<FaultLabel>& FleetSimulator::labels() const { return world_->labels; }

LabelsFile FleetSimulator::labelsFile() const { return LabelsFile{spec_.name, seed_, start_, spec_.durationS, world_->labels}; }

void FleetSimulator::runTick() {
    SimWorld& w = *world_;
    w.tickStart = w.tickEnd;
    w.tickEnd += kTickMs;
    ++w.tickIndex;
    tick_.clear();
    w.out = &tick_;
    planCycles(w);
    stepFaults(w);
    stepEnvironment(w);
    stepAgents(w);
    stepMetrics(w);
    stepWallets(w);
    w.out = nullptr;
    // Steps emit in their own order; stable sorting keeps that order for equal ts.
    std::stable_sort(tick_.begin(), tick_.end(), earlier);
    pending_.insert(pending_.end(), std::make_move_iterator(tick_.begin()), std::make_move_iterator(tick_.end()));
}

void FleetSimulator::advance(TimestampMs until, std::vector<Record>& out) {
    if (until <= now_) return;
    while (world_->tickEnd < until) runTick();
    const auto cut = std::upper_bound(pending_.begin(), pending_.end(), until,
                                      [](TimestampMs t, const Record& r) { return t < timestampOf(r); });
    out.insert(out.end(), std::make_move_iterator(pending_.begin()), std::make_move_iterator(cut));
    pending_.erase(pending_.begin(), cut);
    now_ = until;
}

void FleetSimulator::insertNow(std::vector<Record>& records) {
    const auto at = std::upper_bound(pending_.begin(), pending_.end(), now_ + 1,
                                     [](TimestampMs t, const Record& r) { return t < timestampOf(r); });
    pending_.insert(at, std::make_move_iterator(records.begin()), std::make_move_iterator(records.end()));
}

// Runs a remediation against the world with its records stamped now()+1 (they
// happen after everything already handed out).
template <class F>
bool FleetSimulator::remediate(F&& f) {
    SimWorld& w = *world_;
    std::vector<Record> records;
    const TimestampMs savedStart = w.tickStart, savedEnd = w.tickEnd;
    w.tickStart = now_;
    w.tickEnd = now_ + 1;
    w.out = &records;
    const bool ok = f(w, now_ + 1);
    w.tickStart = savedStart;
    w.tickEnd = savedEnd;
    w.out = nullptr;
    insertNow(records);
    return ok;
}

bool FleetSimulator::failover(const std::string& from, const std::string& to) {
    return remediate([&](SimWorld& w, TimestampMs ts) {
        const int dst = w.findEndpoint(to);
        if (dst < 0) return false;
        const int chain = w.endpoints[static_cast<std::size_t>(dst)].chain;
        std::vector<int> moving;
        if (const int a = w.findAgent(from); a >= 0) {
            if (w.agents[static_cast<std::size_t>(a)].chain != chain) return false;
            moving.push_back(a);
        } else if (const int e = w.findEndpoint(from); e >= 0) {
            if (e == dst || w.endpoints[static_cast<std::size_t>(e)].chain != chain) return false;
            for (std::size_t i = 0; i < w.agents.size(); ++i)
                if (!w.agents[i].removed && w.agents[i].endpoint == e) moving.push_back(static_cast<int>(i));
        } else {
            return false;
        }
        for (int i : moving) {
            SimAgent& a = w.agents[static_cast<std::size_t>(i)];
            if (a.endpoint == dst) continue;
            w.log(ts, a.id, LogLevel::Info,
                  "switched RPC endpoint " + w.endpoints[static_cast<std::size_t>(a.endpoint)].name + " -> " +
                      w.endpoints[static_cast<std::size_t>(dst)].name);
            a.endpoint = dst;
        }
        return true;
    });
}

bool FleetSimulator::scaleWorkers(const std::string& poolName, int delta) {
    return remediate([&](SimWorld& w, TimestampMs ts) {
        const int p = w.findPool(poolName);
        if (p < 0 || delta == 0) return false;
        const int before = w.workersIn(p);
        const int after = before + delta;
        if (after < 1 || after > 64) return false;
        std::string names;
        if (delta > 0) {
            for (int k = 0; k < delta; ++k) {
                const int i = w.addAgent(p, ts);
                names += (names.empty() ? "" : ", ") + w.agents[static_cast<std::size_t>(i)].id;
            }
        } else {
            int left = -delta;
            for (auto it = w.agents.rbegin(); it != w.agents.rend() && left > 0; ++it) {
                if (it->pool != p || it->removed || it->retiring) continue;
                it->retiring = true;  // leaves once idle, in a later tick (stepAgents)
                names += (names.empty() ? "" : ", ") + it->id;
                --left;
            }
        }
        w.log(ts, "scheduler", LogLevel::Info,
              "scaled pool " + w.pools[static_cast<std::size_t>(p)].workflow + " from " + std::to_string(before) + " to " +
                  std::to_string(after) + " workers (" + (delta > 0 ? "added " : "retiring ") + names + ")");
        return true;
    });
}

bool FleetSimulator::replaceTx(const std::string& agent, std::int64_t nonce, double factor) {
    return remediate([&](SimWorld& w, TimestampMs ts) {
        const int a = w.findAgent(agent);
        if (a < 0 || !(factor >= 1.1) || !std::isfinite(factor)) return false;
        const int i = findPendingTx(w, a, nonce);
        if (i < 0) return false;
        const SimTx old = w.mempool[static_cast<std::size_t>(i)];
        SimAgent& ag = w.agents[static_cast<std::size_t>(a)];
        double marketMax = 0, marketTip = 0;
        marketFees(w, old.chain, ag.rng, marketMax, marketTip);
        const int decimals = w.chains[static_cast<std::size_t>(old.chain)].name == "ethereum" ? 3 : 4;
        const double maxFee = rounded(std::max(old.maxFee * factor, marketMax), decimals);
        const double tip = rounded(std::max(old.tip * factor, marketTip), 3);
        const std::string hash = resubmitTx(w, i, TxState::Replaced, ts, maxFee, tip);
        w.log(ts, ag.id, LogLevel::Info,
              "replaced tx " + shortHash(old.hash) + " nonce " + std::to_string(nonce) + " with " + shortHash(hash) +
                  ": max_fee " + fixed(old.maxFee, decimals) + " -> " + fixed(maxFee, decimals) + " gwei, tip " +
                  fixed(old.tip, 3) + " -> " + fixed(tip, 3) + " gwei");
        return true;
    });
}

bool FleetSimulator::rollbackWorkflow(const std::string& agent) {
    return remediate([&](SimWorld& w, TimestampMs ts) {
        const int i = w.findAgent(agent);
        if (i < 0) return false;
        SimAgent& a = w.agents[static_cast<std::size_t>(i)];
        if (!a.badDeploy) {
            w.log(ts, a.id, LogLevel::Info, "rollback of " + a.workflow + " requested: already on " + a.version + ", nothing to do");
            return true;
        }
        w.log(ts, a.id, LogLevel::Info, "rolled back workflow " + a.workflow + " " + a.version + " -> v2.3.9");
        a.badDeploy = false;
        a.version = "v2.3.9";
        return true;
    });
}

std::vector<std::string> FleetSimulator::agents() const {
    std::vector<std::string> out;
    for (const auto& a : world_->agents)
        if (!a.removed) out.push_back(a.target);
    return out;
}

std::vector<std::string> FleetSimulator::endpoints() const {
    std::vector<std::string> out;
    for (const auto& e : world_->endpoints) out.push_back(e.target);
    return out;
}

std::vector<std::string> FleetSimulator::pools() const {
    std::vector<std::string> out;
    for (const auto& p : world_->pools) out.push_back(p.target);
    return out;
}

std::vector<FleetSimulator::AgentInfo> FleetSimulator::agentInfo() const {
    const SimWorld& w = *world_;
    std::vector<AgentInfo> out;
    for (const auto& a : w.agents) {
        if (a.removed) continue;
        out.push_back({a.id, a.workflow, w.chains[static_cast<std::size_t>(a.chain)].name,
                       w.endpoints[static_cast<std::size_t>(a.endpoint)].name, w.hosts[static_cast<std::size_t>(a.host)].name});
    }
    return out;
}

std::vector<FleetSimulator::PendingTx> FleetSimulator::pendingTxs() const {
    const SimWorld& w = *world_;
    std::vector<PendingTx> out;
    for (const auto& tx : w.mempool) {
        PendingTx p;
        p.hash = tx.hash;
        p.agent = w.agents[static_cast<std::size_t>(tx.agent)].id;
        p.chain = w.chains[static_cast<std::size_t>(tx.chain)].name;
        p.endpoint = w.endpoints[static_cast<std::size_t>(tx.endpoint)].name;
        p.idempotencyKey = tx.idem;
        p.nonce = tx.nonce;
        p.maxFeeGwei = tx.maxFee;
        p.priorityFeeGwei = tx.tip;
        p.valueEth = tx.valueEth;
        p.submitted = tx.submitted;
        out.push_back(std::move(p));
    }
    return out;
}

int FleetSimulator::workerCount(const std::string& pool) const {
    const int p = world_->findPool(pool);
    return p < 0 ? -1 : world_->workersIn(p);
}

std::int64_t FleetSimulator::queueDepth(const std::string& pool) const {
    const int p = world_->findPool(pool);
    return p < 0 ? -1 : static_cast<std::int64_t>(world_->pools[static_cast<std::size_t>(p)].queue.size());
}

}  // namespace vigil

namespace vigil {

bool FleetSimulator::faultEffective(std::size_t i) const {
    const sim::SimWorld& w = *world_;
    if (i >= w.faults.size()) return false;
    const sim::ActiveFault& f = w.faults[i];
    const FaultLabel& l = f.label;
    const bool open = l.start <= now_ && now_ < l.end;
    const auto t = static_cast<std::size_t>(f.target);
    if (l.kind == kWorkerOverload) {
        // It hurts while the arrivals exceed what the pool's workers serve (the
        // load's window, unless scaling caught up with it) and, after that, until
        // the backlog it left is drained.
        if (now_ < l.start) return false;
        const sim::SimPool& p = w.pools[t];
        const bool overloaded = open && w.workersIn(f.target) / p.model->nominalServiceS < p.overloadRate;
        return overloaded || static_cast<int>(p.queue.size()) > w.workersIn(f.target);
    }
    if (!open) return false;
    if (l.kind == kRpcOutage || (l.kind == kLatencySpike && !f.hostTarget)) return w.usersOf(f.target) > 0;
    if (l.kind == kStuckTx || l.kind == kStuckTransfer) return sim::findPendingTx(w, f.stuckHash) >= 0;
    if (l.kind == kFailedTxBurst) return w.agents[t].badDeploy;
    return true;
}

}  // namespace vigil
